import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const guard = path.join(__dirname, 'temp-guard.cjs');
const jestBin = require.resolve('jest/bin/jest');

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'plexus-guard-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A whole jest run (workers included) over `tests`, wired to the guard as jest.config.js is. */
function jestRun(tests: Record<string, string>) {
  for (const [name, body] of Object.entries(tests)) writeFileSync(path.join(work, name), body);
  const config = {
    rootDir: work,
    testMatch: ['<rootDir>/*.check.js'],
    globalSetup: path.join(__dirname, 'global-setup.cjs'),
    globalTeardown: path.join(__dirname, 'global-teardown.cjs'),
    transform: {},
    cacheDirectory: path.join(work, 'jest-cache'),
  };
  // TMPDIR is this test's folder, so the nested run's own temp folder is visible (and removed with it).
  const env = { ...process.env, TMPDIR: work, TEMP: work, TMP: work };
  return spawnSync(process.execPath, [jestBin, '--config', JSON.stringify(config), '--ci', '-w', '2'], { cwd: work, encoding: 'utf8', env });
}

const leaky = (prefix: string) => `const fs = require('fs'), os = require('os'), path = require('path');
test('makes a temp folder', () => { fs.mkdtempSync(path.join(os.tmpdir(), '${prefix}')); });\n`;
const tidy = `const fs = require('fs'), os = require('os'), path = require('path');
test('cleans up', () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-tidy-')); fs.rmSync(d, { recursive: true }); });\n`;

test('a run whose tests leave plexus-* temp folders fails and names them; the run folder is removed', () => {
  const run = jestRun({ 'a.check.js': leaky('plexus-left-a-'), 'b.check.js': leaky('plexus-left-b-'), 'c.check.js': tidy });
  expect(run.stderr).toMatch(
    /tests left 2 temporary folder\(s\) behind; remove them in afterEach\/afterAll: plexus-left-a-\w+ \(empty\), plexus-left-b-\w+ \(empty\)/,
  );
  expect(run.status).not.toBe(0);
  // The tests' folders went into the run's own folder, which is gone: nothing is left in TMPDIR.
  expect(readdirSync(work).filter((name) => !name.endsWith('.check.js') && name !== 'jest-cache')).toEqual([]);
});

test('a run that cleans up passes, and other temp files do not count', () => {
  const run = jestRun({ 'c.check.js': tidy, 'd.check.js': leaky('someone-else-') });
  expect(run.stderr).toContain('Tests:       2 passed, 2 total');
  expect(run.status).toBe(0);
  expect(readdirSync(work).filter((name) => !name.endsWith('.check.js') && name !== 'jest-cache')).toEqual([]);
});

test('jest.config.js runs the guard on every run', () => {
  const config = require(path.join(root, 'jest.config.js')) as { globalSetup: string; globalTeardown: string };
  expect(config.globalSetup.replace('<rootDir>', root)).toBe(path.join(__dirname, 'global-setup.cjs'));
  expect(config.globalTeardown.replace('<rootDir>', root)).toBe(path.join(__dirname, 'global-teardown.cjs'));
  expect(existsSync(guard)).toBe(true);
});
