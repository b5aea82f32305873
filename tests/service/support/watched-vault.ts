/**
 * A real temp vault opened by the real service with a fast watcher, the note writer and the
 * contract handlers over it, and a temp app-data folder for its snapshot store: the set-up the
 * file-recovery tests share. close() closes the service and removes both folders.
 */
import type { ApiHandlers, VaultEvent } from '../../../main/contract/api-contract';
import { createApiHandlers } from '../../../main/service/api-handlers';
import type { VaultSnapshotOptions } from '../../../main/service/snapshots/vault-snapshots';
import { VaultService } from '../../../main/service/vault-service';
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';

export interface WatchedVaultOptions {
  /** Chokidar's polling watcher (default) or native watching. */
  usePolling?: boolean;
  /** Snapshot options over `{ dataDir, take: !readOnly }`; null for no snapshot store. */
  snapshots?: Partial<VaultSnapshotOptions> | null;
  /** A read-only host: no note writer, and no versions taken. */
  readOnly?: boolean;
  /** Subscribed as soon as the service is open, before it watches. */
  onEvent?: (event: VaultEvent) => void;
}

export interface WatchedVault {
  root: string;
  dataDir: string;
  service: VaultService;
  api: ApiHandlers;
  close(): Promise<void>;
}

export async function openWatchedVault(files: Record<string, string | Buffer>, options: WatchedVaultOptions = {}): Promise<WatchedVault> {
  const root = makeVault(files);
  const dataDir = makeTempDir('plexus-data-');
  const readOnly = options.readOnly ?? false;
  let service: VaultService | undefined;
  const close = async () => {
    try {
      await service?.close();
    } finally {
      removeDir(root);
      removeDir(dataDir);
    }
  };
  try {
    service = await VaultService.open(root, {
      cacheDir: null,
      workers: 0,
      watcherOptions: { quietMs: 30, maxWaitMs: 200, usePolling: options.usePolling ?? true },
      snapshots: options.snapshots === null ? null : { dataDir, take: !readOnly, ...options.snapshots },
    });
    if (options.onEvent) service.onEvent(options.onEvent);
    await service.whenWatching();
    if (options.snapshots !== null) await service.snapshotsSettled();
    const writer = readOnly ? undefined : await openNoteWriter({ root: service.realRoot, service });
    const api = createApiHandlers(service, { kind: 'browser', readOnly, openExternal: () => undefined, writer, dataDir });
    return { root, dataDir, service, api, close };
  } catch (error) {
    await close();
    throw error;
  }
}
