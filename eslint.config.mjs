/**
 * ESLint for the whole tree (`npm run lint` runs it with Prettier and the layer rules in
 * .dependency-cruiser.cjs). Syntax-only rules: no type-aware rules (no parserOptions.project),
 * which would make a run take minutes on this code base.
 */
import { createRequire } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// typescript-eslint needs TypeScript's JS API, which TypeScript 7 does not have: the hook makes
// its `require('typescript')` load TypeScript 5.9 (`typescript5`). It must run before
// typescript-eslint is loaded, hence the dynamic import below.
createRequire(import.meta.url)('./scripts/lint/typescript-5-for-lint.cjs');
const { default: tseslint } = await import('typescript-eslint');

/** Node's globals, for the plain JavaScript files (TypeScript files are checked by tsc). */
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'globalThis',
    'structuredClone',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'release/**',
      'coverage/**',
      'node_modules/**',
      'vault/**',
      'tests/fixtures/**',
      'tests/artifacts/**',
      'bench/vaults/**',
      'tmp/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // A disable comment that no longer suppresses anything is an error: it would hide the next problem.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a binding kept for its position (a parameter, a destructured
      // field left out of the rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Import cycles, resolved the way TypeScript resolves them (tsconfig.json).
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    // ignoreExternal: a package cannot import back into this tree, and parsing node_modules
    // for it tripled the lint time.
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The rules of hooks and exhaustive effect dependencies. Not the React Compiler's
    // diagnostics that v7's 'recommended' adds (refs, purity, set-state-in-effect, ...): they
    // judge code for a compiler this app does not use, and take most of the lint time.
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // jest.mock factories run before imports and must require; tests and benchmarks load
    // CommonJS scripts and built bundles by path.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: nodeGlobals, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  // Last: turns off every rule that would fight Prettier's formatting.
  prettier,
);
