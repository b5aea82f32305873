'use strict';
// Runs the TypeScript parse worker from source (tests, the tsx-run CLI): worker threads do not
// inherit the parent's TypeScript loader (jest's transform or tsx), so register tsx here first.
// The Electron build does not use this file; it bundles dist/main/parse-worker.js instead.
require('tsx/cjs/api').register();
require('./parse-worker.ts');
