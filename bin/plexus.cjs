#!/usr/bin/env node
'use strict';
// The `plexus` command. Runs the CLI bundle in dist/cli, which `npm install` builds (the
// `prepare` script). When the bundle is missing or older than the sources (a quick check of a
// build stamp, see scripts/build-cli.cjs), it is rebuilt first, saying so on stderr, so the
// command never runs stale code and never falls back to transpiling TypeScript on each start.
const path = require('node:path');

const root = path.join(__dirname, '..');

function describe(error) {
  return error && error.message ? error.message : String(error);
}

async function loadCli() {
  const { ensureCliBuilt, outDirOf } = require(path.join(root, 'scripts', 'build-cli.cjs'));
  await ensureCliBuilt({ root });
  // Through V8's code cache (scripts/load-bundle.cjs): compiling the bundles is most of a warm start.
  const { loadBundle } = require(path.join(root, 'scripts', 'load-bundle.cjs'));
  return loadBundle(path.join(outDirOf(root), 'cli.js'));
}

loadCli().then(
  ({ runCli }) =>
    runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`plexus: unexpected error: ${error && error.stack ? error.stack : describe(error)}\n`);
        process.exitCode = 1;
      },
    ),
  (error) => {
    // The build could not run (esbuild missing) or failed on the sources: say why, briefly.
    process.stderr.write(`plexus: ${describe(error)}\n`);
    process.exitCode = 1;
  },
);
