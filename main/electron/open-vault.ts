/**
 * Opens a vault for the Electron host through the service seams documented in
 * docs/architecture.md: `VaultService.open(root, options)`, `service.onEvent`, `service.close()`
 * and `createApiHandlers(service, host)`.
 */
import type { VaultEvent } from '../contract/api-contract';
import { createApiHandlers } from '../service/api-handlers';
import { VaultService } from '../service/vault-service';
import { indexedFiles, type VaultBackend } from './vault-backend';

export async function openVaultBackend(root: string): Promise<VaultBackend> {
  const service = await VaultService.open(root, { readOnly: false });
  const handlers = createApiHandlers(service, 'electron');
  const subscribe = (listener: (event: VaultEvent) => void) => service.onEvent(listener);
  const files = indexedFiles(handlers, subscribe);
  return {
    root,
    handlers,
    subscribe,
    access: { root, isIndexed: (vaultPath) => files.isIndexed(vaultPath) },
    async close() {
      files.dispose();
      await service.close();
    },
  };
}
