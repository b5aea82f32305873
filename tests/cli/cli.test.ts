import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexJson } from '../../main/cli/index-command';
import { cli } from './cli-io';
import { ensureSyntaxVault } from '../fixtures/syntax-vault-setup';

const REPO = join(__dirname, '..', '..');
const SAMPLE = join(REPO, 'vault');
const SYNTAX = ensureSyntaxVault();

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'plexus-cli-'));
  process.env.PLEXUS_CACHE_DIR = join(temp, 'cache');
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function vaultWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(temp, 'vault-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

describe('plexus index', () => {
  test('summarises the sample vault, with [[Vectors]] unresolved', async () => {
    const run = await cli('index', SAMPLE, '--workers', '0');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/notes: 20 {2}attachments: 1 {2}links: \d+ \(unresolved 1, ambiguous 0\)/);
    expect(run.stdout).toMatch(/indexed in \d+ ms/);
  });

  test('--json: notes and links in the documented shape', async () => {
    const run = await cli('index', SAMPLE, '--json', '--no-cache');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as IndexJson;
    expect(doc.notes).toHaveLength(20);
    const embedding = doc.notes.find((n) => n.path === 'How LLMs Work/Embedding.md')!;
    expect(embedding).toMatchObject({ title: 'Embedding', aliases: expect.arrayContaining(['Embeddings']) });
    expect(embedding.headings.length).toBeGreaterThan(0);
    const vectors = doc.links.filter((l) => l.text === 'Vectors');
    expect(vectors).toEqual([
      { source: 'How LLMs Work/Embedding.md', target: null, text: 'Vectors', kind: 'wiki', embed: false, heading: null, block: null, line: expect.any(Number) },
    ]);
    expect(doc.links.filter((l) => l.target === null)).toHaveLength(1);
    for (const link of doc.links) expect(Object.keys(link).sort()).toEqual(['block', 'embed', 'heading', 'kind', 'line', 'source', 'target', 'text']);
    expect(doc.links.some((l) => l.kind === 'markdown' && l.target === 'How LLMs Work/Gradient Descent.md')).toBe(true);
    expect(doc.links.some((l) => l.embed && l.target === 'assets/attention-diagram.svg')).toBe(true);
    expect(doc.links.some((l) => l.block === 'cross-entropy' && l.target === 'How LLMs Work/Loss.md')).toBe(true);
  });

  test('the syntax fixture: ignored folders, ambiguity, attachments', async () => {
    const doc = JSON.parse((await cli('index', SYNTAX, '--json', '--no-cache')).stdout) as IndexJson;
    const paths = doc.notes.map((n) => n.path);
    expect(paths).toHaveLength(8);
    expect(paths.some((p) => p.startsWith('.obsidian') || p.startsWith('node_modules'))).toBe(false);
    expect(doc.links.filter((l) => l.text === 'Dup').map((l) => l.target)).toEqual(['archive/Dup.md', 'notes/Dup.md']);
    expect(doc.links.filter((l) => l.text === 'diagram.png' && l.embed).every((l) => l.target === 'assets/diagram.png')).toBe(true);
    expect(doc.links.find((l) => l.text === 'Missing Note')?.target).toBeNull();
  });

  test('a missing vault exits 2 with one clear line', async () => {
    const run = await cli('index', join(temp, 'nope'));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/not found/);
  });

  test('a file instead of a folder exits 2', async () => {
    const file = join(temp, 'file.md');
    writeFileSync(file, '# x');
    const run = await cli('index', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a (directory|folder)/);
  });

  test('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate', SAMPLE)).code).toBe(2);
    expect((await cli('index')).code).toBe(2);
    expect((await cli('index', SAMPLE, '--bogus')).code).toBe(2);
    expect((await cli('index', SAMPLE, '--workers', 'many')).code).toBe(2);
  });

  test('invalid UTF-8 and oversized files are reported by path and the run completes', async () => {
    const dir = vaultWith({
      'Good.md': '# Good\n[[Bad]] [[Huge]]',
      'Bad.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41, 0x0a, 0x5b, 0x5b, 0x47, 0x6f, 0x6f, 0x64, 0x5d, 0x5d]),
      'Huge.md': `# Huge\n${'x'.repeat(2 * 1024 * 1024)}`,
    });
    const run = await cli('index', dir, '--json', '--max-file-size', '1', '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Bad\.md: invalid-utf8/);
    expect(run.stderr).toMatch(/Huge\.md: too-large/);
    const doc = JSON.parse(run.stdout) as IndexJson;
    expect(doc.notes.map((n) => n.path).sort()).toEqual(['Bad.md', 'Good.md']);
    expect(doc.links.find((l) => l.source === 'Bad.md')?.target).toBe('Good.md');
  });
});

describe('plexus check', () => {
  test('exits 1 on broken links and lists them with candidates for ambiguous ones', async () => {
    const run = await cli('check', SYNTAX, '--no-cache');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Unresolved links \(1\)\n {2}archive\/Old\.md:\d+ {2}\[\[Missing Note\]\]/);
    expect(run.stdout).toMatch(/has no heading 'No Such Heading'/);
    expect(run.stdout).toMatch(/has no block 'no-such-block'/);
    expect(run.stdout).toMatch(/candidates: archive\/Dup\.md, notes\/Dup\.md/);
    expect(run.stdout).toMatch(/\^dup-id on lines \d+, \d+/);
  });

  test('exits 0 on a healthy vault', async () => {
    const dir = vaultWith({ 'A.md': '# A\n## Part\n[[B#^blk]] [[B]]', 'B.md': 'text ^blk\n\n[[A#Part]]' });
    const run = await cli('check', dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No broken links\./);
  });

  test('--json is machine-readable', async () => {
    const run = await cli('check', SAMPLE, '--json');
    const report = JSON.parse(run.stdout);
    expect(report.unresolved.map((l: { target: string }) => l.target)).toEqual(['Vectors']);
    expect(report.hasBrokenLinks).toBe(true);
    expect(run.code).toBe(1);
  });
});

test('npx plexus works from the checkout right after npm install (bin/plexus.cjs runs the bundle prepare built)', () => {
  const run = spawnSync(process.execPath, [join(REPO, 'bin', 'plexus.cjs'), 'index', SAMPLE, '--json'], { encoding: 'utf8', env: { ...process.env } });
  expect(run.status).toBe(0);
  expect((JSON.parse(run.stdout) as IndexJson).notes).toHaveLength(20);
});
