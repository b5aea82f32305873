#!/usr/bin/env node
'use strict';
// The `plexus` command runs a bundle, not the TypeScript sources: esbuild builds
// main/cli/cli.ts, one bundle per command and the parse worker into dist/cli (npm install runs
// this as `prepare`), so a start costs Node's own start plus loading two files, instead of
// transpiling ~100 modules.
// The parse worker sits next to the bundled pool code, where resolveWorkerScript looks first.
//
// The build writes dist/cli/build-stamp.json: every source file the bundle was built from
// (esbuild's metafile, node_modules left out) with its mtime. The bundle is fresh while each of
// those files still has that mtime: a changed, touched, checked-out or deleted source makes it
// stale. A new file only matters once a listed file imports it, which changes that file. The
// check is one small JSON read and ~100 stats (about a millisecond), so bin/plexus.cjs does it
// on every start and rebuilds rather than run stale code.
const { existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const STAMP_NAME = 'build-stamp.json';
const STAMP_VERSION = 1;
/**
 * Output name (dist/cli/<name>.js) -> entry, relative to the root. Each command is a bundle of
 * its own, which cli.js loads on demand (see splitCommands): `check` then compiles only what it
 * runs, not the server, the watcher and the WebSocket library that `serve` needs.
 */
const COMMANDS = ['index-command', 'check-command', 'serve-command'];
const ENTRIES = {
  cli: 'main/cli/cli.ts',
  ...Object.fromEntries(COMMANDS.map((name) => [name, `main/cli/${name}.ts`])),
  // The worker's code; dist/cli/parse-worker.js, which the pool starts, is WORKER_STUB.
  'parse-worker-bundle': 'main/service/index/parse-worker.ts',
  // The vault watcher's chokidar thread, dist/cli/watch-worker.js (worker-chokidar.ts finds it next to the serve bundle).
  'watch-worker': 'main/service/watch/watch-worker.ts',
};
/**
 * The parse worker the pool starts (resolveWorkerScript finds it next to the pool code): it loads
 * the worker bundle through V8's code cache like bin/plexus.cjs does the commands, saved as soon
 * as it is loaded (pool workers are terminated, so they never see an exit).
 */
const WORKER_STUB = {
  name: 'parse-worker.js',
  contents: `'use strict';
// Written by scripts/build-cli.cjs: runs parse-worker-bundle.js through V8's code cache.
const path = require('node:path');
require(path.join(__dirname, '..', '..', 'scripts', 'load-bundle.cjs')).loadBundle(path.join(__dirname, 'parse-worker-bundle.js'), { saveAt: 'load' });
`,
};
/**
 * Not sources, but they change what the bundle holds or how it is built (a dependency changed by
 * `npm install <name>` or `npm update`, which do not run prepare). A missing one is recorded as
 * null, and stays fresh while it stays missing.
 */
const EXTRA_INPUTS = ['package.json', 'package-lock.json', 'scripts/build-cli.cjs'];

function outDirOf(root) {
  return path.join(root, 'dist', 'cli');
}

function mtimeOrNull(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined ? null : stat.mtimeMs;
}

/**
 * 'fresh', or why the bundle must be (re)built: 'missing' (never built, or partly deleted) or
 * 'stale' (a source changed since). An installed copy without sources uses its bundle as is.
 */
function cliBuildState(root = ROOT) {
  const outDir = outDirOf(root);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(outDir, STAMP_NAME), 'utf8'));
  } catch {
    return existsSync(path.join(root, ENTRIES.cli)) || !existsSync(path.join(outDir, 'cli.js')) ? 'missing' : 'fresh';
  }
  if (stamp.version !== STAMP_VERSION || !Array.isArray(stamp.outputs) || typeof stamp.inputs !== 'object' || stamp.inputs === null) return 'missing';
  for (const output of stamp.outputs) if (!existsSync(path.join(outDir, output))) return 'missing';
  if (!existsSync(path.join(root, ENTRIES.cli))) return 'fresh'; // no sources to rebuild from
  for (const [file, mtimeMs] of Object.entries(stamp.inputs)) {
    if (mtimeOrNull(path.join(root, file)) !== mtimeMs) return 'stale';
  }
  return 'fresh';
}

/** Writes `file` through a temporary name and a rename, so a concurrent start never loads half a file. */
function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, contents);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function loadEsbuild() {
  try {
    return require('esbuild');
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND') {
      throw new Error('cannot build the CLI: esbuild (a dev dependency) is not installed; run `npm install` in the checkout');
    }
    throw error;
  }
}

/** cli.ts's `require('./check-command')` and the like stay requires of the command's own bundle. */
const splitCommands = {
  name: 'split-commands',
  setup(build) {
    const filter = new RegExp(`^\\./(${COMMANDS.join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (path.relative(args.resolveDir, path.join(build.initialOptions.absWorkingDir, 'main', 'cli')) !== '') return undefined;
      return { path: `${args.path}.js`, external: true };
    });
  },
};

function esbuildInstalled() {
  try {
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** Builds dist/cli. */
async function buildCli({ root = ROOT } = {}) {
  const started = Date.now();
  const outDir = outDirOf(root);
  mkdirSync(outDir, { recursive: true });
  const result = await loadEsbuild().build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // electron is never loaded by the CLI's code paths; fsevents is chokidar's optional macOS-only native module.
    external: ['electron', 'fsevents'],
    // Linked, not loaded: `node --enable-source-maps bin/plexus.cjs` maps stack traces to the TypeScript.
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [splitCommands],
  });
  const inputs = {};
  const finished = Date.now();
  for (const file of [...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/')), ...EXTRA_INPUTS]) {
    const mtimeMs = mtimeOrNull(path.join(root, file));
    // A file edited while the build ran may not be in the bundle: record a time that never
    // matches, so the next start builds again. (A time in the future is a skewed clock, not an edit.)
    inputs[file] = mtimeMs !== null && mtimeMs >= started && mtimeMs <= finished ? -1 : mtimeMs;
  }
  const outputs = [];
  for (const output of result.outputFiles) {
    writeAtomically(output.path, output.contents);
    outputs.push(path.relative(outDir, output.path).split(path.sep).join('/'));
  }
  writeAtomically(path.join(outDir, WORKER_STUB.name), WORKER_STUB.contents);
  outputs.push(WORKER_STUB.name);
  // The stamp goes last: a build that failed half-way leaves the bundle stale, not falsely fresh.
  writeAtomically(path.join(outDir, STAMP_NAME), `${JSON.stringify({ version: STAMP_VERSION, outputs, inputs }, null, 1)}\n`);
  return { ms: Date.now() - started, outDir };
}

/** Builds the CLI when it is missing or stale, saying so through `log`; returns whether it built. */
async function ensureCliBuilt({ root = ROOT, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const state = cliBuildState(root);
  if (state === 'fresh') return false;
  log(`plexus: Building the CLI… (${state === 'missing' ? 'no complete build yet' : 'sources changed since the last build'})`);
  const { ms } = await buildCli({ root });
  log(`plexus: CLI built in ${ms} ms -> ${path.relative(root, outDirOf(root)) || '.'}`);
  return true;
}

module.exports = { cliBuildState, buildCli, ensureCliBuilt, outDirOf, ENTRIES, STAMP_NAME, WORKER_STUB };

if (require.main === module) {
  // `node scripts/build-cli.cjs`: always builds; `--if-stale` only when needed.
  // `--prepare` (npm install and npm ci run it, also with --omit=dev): without esbuild there is
  // nothing to build with, which is not an install failure; bin/plexus.cjs then says what is missing.
  const args = process.argv.slice(2);
  const log = (line) => console.log(line);
  let done;
  if (args.includes('--prepare') && !esbuildInstalled()) {
    log('build: esbuild is not installed (dev dependencies omitted?); the CLI bundle was not built');
    done = Promise.resolve();
  } else if (args.includes('--if-stale')) done = ensureCliBuilt({ log });
  else done = buildCli().then(({ ms }) => log(`build: CLI bundled in ${ms} ms -> dist/cli`));
  done.catch((error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  });
}
