/**
 * One open vault as every host needs it: the indexed, watching service, its note writer, and
 * the validated contract handlers. The Electron main process and `plexus serve` both open
 * vaults through here, so they cannot drift apart.
 */
import type { ApiHandlers, VaultEvent } from '../contract/api-contract';
import { createApiHandlers } from './api-handlers';
import { openNoteWriter } from './write/note-writer';
import type { TrashItem } from './write/trash';
import { defaultDataDir } from './app-data/vault-data-store';
import { VaultService, type VaultServiceOptions } from './vault-service';

export interface VaultSessionOptions extends Pick<
  VaultServiceOptions,
  'cacheDir' | 'workers' | 'maxFileBytes' | 'onProgress' | 'parseBudgetMs' | 'signal' | 'fs'
> {
  kind: 'electron' | 'browser';
  readOnly: boolean;
  openExternal(url: string): void | Promise<void>;
  /** Electron passes shell.openPath for "Open in default app"; browser mode has none. */
  openPath?(absolutePath: string): Promise<string>;
  /** Electron passes shell.trashItem; browser mode moves deleted notes into `<vault>/.trash/`. */
  trashItem?: TrashItem;
  dataDir?: string;
}

export interface VaultSession {
  service: VaultService;
  handlers: ApiHandlers;
  subscribe(listener: (event: VaultEvent) => void): () => void;
  close(): Promise<void>;
}

export async function openVaultSession(root: string, options: VaultSessionOptions): Promise<VaultSession> {
  const service = await VaultService.open(root, {
    cacheDir: options.cacheDir,
    workers: options.workers,
    maxFileBytes: options.maxFileBytes,
    parseBudgetMs: options.parseBudgetMs,
    signal: options.signal,
    fs: options.fs,
    onProgress: options.onProgress,
    watch: true,
    // The app shows the vault as soon as the graph is built from the cache; changes made while
    // it was closed arrive moments later as ordinary updates.
    awaitDiskCheck: false,
    // File recovery; read-only mode lists and copies versions but takes none.
    snapshots: { dataDir: options.dataDir ?? defaultDataDir(), take: !options.readOnly },
  });
  try {
    const writer = options.readOnly ? undefined : await openNoteWriter({ root: service.realRoot, service, vaultFs: service.fs, trashItem: options.trashItem });
    const handlers = createApiHandlers(service, {
      kind: options.kind,
      readOnly: options.readOnly,
      openExternal: options.openExternal,
      openPath: options.openPath,
      writer,
      dataDir: options.dataDir,
    });
    return {
      service,
      handlers,
      subscribe: (listener) => service.onEvent(listener),
      close: () => service.close(),
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}
