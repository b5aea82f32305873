/**
 * The `plexus` command runs the esbuild bundle in dist/cli and rebuilds it, saying so, when it
 * is missing or older than the sources. Exercised on a copy of the checkout (bin, scripts,
 * package.json, main/ and a link to node_modules) so the real dist/cli, which other test files
 * spawn meanwhile, is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
// Plain CommonJS: loaded with Node's require, not jest's transform.
const buildCli = require(path.join(root, 'scripts', 'build-cli.cjs')) as {
  cliBuildState(root?: string): 'fresh' | 'missing' | 'stale';
  ENTRIES: Record<string, string>;
  WORKER_STUB: { name: string };
};

let checkout: string;
let vault: string;
beforeAll(() => {
  checkout = mkdtempSync(path.join(tmpdir(), 'plexus-cli-build-'));
  for (const dir of ['bin', 'scripts']) mkdirSync(path.join(checkout, dir));
  cpSync(path.join(root, 'bin', 'plexus.cjs'), path.join(checkout, 'bin', 'plexus.cjs'));
  for (const script of ['build-cli.cjs', 'load-bundle.cjs']) cpSync(path.join(root, 'scripts', script), path.join(checkout, 'scripts', script));
  cpSync(path.join(root, 'package.json'), path.join(checkout, 'package.json'));
  cpSync(path.join(root, 'main'), path.join(checkout, 'main'), { recursive: true });
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(checkout, 'node_modules'), 'dir');
  vault = path.join(checkout, 'vault');
  mkdirSync(vault);
  writeFileSync(path.join(vault, 'A.md'), '# A\nsee [[B]] and [[Nowhere]]\n');
  writeFileSync(path.join(vault, 'B.md'), '# B\nback to [[A]]\n');
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

function plexus(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(checkout, 'bin', 'plexus.cjs'), ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const outDir = () => path.join(checkout, 'dist', 'cli');

/**
 * The modules a bundle evaluates as soon as `entry` loads: those reached through static imports.
 * A `require()` inside a function (a lazy load) is not followed.
 */
async function eagerModules(entry: string): Promise<string[]> {
  const esbuild = require('esbuild') as typeof import('esbuild');
  const { metafile } = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron', 'fsevents'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const imported of metafile.inputs[queue.shift()!]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

describe('bin/plexus.cjs and the CLI bundle', () => {
  test('a missing bundle is built first, saying so on stderr; the next start uses it as is', () => {
    expect(existsSync(outDir())).toBe(false);
    const first = plexus('--version');
    expect(first.stderr).toMatch(/^plexus: Building the CLI… \(no complete build yet\)\nplexus: CLI built in \d+ ms -> dist\/cli\n$/);
    expect(first.stdout).toBe(`${(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    expect(first.code).toBe(0);
    expect(
      readdirSync(outDir())
        .filter((f) => f.endsWith('.js'))
        .sort(),
    ).toEqual([...Object.keys(buildCli.ENTRIES).map((name) => `${name}.js`), buildCli.WORKER_STUB.name].sort());
    expect(buildCli.cliBuildState(checkout)).toBe('fresh');

    const second = plexus('check', vault, '--no-cache');
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('A.md:2  [[Nowhere]]');
    expect(second.code).toBe(1);
  });

  test('an edited source makes the bundle stale: it is rebuilt, and runs the edit', () => {
    plexus('--version'); // built, if this test runs alone
    const cliSource = path.join(checkout, 'main', 'cli', 'cli.ts');
    const original = readFileSync(cliSource, 'utf8');
    expect(original).toContain('  plexus help`;');
    writeFileSync(cliSource, original.replace('  plexus help`;', '  plexus help (edited build)`;'));
    expect(buildCli.cliBuildState(checkout)).toBe('stale');
    const run = plexus('help');
    expect(run.stderr).toMatch(/^plexus: Building the CLI… \(sources changed since the last build\)\n/);
    expect(run.stdout).toContain('plexus help (edited build)');
    expect(run.code).toBe(0);
    expect(plexus('help').stderr).toBe('');
  });

  test('a source whose mtime changed deep in the service (even to an older one, as a checkout may), a new lock file, or a deleted bundle file, also rebuilds', () => {
    plexus('--version');
    const deep = path.join(checkout, 'main', 'service', 'index', 'parse-pool.ts');
    const earlier = new Date(Date.now() - 3_600_000);
    utimesSync(deep, earlier, earlier);
    expect(buildCli.cliBuildState(checkout)).toBe('stale');
    expect(plexus('--version').stderr).toContain('Building the CLI…');

    // A lock file that appears (or changes: `npm install <name>` does not run prepare) means other dependencies.
    writeFileSync(path.join(checkout, 'package-lock.json'), '{}\n');
    expect(buildCli.cliBuildState(checkout)).toBe('stale');
    expect(plexus('--version').stderr).toContain('Building the CLI…');
    expect(buildCli.cliBuildState(checkout)).toBe('fresh');

    rmSync(path.join(outDir(), 'parse-worker.js'));
    expect(buildCli.cliBuildState(checkout)).toBe('missing');
    const run = plexus('index', vault, '--no-cache', '--workers', '1');
    expect(run.stderr).toContain('Building the CLI…');
    expect(run.stdout).toMatch(/notes: 2 {2}/);
    expect(run.code).toBe(0);
    // The worker ran from the bundle through the code cache (scripts/load-bundle.cjs), which it left behind.
    expect(existsSync(path.join(outDir(), 'parse-worker-bundle.js.cache'))).toBe(true);
  });

  test('the bundles never load tsx: the parse worker is the bundled one next to the pool code', () => {
    plexus('--version');
    for (const file of readdirSync(outDir()).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(outDir(), file), 'utf8');
      expect([file, /require\(["']tsx/.test(code)]).toEqual([file, false]);
    }
  });

  test('check and index load no parser on the main thread: notes from the cache need none, and parses run on the workers', async () => {
    for (const command of ['check-command', 'index-command']) {
      const eager = await eagerModules(`main/cli/${command}.ts`);
      expect(eager).toContain('main/service/vault-service.ts');
      const parser = eager.filter((file) =>
        /\/yaml\/|main\/core\/parse\/(parse-note|frontmatter)\.ts$|main\/service\/index\/parse-(files|in-thread)\.ts$/.test(file),
      );
      expect([command, parser]).toEqual([command, []]);
    }
  });

  test('without sources (an installed copy), the bundle is used as it is', () => {
    plexus('--version');
    const elsewhere = path.join(checkout, 'main-moved');
    cpSync(path.join(checkout, 'main'), elsewhere, { recursive: true });
    rmSync(path.join(checkout, 'main'), { recursive: true });
    try {
      expect(buildCli.cliBuildState(checkout)).toBe('fresh');
      const run = plexus('--version');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    } finally {
      cpSync(elsewhere, path.join(checkout, 'main'), { recursive: true });
      rmSync(elsewhere, { recursive: true });
    }
  });

  test('without esbuild (dev dependencies omitted), prepare does not fail the install, and plexus says what is missing', () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'plexus-cli-bare-'));
    try {
      for (const dir of ['bin', 'scripts', 'main/cli']) mkdirSync(path.join(bare, dir), { recursive: true });
      cpSync(path.join(root, 'bin', 'plexus.cjs'), path.join(bare, 'bin', 'plexus.cjs'));
      for (const script of ['build-cli.cjs', 'load-bundle.cjs']) cpSync(path.join(root, 'scripts', script), path.join(bare, 'scripts', script));
      writeFileSync(path.join(bare, 'main', 'cli', 'cli.ts'), 'export {};\n');
      const prepare = spawnSync(process.execPath, [path.join(bare, 'scripts', 'build-cli.cjs'), '--prepare'], { encoding: 'utf8' });
      expect(prepare.stdout).toContain('esbuild is not installed');
      expect(prepare.status).toBe(0);
      const run = spawnSync(process.execPath, [path.join(bare, 'bin', 'plexus.cjs'), '--version'], { encoding: 'utf8' });
      expect(run.stderr).toMatch(/Building the CLI…[^]*cannot build the CLI: esbuild \(a dev dependency\) is not installed; run `npm install`/);
      expect(run.status).toBe(1);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
