#!/usr/bin/env node
'use strict';
// The `plexus` command. Runs the TypeScript sources directly through tsx, so
// `npx plexus ...` works in a fresh checkout right after `npm install`, with no build step.
const path = require('node:path');

function fail(error) {
  const text = error && error.stack ? error.stack : String(error);
  // tsx prints the transformed source line above some errors; keep the report readable.
  process.stderr.write(`plexus: unexpected error: ${text.split('\n').filter((l) => l.length < 400).join('\n')}\n`);
  process.exitCode = 1;
}

try {
  require('tsx/cjs/api').register();
  const { runCli } = require(path.join(__dirname, '..', 'main', 'cli', 'cli.ts'));
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}
