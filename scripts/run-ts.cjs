#!/usr/bin/env node
'use strict';
// The one way the project's scripts run TypeScript sources: tsx (a dependency), through here.
//   node scripts/run-ts.cjs <file.ts> [args...]   runs a file (benchmarks, tools), forwarding
//                                                 arguments, stdio, signals and the exit code;
//   require('./run-ts.cjs').requireTs(file)       loads a module (npm start's helpers) without
//                                                 registering tsx for the whole process.
// What users run is built instead: the CLI (scripts/build-cli.cjs) and the Electron app
// (scripts/build.cjs) are esbuild bundles; jest uses its own transform (@swc/jest).
const path = require('node:path');
const { spawn } = require('node:child_process');

/** The module at `file` (absolute, or relative to the checkout), compiled by tsx on load. */
function requireTs(file) {
  return require('tsx/cjs/api').require(path.resolve(path.join(__dirname, '..'), file), __filename);
}

function runTs(file, args) {
  const tsxCli = require.resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, path.resolve(file), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`run-ts: could not start tsx: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

module.exports = { requireTs };

if (require.main === module) {
  const [file, ...args] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/run-ts.cjs <file.ts> [args...]');
    process.exit(2);
  }
  runTs(file, args);
}
