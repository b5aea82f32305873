/** `plexus serve <vault> [--port N] [--read-only]`: the app in a browser, on 127.0.0.1 only. */
import { startBrowserServer } from '../server/browser-server';
import { isVaultOpenError } from '../service/service-errors';
import { openVaultSession, type VaultSession } from '../service/vault-session';
import type { CliIo } from './cli-io';
import type { CliVaultOptions } from './open-for-cli';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';

export interface ServeOptions extends CliVaultOptions {
  port: number;
  readOnly: boolean;
}

/**
 * After SIGTERM or SIGINT, the most a clean stop may take before the process exits anyway.
 * Closing stops any parse in progress, so this is only a backstop against a stuck close.
 */
const STOP_DEADLINE_MS = 1_500;

/**
 * Resolves on the first SIGINT or SIGTERM (a second one gets Node's default: immediate exit).
 * Listening from the start means a signal while the vault is still indexing stops it cleanly too.
 */
function untilSignal(log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const deadline = setTimeout(() => {
        log(`plexus: stopping took longer than ${STOP_DEADLINE_MS} ms; exiting without finishing`);
        process.exit(1);
      }, STOP_DEADLINE_MS);
      deadline.unref();
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runServe(options: ServeOptions, io: CliIo): Promise<number> {
  const log = (line: string) => io.stderr.write(`${line}\n`);
  if (!ensureRendererBuilt(log)) return 1;
  const stopping = io.stopSignal ?? untilSignal(log);
  const opening = new AbortController();
  void stopping.then(() => opening.abort());
  let lastProgress = '';
  let session: VaultSession;
  try {
    session = await openVaultSession(options.vault, {
      kind: 'browser',
      readOnly: options.readOnly,
      cacheDir: options.cacheDir,
      workers: options.workers,
      maxFileBytes: options.maxFileBytes,
      parseBudgetMs: options.parseBudgetMs,
      signal: opening.signal,
      // Browser mode cannot hand URLs to the OS; the page opens them itself (target=_blank, noopener).
      openExternal: () => undefined,
      onProgress: (event) => {
        if (event.type !== 'status' || event.status.state !== 'indexing') return;
        const line = `Indexing ${event.status.done.toLocaleString('en-US')} / ${event.status.total.toLocaleString('en-US')}`;
        if (line !== lastProgress) log((lastProgress = line));
      },
    });
  } catch (error) {
    if (opening.signal.aborted) {
      log('plexus: stopped before the vault was indexed');
      return 0;
    }
    if (isVaultOpenError(error)) {
      io.stderr.write(`plexus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (opening.signal.aborted) {
    await session.close();
    log('plexus: stopped');
    return 0;
  }
  const server = await startBrowserServer({
    handlers: session.handlers,
    subscribe: session.subscribe,
    port: options.port,
    host: '127.0.0.1',
    readOnly: options.readOnly,
    staticDir: RENDERER_DIST,
  });
  const stats = session.service.graph.stats();
  log(`plexus: ${stats.notes} notes indexed in ${session.service.root}${options.readOnly ? ' (read-only)' : ''}`);
  const safeMode = session.service.safeModeNotes().length;
  if (safeMode > 0) log(`plexus: ${safeMode} note${safeMode === 1 ? '' : 's'} parsed in safe mode (too slow to parse in full); \`plexus check\` lists them`);
  io.stdout.write(`Plexus is serving ${session.service.root}\nOpen ${server.url}\n`);
  await stopping;
  await server.close();
  await session.close();
  log('plexus: stopped');
  return 0;
}
