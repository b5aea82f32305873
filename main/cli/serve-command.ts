/** `plexus serve <vault> [--port N] [--read-only]`: the app in a browser, on 127.0.0.1 only. */
import { startBrowserServer } from '../server/browser-server';
import { isVaultOpenError } from '../service/service-errors';
import { openVaultSession } from '../service/vault-session';
import type { CliIo } from './cli';
import type { CliVaultOptions } from './open-for-cli';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';

export interface ServeOptions extends CliVaultOptions {
  port: number;
  readOnly: boolean;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runServe(options: ServeOptions, io: CliIo): Promise<number> {
  const log = (line: string) => io.stderr.write(`${line}\n`);
  if (!ensureRendererBuilt(log)) return 1;
  let lastProgress = '';
  let session;
  try {
    session = await openVaultSession(options.vault, {
      kind: 'browser',
      readOnly: options.readOnly,
      cacheDir: options.cacheDir,
      workers: options.workers,
      maxFileBytes: options.maxFileBytes,
      // Browser mode cannot hand URLs to the OS; the page opens them itself (target=_blank, noopener).
      openExternal: () => undefined,
      onProgress: (event) => {
        if (event.type !== 'status' || event.status.state !== 'indexing') return;
        const line = `Indexing ${event.status.done.toLocaleString('en-US')} / ${event.status.total.toLocaleString('en-US')}`;
        if (line !== lastProgress) log((lastProgress = line));
      },
    });
  } catch (error) {
    if (isVaultOpenError(error)) {
      io.stderr.write(`plexus: ${error.message}\n`);
      return 2;
    }
    throw error;
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
  io.stdout.write(`Plexus is serving ${session.service.root}\nOpen ${server.url}\n`);
  await (io.stopSignal ?? untilSignal());
  await server.close();
  await session.close();
  return 0;
}
