'use strict';
// Runs the TypeScript parse worker from source (jest, scripts run through scripts/run-ts.cjs):
// worker threads do not inherit the parent's TypeScript loader (jest's transform or tsx), so
// register tsx here first. The builds do not use this file: the Electron app bundles
// dist/main/parse-worker.js and the CLI dist/cli/parse-worker.js, next to their pool code.
require('tsx/cjs/api').register();
require('./parse-worker.ts');
