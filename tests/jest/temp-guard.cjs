'use strict';
// Every jest run gets a temporary folder of its own, set as TMPDIR (TEMP/TMP on Windows) before
// any test process starts, so os.tmpdir() in tests and in the processes they spawn points into
// it. At the end of the run the folder must hold no plexus-* folders: a test that leaves one
// behind fails the run, naming what it left. The folder is removed either way. Counting only
// this run's own folder keeps the check exact while other runs use the machine's temp folder.
const { mkdtempSync, readdirSync, realpathSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RUN_DIR_VAR = 'PLEXUS_TEST_RUN_TMPDIR';
const SAVED_VAR = 'PLEXUS_TEST_SAVED_TMPDIR';
const TEMP_VARS = ['TMPDIR', 'TEMP', 'TMP'];

function setup() {
  // A short name: Chromium puts sockets under the temp folder, and socket paths are limited.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'jest-run-')));
  process.env[SAVED_VAR] = JSON.stringify(Object.fromEntries(TEMP_VARS.map((name) => [name, process.env[name] ?? null])));
  process.env[RUN_DIR_VAR] = dir;
  for (const name of TEMP_VARS) process.env[name] = dir;
}

/** The plexus-* entries a run left in `dir`. */
function leftovers(dir) {
  return readdirSync(dir)
    .filter((name) => name.startsWith('plexus-'))
    .sort();
}

/** A few files inside a left folder: what was written there after its test removed it tells who wrote it. */
function sample(dir, name) {
  try {
    const files = readdirSync(path.join(dir, name), { recursive: true }).slice(0, 5);
    return `${name} (${files.length === 0 ? 'empty' : files.join(', ')})`;
  } catch (error) {
    return `${name} (${error.code ?? error.message})`;
  }
}

function restoreEnv() {
  const saved = JSON.parse(process.env[SAVED_VAR] ?? '{}');
  for (const name of TEMP_VARS) {
    if (saved[name] === null || saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  delete process.env[SAVED_VAR];
  delete process.env[RUN_DIR_VAR];
}

function teardown() {
  const dir = process.env[RUN_DIR_VAR];
  if (!dir) return;
  restoreEnv();
  const left = leftovers(dir).map((name) => sample(dir, name));
  rmSync(dir, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(`tests left ${left.length} temporary folder(s) behind; remove them in afterEach/afterAll: ${left.join(', ')}`);
  }
}

module.exports = { setup, teardown, leftovers, RUN_DIR_VAR };
