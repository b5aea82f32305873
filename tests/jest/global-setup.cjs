'use strict';
// Before any test: the CLI bundle the tests in tests/cli spawn (bin/plexus.cjs runs dist/cli)
// is built when missing or stale, here, once, rather than by several test files at the same
// time; then the run's private temporary folder (temp-guard.cjs).
const { ensureCliBuilt } = require('../../scripts/build-cli.cjs');
const { setup } = require('./temp-guard.cjs');

module.exports = async function globalSetup() {
  await ensureCliBuilt({ log: (line) => process.stderr.write(`${line}\n`) });
  setup();
};
