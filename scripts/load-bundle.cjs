'use strict';
// Loads the CLI bundles (dist/cli/*.js) through V8's code cache. Compiling a 1 MB bundle is most
// of what a warm `plexus check` costs over Node's own start (~40 ms of ~100 ms on the
// development VM), and Node 20 has no built-in compile cache (module.enableCompileCache is
// Node 22.1). So the first run compiles as `require` would and, at exit, saves V8's code for
// every function it ran next to the bundle (<bundle>.cache); later runs hand that to V8 and
// skip parsing and compiling.
//
// The cache is only a speed-up, never a source of code: V8 itself rejects data made by another
// V8 version or with other flags, and the header ties it to the bundle's size and mtime (V8
// checks only the source's length), so a rebuilt bundle is compiled afresh. A cache that cannot
// be written (a read-only install) just means compiling each time.
const { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const CACHE_SUFFIX = '.cache';
const HEADER_END = 0x0a; // '\n'

function headerOf({ size, mtimeMs }) {
  return `plexus-code-cache 1 ${process.version} ${process.arch} ${size} ${mtimeMs}\n`;
}

/** The bundle's text and header, from one open file: a rebuild renaming a new bundle in between cannot pair them wrongly. */
function readBundle(file) {
  const fd = openSync(file, 'r');
  try {
    return { header: headerOf(fstatSync(fd)), source: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/** The cached data for `file` when its header matches, else undefined. */
function readCache(cacheFile, header) {
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch (error) {
    if (error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  const end = data.indexOf(HEADER_END);
  if (end < 0 || data.toString('latin1', 0, end + 1) !== header) return undefined;
  return data.subarray(end + 1);
}

/** Writes through a temporary name and a rename, so a concurrent start never reads half a cache. */
function writeCache(cacheFile, header, data) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(header, 'latin1'), data]));
    renameSync(temp, cacheFile);
  } catch (error) {
    rmSync(temp, { force: true });
    // Read-only or full: the next run compiles again, which is all a missing cache costs.
    if (!error || !['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes(error.code)) throw error;
  }
}

const loaded = new Map();

/**
 * `require(file)` for a bundle in `dir`, compiled from its code cache when there is a valid one.
 * Its own `require` loads its sibling bundles (cli.js -> check-command.js) the same way.
 * `saveAt`: when a missing or rejected cache is written, 'exit' (default) or 'load'.
 */
function loadBundle(file, { saveAt = 'exit' } = {}) {
  const known = loaded.get(file);
  if (known !== undefined) return known.exports;
  const { header, source } = readBundle(file);
  const cacheFile = file + CACHE_SUFFIX;
  const cachedData = readCache(cacheFile, header);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const save = cachedData === undefined || script.cachedDataRejected ? () => writeCache(cacheFile, header, script.createCachedData()) : null;
  // By default at exit, so that the cache holds every function this run compiled, not just the
  // top level; `saveAt: 'load'` for a worker thread, which is terminated without an exit event.
  if (save !== null && saveAt === 'exit') process.once('exit', save);
  const dir = path.dirname(file);
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dir);
  loaded.set(file, mod);
  const base = Module.createRequire(file);
  const siblingRequire = (id) => {
    if (id.startsWith('./') && id.endsWith('.js') && !id.includes('/', 2)) return loadBundle(path.join(dir, id));
    return base(id);
  };
  const requireFn = Object.assign(siblingRequire, { resolve: base.resolve, cache: base.cache, main: require.main });
  script.runInThisContext()(mod.exports, requireFn, mod, file, dir);
  mod.loaded = true;
  if (save !== null && saveAt === 'load') save();
  return mod.exports;
}

module.exports = { loadBundle, CACHE_SUFFIX };
