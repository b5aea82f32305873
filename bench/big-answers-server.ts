/**
 * The server half of big-answers-bench.ts: `plexus serve`'s session and browser server from the
 * checkout given (so a base checkout and this one run the same script), over a warm vault. Prints
 * one JSON line with each big method's compute and JSON.stringify time, then one with its port.
 *   node node_modules/tsx/dist/cli.mjs bench/big-answers-server.ts <checkout> <vault> <cacheDir> <dataDir>
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const [checkout, vault, cacheDir, dataDir] = process.argv.slice(2);
  const { openVaultSession } = (await import(join(checkout, 'main/service/vault-session.ts'))) as typeof import('../main/service/vault-session');
  const { startBrowserServer } = (await import(join(checkout, 'main/server/browser-server.ts'))) as typeof import('../main/server/browser-server');
  const session = await openVaultSession(vault, { kind: 'browser', readOnly: true, cacheDir, dataDir, openExternal: () => undefined });
  const staticDir = mkdtempSync(join(tmpdir(), 'plexus-bench-static-'));
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  const measures: Record<string, { computeMs: number; stringifyMs: number; bytes: number }> = {};
  for (const name of ['listFiles', 'getSwitcherItems', 'getTags', 'getGraph'] as const) {
    const started = performance.now();
    const value = await session.handlers[name]();
    const computed = performance.now();
    const text = JSON.stringify(value);
    measures[name] = { computeMs: computed - started, stringifyMs: performance.now() - computed, bytes: Buffer.byteLength(text) };
  }
  console.log(JSON.stringify({ measures }));
  const server = await startBrowserServer({
    handlers: session.handlers,
    subscribe: session.subscribe,
    port: 0,
    host: '127.0.0.1',
    readOnly: true,
    staticDir,
    token: 'bench',
  });
  console.log(JSON.stringify({ port: server.port }));
  process.on('SIGTERM', () => {
    void server
      .close()
      .then(() => session.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
