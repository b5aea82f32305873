#!/usr/bin/env node
'use strict';
// `npm run build`: bundles the Electron main process, the sandboxed preload and the parse
// worker with esbuild (one CommonJS file each, electron left to the runtime), then builds the
// renderer with Vite. Safe to run repeatedly; each step overwrites its own output.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'dist', 'main');

/** entry (relative to the root) -> output file name; optional entries may not exist yet. */
const ENTRIES = [
  { entry: 'main/electron/electron-main.ts', out: 'electron-main.js', optional: false },
  { entry: 'main/electron/preload.ts', out: 'preload.js', optional: false },
  { entry: 'main/service/index/parse-worker.ts', out: 'parse-worker.js', optional: true },
  // The vault watcher's chokidar thread (worker-chokidar.ts finds it next to the main bundle).
  { entry: 'main/service/watch/watch-worker.ts', out: 'watch-worker.js', optional: false },
];

async function bundleMain(log) {
  const started = Date.now();
  for (const { entry, out, optional } of ENTRIES) {
    if (!existsSync(path.join(root, entry))) {
      if (!optional) throw new Error(`build: ${entry} is missing`);
      log(`build: warning: ${entry} does not exist yet; skipping ${out}`);
      continue;
    }
    await bundleOne(entry, path.join(outDir, out));
  }
  log(`build: main process bundled in ${Date.now() - started} ms -> ${path.relative(root, outDir)}`);
}

/** One self-contained CommonJS file (the sandboxed preload may not require anything but electron). */
function bundleOne(entry, outfile) {
  return require('esbuild').build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // electron is provided by the runtime; fsevents is chokidar's optional macOS-only native module.
    external: ['electron', 'fsevents'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

function buildRenderer(log) {
  const config = path.join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(config)) {
    log('build: renderer/vite.config.ts not found; skipping the renderer build');
    return;
  }
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  // Always React's production build: Vite honours NODE_ENV, and a build started under Jest
  // (NODE_ENV=test, an e2e run's `plexus serve`) made a development bundle.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config], { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`build: vite build exited with ${result.status}`);
}

async function build({ renderer = true, log = (line) => console.log(line) } = {}) {
  await bundleMain(log);
  if (renderer) buildRenderer(log);
}

module.exports = { build, bundleMain, buildRenderer, bundleOne, ENTRIES };

if (require.main === module) {
  const renderer = !process.argv.includes('--main-only');
  build({ renderer }).catch((error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  });
}
