#!/usr/bin/env node
'use strict';
// The `plexus` command. Runs the TypeScript sources directly through tsx, so
// `npx plexus ...` works in a fresh checkout right after `npm install`, with no build step.
const path = require('node:path');

require('tsx/cjs/api').register();
const { runCli } = require(path.join(__dirname, '..', 'main', 'cli', 'cli.ts'));

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`plexus: unexpected error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
