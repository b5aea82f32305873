/**
 * One open vault as the Electron host sees it: the service, its ApiHandlers, its event
 * subscription, and the index lookup the plexus://vault protocol needs.
 */
import type { ApiHandlers, VaultEvent } from '../contract/api-contract';
import type { VaultAccess } from './app-protocol';

export type Subscribe = (listener: (event: VaultEvent) => void) => () => void;

export interface VaultBackend {
  root: string;
  handlers: ApiHandlers;
  subscribe: Subscribe;
  access: VaultAccess;
  close(): Promise<void>;
}

/**
 * The set of indexed vault paths, built from listFiles on first use and kept current from
 * 'files' events, so serving an image never rescans the vault.
 */
export function indexedFiles(handlers: ApiHandlers, subscribe: Subscribe): { isIndexed(path: string): Promise<boolean>; dispose(): void } {
  let paths: Promise<Set<string>> | null = null;
  const unsubscribe = subscribe((event) => {
    if (event.type !== 'files' || paths === null) return;
    paths = paths.then((set) => {
      for (const removed of event.removed) set.delete(removed);
      for (const added of event.added) set.add(added.path);
      return set;
    });
  });
  return {
    async isIndexed(vaultPath) {
      paths ??= handlers.listFiles().then((files) => new Set(files.map((file) => file.path)));
      try {
        return (await paths).has(vaultPath);
      } catch (error) {
        paths = null; // Retry on the next request instead of caching the failure.
        throw error;
      }
    },
    dispose: unsubscribe,
  };
}
