/**
 * The linters need TypeScript's JavaScript API (`ts.createSourceFile` and friends), which
 * TypeScript 7, the compiler this project builds and type-checks with, no longer ships. So
 * TypeScript 5.9 is installed under the alias `typescript5`, and this module makes the
 * linters' `require('typescript')` / `import('typescript')` load it instead. Loaded first by
 * eslint.config.mjs (before typescript-eslint) and by the dependency-cruiser run
 * (`node -r` this file). Nothing else is redirected: only the bare request `typescript` and its
 * subpaths (`typescript/package.json`, which dependency-cruiser reads for the version).
 */
'use strict';
const Module = require('node:module');

const ALIAS = 'typescript5';
/** 'typescript' -> 'typescript5', 'typescript/x' -> 'typescript5/x'; anything else: null. */
function redirect(request) {
  if (request === 'typescript') return ALIAS;
  if (request.startsWith('typescript/')) return ALIAS + request.slice('typescript'.length);
  return null;
}

if (!globalThis.__plexusTypescript5ForLint) {
  globalThis.__plexusTypescript5ForLint = true;

  // CommonJS: typescript-eslint, and dependency-cruiser's version check, `require` it.
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolveFilename.call(this, redirect(request) ?? request, ...rest);
  };

  // ES modules: dependency-cruiser `import()`s it. The hook runs on the loader thread, so it
  // is passed as source; it applies the same rule as redirect() above.
  const hook = `
    export async function resolve(specifier, context, next) {
      if (specifier === 'typescript') return next('${ALIAS}', context);
      if (specifier.startsWith('typescript/')) return next('${ALIAS}' + specifier.slice(10), context);
      return next(specifier, context);
    }`;
  Module.register('data:text/javascript,' + encodeURIComponent(hook));
}

module.exports = { redirect };
