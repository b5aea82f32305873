/**
 * Bundles the benchmark page and its layout worker with esbuild. The harness imports the view's
 * settings from './fallback-view'; a plugin points that import at the real modules in
 * renderer/src/graph/ so the bench measures what the app ships. If those do not build (moved,
 * renamed), the bench says so and uses the replicated settings instead.
 */
import { build, type Plugin } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const VIEW = join(ROOT, 'renderer/src/graph');

const PAGE_EXPORTS = [
  `export { LIGHT } from ${JSON.stringify(join(VIEW, 'graph-style'))};`,
  `export { chooseRenderer, detectGlRenderer } from ${JSON.stringify(join(VIEW, 'renderer-choice'))};`,
  `export { nodeElement, edgeElement, hubDegreeFor } from ${JSON.stringify(join(VIEW, 'graph-elements'))};`,
  `export { iterationsFor } from ${JSON.stringify(join(VIEW, 'layout-runner'))};`,
  `export { GraphController } from ${JSON.stringify(join(VIEW, 'graph-controller'))};`,
];
const WORKER_EXPORTS = [`export { runForceAtlas } from ${JSON.stringify(join(VIEW, 'forceatlas-run'))};`];

export interface BenchBundle {
  /** 'view' when the app's own modules were bundled, 'fallback' for the replicated settings. */
  source: 'view' | 'fallback';
  /** Why the fallback was used. */
  fallbackReason: string | null;
}

function redirect(outDir: string): Plugin {
  return {
    name: 'plexus-view-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\/fallback-view$/ }, (args) => ({
        path: join(outDir, args.importer.endsWith('layout-worker-entry.ts') ? 'worker-adapter.ts' : 'view-adapter.ts'),
      }));
    },
  };
}

async function bundle(outDir: string, useView: boolean): Promise<void> {
  await build({
    entryPoints: { harness: join(__dirname, 'harness.ts'), worker: join(__dirname, 'layout-worker-entry.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: useView ? [redirect(outDir)] : [],
  });
}

export async function buildBench(outDir: string): Promise<BenchBundle> {
  writeFileSync(join(outDir, 'view-adapter.ts'), PAGE_EXPORTS.join('\n') + '\n');
  writeFileSync(join(outDir, 'worker-adapter.ts'), WORKER_EXPORTS.join('\n') + '\n');
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><body style="margin:0"></body><script src="harness.js"></script></html>\n');
  try {
    await bundle(outDir, true);
    return { source: 'view', fallbackReason: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    await bundle(outDir, false);
    return { source: 'fallback', fallbackReason: reason };
  }
}
