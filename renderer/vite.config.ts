/** Vite build of the renderer: relative base so the bundle loads from file:// (Electron) and from the browser-mode server alike. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
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
