#!/usr/bin/env node
'use strict';
// `node scripts/run-ts.cjs <file.ts> [args...]`: runs a TypeScript file with tsx, forwarding
// arguments, stdio, signals and the exit code.
const path = require('node:path');
const { spawn } = require('node:child_process');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.cjs <file.ts> [args...]');
  process.exit(2);
}
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
