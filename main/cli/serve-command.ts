/** `plexus serve <vault> [--port N] [--read-only]`: the app in a browser, on 127.0.0.1 only. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startBrowserServer, type BrowserServer } from '../server/browser-server';
import { openingVault, type OpeningVault } from '../service/opening-vault';
import { nodeVaultFs } from '../service/files/node-vault-fs';
import { validateRoot } from '../service/files/validate-root';
import { isVaultOpenError } from '../service/service-errors';
import { openVaultSession, type VaultSession } from '../service/vault-session';
import type { CliIo } from './cli-io';
import type { CliVaultOptions } from './open-for-cli';
import { progressWriter } from './progress-line';
import { isPortTaken, vaultPort } from './serve-port';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build';

export interface ServeOptions extends CliVaultOptions {
  /** null: the vault's own port (serve-port.ts), or any free one when that is taken. */
  port: number | null;
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
  const aborting = new AbortController();
  void stopping.then(() => aborting.abort());
  try {
    // A missing folder is one clear line before anything is served (the open checks it again).
    await validateRoot(path.resolve(options.vault), nodeVaultFs);
  } catch (error) {
    if (!isVaultOpenError(error)) throw error;
    io.stderr.write(`plexus: ${error.message}\n`);
    return 2;
  }
  // The page is served while the vault indexes: it shows the progress, and answers once indexed.
  let gate: OpeningVault | null = null;
  const showProgress = progressWriter(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, { quietMs: 0 });
  const opening = openVaultSession(options.vault, {
    kind: 'browser',
    readOnly: options.readOnly,
    cacheDir: options.cacheDir,
    workers: options.workers,
    maxFileBytes: options.maxFileBytes,
    parseBudgetMs: options.parseBudgetMs,
    signal: aborting.signal,
    // Browser mode cannot hand URLs to the OS; the page opens them itself (target=_blank, noopener).
    openExternal: () => undefined,
    onProgress: (event) => {
      showProgress(event);
      gate?.onProgress(event);
    },
  });
  gate = openingVault(options.vault, { kind: 'browser', readOnly: options.readOnly }, opening);
  let server: BrowserServer;
  const { handlers, subscribe } = gate;
  const serveOn = (port: number) => startBrowserServer({ handlers, subscribe, port, host: '127.0.0.1', readOnly: options.readOnly, staticDir: RENDERER_DIST });
  try {
    if (options.port !== null) server = await serveOn(options.port);
    else {
      const own = vaultPort(await fs.promises.realpath(options.vault));
      try {
        server = await serveOn(own);
      } catch (error) {
        if (!isPortTaken(error)) throw error;
        log(`plexus: this vault's usual port ${own} is in use; serving on another, where the browser has not kept its tabs and settings`);
        server = await serveOn(0);
      }
    }
  } catch (error) {
    // No server (the port is taken): stop the open too, and say why.
    aborting.abort();
    await gate.opened.then(
      (session) => session.close(),
      () => undefined,
    );
    throw error;
  }
  io.stdout.write(`Plexus is serving ${path.resolve(options.vault)}\nOpen ${server.url}\n`);
  let session: VaultSession;
  try {
    session = await gate.opened;
  } catch (error) {
    await server.close();
    if (aborting.signal.aborted) {
      log('plexus: stopped before the vault was indexed');
      return 0;
    }
    if (isVaultOpenError(error)) {
      io.stderr.write(`plexus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (aborting.signal.aborted) {
    await server.close();
    await session.close();
    log('plexus: stopped');
    return 0;
  }
  const stats = session.service.graph.stats();
  log(`plexus: ${stats.notes} notes indexed in ${session.service.root}${options.readOnly ? ' (read-only)' : ''}`);
  const safeMode = session.service.safeModeNotes().length;
  if (safeMode > 0) log(`plexus: ${safeMode} note${safeMode === 1 ? '' : 's'} parsed in safe mode (too slow to parse in full); \`plexus check\` lists them`);
  await stopping;
  await server.close();
  await session.close();
  log('plexus: stopped');
  return 0;
}
