'use strict';
// Runs the TypeScript watch worker from source (jest, scripts run through scripts/run-ts.cjs):
// worker threads do not inherit the parent's TypeScript loader, so register tsx here first. The
// builds do not use this file: they bundle watch-worker.js next to the watcher's code.
require('tsx/cjs/api').register();
require('./watch-worker.ts');
