import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
// Plain CommonJS scripts: loaded with Node's require, not jest's transform.
const build = require(path.join(root, 'scripts', 'build.cjs')) as {
  ENTRIES: { entry: string; out: string; optional: boolean }[];
  bundleOne: (entry: string, outfile: string) => Promise<unknown>;
};
const start = require(path.join(root, 'scripts', 'start.cjs')) as { electronBinary: () => string | null; FALLBACK_LINE: string };
const out = mkdtempSync(path.join(tmpdir(), 'plexus-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('build entries: main, preload, the optional parse worker and the watch worker into dist/main', () => {
  expect(build.ENTRIES).toEqual([
    { entry: 'main/electron/electron-main.ts', out: 'electron-main.js', optional: false },
    { entry: 'main/electron/preload.ts', out: 'preload.js', optional: false },
    { entry: 'main/service/index/parse-worker.ts', out: 'parse-worker.js', optional: true },
    { entry: 'main/service/watch/watch-worker.ts', out: 'watch-worker.js', optional: false },
  ]);
});

test('the sandboxed preload bundles to one CommonJS file whose only require is electron', async () => {
  const file = path.join(out, 'preload.js');
  await build.bundleOne('main/electron/preload.ts', file);
  const code = readFileSync(file, 'utf8');
  const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect([...new Set(requires)]).toEqual(['electron']);
  expect(code).toContain('exposeInMainWorld');
  expect(code).toContain('getVaultInfo');
});

test('electronBinary answers null or an existing file, and never downloads', () => {
  const binary = start.electronBinary();
  if (binary !== null) expect(readFileSync(binary).length).toBeGreaterThan(0);
  expect(start.FALLBACK_LINE).toMatch(/^plexus: Electron is not available here.*browser mode/);
});

test('run-ts runs a TypeScript file with its arguments and exit code', () => {
  const file = path.join(out, 'hello.ts');
  writeFileSync(file, 'const args: string[] = process.argv.slice(2);\nconsole.log(`hi ${args.join(",")}`);\nprocess.exitCode = 3;\n');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-ts.cjs'), file, 'a', 'b'], { encoding: 'utf8' });
  expect(result.stdout.trim()).toBe('hi a,b');
  expect(result.status).toBe(3);
});

test('run-ts without a file prints usage and exits 2', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-ts.cjs')], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('usage');
});

test('run-ts requireTs loads a TypeScript module for a script without registering tsx for the whole process', () => {
  const file = path.join(out, 'typed.ts');
  writeFileSync(file, 'export const answer: number = 6 * 7;\n');
  const other = path.join(out, 'other.ts');
  writeFileSync(other, 'export const typed: string = "no";\n');
  const code = `const { requireTs } = require(${JSON.stringify(path.join(root, 'scripts', 'run-ts.cjs'))});
console.log(requireTs(${JSON.stringify(file)}).answer);
try { require(${JSON.stringify(other)}); console.log('registered'); } catch { console.log('not registered'); }`;
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(result.stdout.trim().split('\n')).toEqual(['42', 'not registered']);
  expect(result.status).toBe(0);
});
