/**
 * Bundles the benchmark page and its layout worker with esbuild. The page imports the graph
 * view's own modules (view-modules.ts) and the worker is the view's own layout worker
 * (renderer/src/graph/layout-worker.ts), so the bench measures what the app ships;
 * when those do not build, the bench stops with the bundler's error instead of measuring
 * something else.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchBundle {
  /** Always the app's own view modules: there is no replicated copy to fall back to. */
  source: 'view';
}

export async function buildBench(outDir: string): Promise<BenchBundle> {
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><body style="margin:0"></body><script src="harness.js"></script></html>\n');
  try {
    await build({
      entryPoints: { harness: join(__dirname, 'harness.ts'), worker: join(__dirname, '..', '..', 'renderer', 'src', 'graph', 'layout-worker.ts') },
      outdir: outDir,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      // The bench reads the layer feed through the test hooks (renderer/src/build-flags.ts).
      define: { 'process.env.NODE_ENV': '"production"', __PLEXUS_TEST_HOOKS__: 'true' },
      logLevel: 'silent',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    throw new Error(
      `graph bench: the graph view's modules (renderer/src/graph, imported by bench/graph/view-modules.ts, and its layout worker) do not bundle: ${reason}`,
    );
  }
  return { source: 'view' };
}
