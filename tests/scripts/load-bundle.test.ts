/**
 * scripts/load-bundle.cjs loads the CLI bundles through V8's code cache. The cache must only
 * ever speed a start up: each test runs a small two-file "bundle" in a fresh Node process and
 * checks what it printed and what became of the cache file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const loader = path.join(__dirname, '..', '..', 'scripts', 'load-bundle.cjs');

let dir: string;
let entry: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plexus-load-bundle-'));
  entry = path.join(dir, 'cli.js');
  writeFileSync(
    entry,
    "'use strict';\nconst { word } = require('./word.js');\nexports.say = () => `${word()} ${require('node:path').basename(__filename)} ${typeof module.exports}`;\n",
  );
  writeFileSync(path.join(dir, 'word.js'), "'use strict';\nexports.word = () => 'hello';\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(): string {
  const script = `process.stdout.write(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(entry)}).say())`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return child.stdout;
}

const cacheOf = (file: string) => `${file}.cache`;

test('the first run compiles and leaves a cache per bundle; the next runs use it and leave it as it is', () => {
  expect(run()).toBe('hello cli.js object');
  const written = readFileSync(cacheOf(entry));
  expect(written.toString('latin1', 0, written.indexOf(10))).toMatch(/^plexus-code-cache 1 v\d+\.\d+\.\d+ \w+ \d+ [\d.]+$/);
  expect(readFileSync(cacheOf(path.join(dir, 'word.js'))).length).toBeGreaterThan(0);
  const before = statSync(cacheOf(entry)).mtimeMs;
  expect(run()).toBe('hello cli.js object');
  expect(run()).toBe('hello cli.js object');
  expect(statSync(cacheOf(entry)).mtimeMs).toBe(before);
  expect(readFileSync(cacheOf(entry))).toEqual(written);
});

test('a rebuilt bundle of the same length runs its new code, and its cache is replaced', () => {
  run();
  const old = readFileSync(cacheOf(entry));
  const file = path.join(dir, 'word.js');
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace("'hello'", "'HOWDY'"));
  expect(readFileSync(file, 'utf8').length).toBe(source.length); // V8 alone checks only the length
  expect(run()).toBe('HOWDY cli.js object');
  expect(readFileSync(cacheOf(entry))).toEqual(old); // cli.js did not change
  expect(readFileSync(cacheOf(file)).toString('latin1', 0, 200)).toContain(` ${statSync(file).mtimeMs}\n`);
});

test('a cache V8 rejects (damaged, or from other flags) is compiled around and rewritten', () => {
  run();
  const cache = readFileSync(cacheOf(entry));
  const header = cache.subarray(0, cache.indexOf(10) + 1);
  const damaged = Buffer.concat([header, Buffer.alloc(cache.length - header.length, 7)]);
  writeFileSync(cacheOf(entry), damaged);
  expect(run()).toBe('hello cli.js object');
  const rewritten = readFileSync(cacheOf(entry));
  expect(rewritten.subarray(0, header.length)).toEqual(header);
  expect(rewritten.equals(damaged)).toBe(false);
});

// Root writes through a read-only folder, so this one runs only as another user.
const asUser = process.getuid?.() === 0 ? test.skip : test;
asUser('a cache that cannot be written (a read-only install) costs nothing but the compile', () => {
  try {
    spawnSync('chmod', ['555', dir]);
    expect(run()).toBe('hello cli.js object');
    expect(run()).toBe('hello cli.js object');
  } finally {
    spawnSync('chmod', ['755', dir]);
  }
});

test("saveAt 'load' writes the cache as soon as the bundle ran: a terminated worker thread never sees an exit", () => {
  const script = `
    const { Worker } = require('node:worker_threads');
    const worker = new Worker(${JSON.stringify(`const { parentPort } = require('node:worker_threads'); parentPort.postMessage(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(entry)}, { saveAt: 'load' }).say()); setInterval(() => {}, 1000);`)}, { eval: true });
    worker.once('message', (said) => worker.terminate().then(() => process.stdout.write(said)));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.stdout).toBe('hello cli.js object');
  expect(readFileSync(cacheOf(entry)).length).toBeGreaterThan(100);
  expect(run()).toBe('hello cli.js object');
});
