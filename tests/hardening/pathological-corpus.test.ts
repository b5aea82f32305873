/**
 * Every note in tests/fixtures/pathological/ parses, and the folder indexes through the CLI
 * (scan, worker pool, graph) to sensible results. The notes are the payloads that once made a
 * scanner exponential or quadratic; the test iterates over whatever is in the folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexJson } from '../../main/cli/index-command';
import { parseNote } from '../../main/core/parse/parse-note';
import type { ParsedNote } from '../../main/core/types';
import { cli } from '../cli/cli-io';
import { vp } from '../support/vault-path';

const FOLDER = join(__dirname, '..', 'fixtures', 'pathological');
const NOTES = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.md'))
  .sort();

/** What is worth pinning, per note; the others only have to parse and index. */
const EXPECTED: Record<string, (note: ParsedNote) => void> = {
  'nested-links-32.md': (note) => {
    // Only the innermost brackets are a link (CommonMark: no links inside links).
    expect(note.links.map((l) => [l.kind, l.target, l.alias, l.start, l.end])).toEqual([['markdown', 'y', 'x', 31, 37]]);
  },
  'nested-links-around-wiki.md': (note) => {
    expect(note.links.map((l) => [l.kind, l.target])).toEqual([
      ['markdown', 'y.md'],
      ['wiki', 'nested-links-32'],
    ]);
  },
  'tag-slash-run.md': (note) => expect(note.tags).toEqual([`a${'/'.repeat(40000)}b`]),
  'frontmatter-space-run.md': (note) => expect(note.frontmatter).toEqual({ k: `a${' '.repeat(40000)}b` }),
  'frontmatter-wiki-list.md': (note) => {
    expect(note.links).toHaveLength(3000);
    expect(note.links.every((l, i) => l.kind === 'wiki' && l.target === `n${i}` && l.inFrontmatter)).toBe(true);
  },
};

test('the corpus has its notes', () => {
  expect(NOTES).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
});

describe.each(NOTES)('%s', (name) => {
  test('parses', () => {
    const note = parseNote(vp(name), readFileSync(join(FOLDER, name), 'utf8'));
    expect(note.path).toBe(name);
    for (const link of note.links) expect(link.end).toBeGreaterThan(link.start);
    EXPECTED[name]?.(note);
  });
});

describe('the folder as a vault', () => {
  let cache: string;
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'plexus-pathological-'));
    process.env.PLEXUS_CACHE_DIR = cache;
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  test('indexes through the CLI and its worker pool, with the links parseNote finds', async () => {
    const run = await cli('index', FOLDER, '--json', '--no-cache', '--workers', '2');
    // Nothing on stderr but indexing progress (these notes may take over a second to parse).
    expect(run.stderr.split('\n').filter((line) => line !== '' && !/^Indexing \d+ \/ 12/.test(line))).toEqual([]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as IndexJson;
    expect(doc.notes.map((n) => n.path).sort()).toEqual(NOTES);
    for (const name of NOTES) {
      const parsed = parseNote(vp(name), readFileSync(join(FOLDER, name), 'utf8'));
      expect([name, doc.links.filter((l) => l.source === name).length]).toEqual([name, parsed.links.length]);
    }
    const wiki = doc.links.find((l) => l.source === 'nested-links-around-wiki.md' && l.kind === 'wiki');
    expect(wiki?.target).toBe('nested-links-32.md');
  });
});
