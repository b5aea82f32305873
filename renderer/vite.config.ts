/** Vite build of the renderer: relative base so the bundle loads from file:// (Electron) and from the browser-mode server alike. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
// PLEXUS_TEST_HOOKS=1 (end-to-end runs only) builds a separate bundle with the test hooks
// (src/build-flags.ts); the production bundle in dist/renderer has them compiled out.
const testHooks = process.env.PLEXUS_TEST_HOOKS === '1';

export default defineConfig(({ mode }) => ({
  root: rendererRoot,
  base: './',
  plugins: [react()],
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
