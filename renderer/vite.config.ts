/** Vite build of the renderer: relative base so the bundle loads from file:// (Electron) and from the browser-mode server alike. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
// PLEXUS_TEST_HOOKS=1 (end-to-end runs only) builds a separate bundle with the test hooks
// (src/build-flags.ts); the production bundle in dist/renderer has them compiled out.
const testHooks = process.env.PLEXUS_TEST_HOOKS === '1';

// The markdown worker has no DOM: these packages' browser builds use one as they load, so the
// worker takes the build each names for workers (the same trees; the window keeps the DOM ones).
const needsDomInBrowserBuild = ['hast-util-from-html-isomorphic', 'decode-named-character-reference'];
const workerBuilds = {
  name: 'plexus-worker-builds-without-dom',
  enforce: 'pre' as const,
  resolveId(id: string) {
    if (!needsDomInBrowserBuild.includes(id)) return null;
    const dir = fileURLToPath(new URL(`../node_modules/${id}/`, import.meta.url));
    type Conditions = { worker?: string };
    const { exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Conditions & { '.'?: Conditions } };
    const entry = exports['.']?.worker ?? exports.worker;
    if (!entry) throw new Error(`${id} no longer names a build for workers`);
    return join(dir, entry);
  },
};

export default defineConfig(({ mode }) => ({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' as const, plugins: () => [workerBuilds] },
  define: { __PLEXUS_TEST_HOOKS__: JSON.stringify(testHooks) },
  build: {
    outDir: testHooks ? '../dist/renderer-test' : '../dist/renderer',
    emptyOutDir: true,
    // Source maps only for development builds; release bundles ship without them.
    sourcemap: mode === 'development',
    // A desktop bundle loaded from disk: one chunk is fine (highlight.js grammars are most of it).
    chunkSizeWarningLimit: 1500,
    // KaTeX's fonts stay files served by the app ('self'), never data: URLs: the CSP's
    // default-src 'self' then covers them and needs no font-src data: exception.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/i.test(file) ? false : undefined),
  },
}));
