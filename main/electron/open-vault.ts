/**
 * Opens a vault for the Electron host through the shared vault session (the same one
 * `plexus serve` uses): the indexed, watching service, the note writer with the OS trash,
 * and validated contract handlers.
 */
import { shell } from 'electron';
import type { IndexStatus } from '../contract/api-contract';
import { openVaultSession } from '../service/vault-session';
import type { VaultBackend } from './vault-backend';
import { openExternalSafely } from './window';

export interface OpenVaultOptions {
  /** `--read-only`: no note writer is opened and every write method answers `read-only`. */
  readOnly: boolean;
  onProgress?(status: IndexStatus): void;
  log(message: string): void;
}

export async function openVaultBackend(root: string, options: OpenVaultOptions): Promise<VaultBackend> {
  const session = await openVaultSession(root, {
    kind: 'electron',
    readOnly: options.readOnly,
    openExternal: (url) => {
      // The service's own check is looser (it allows credentials in web links): say it was refused.
      if (!openExternalSafely(url, options.log)) throw new Error(`Plexus does not open this link: ${url.slice(0, 200)}`);
    },
    trashItem: (absolutePath) => shell.trashItem(absolutePath),
    openPath: (absolutePath) => shell.openPath(absolutePath),
    onProgress: (event) => {
      if (event.type === 'status') options.onProgress?.(event.status);
    },
  });
  return {
    root,
    handlers: session.handlers,
    subscribe: session.subscribe,
    access: { root, isIndexed: async (vaultPath) => session.service.fileKind(vaultPath) !== null },
    close: () => session.close(),
  };
}
