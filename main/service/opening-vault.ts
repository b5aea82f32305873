/**
 * A vault session still being opened, as a host can serve it already: `plexus serve` prints its
 * URL and serves the page at once, and the page shows the indexing progress (with its ETA) in
 * its status bar instead of waiting on a blank tab. While indexing, `getVaultInfo` answers at
 * once with the progress so far and every other method waits for the open (then is answered by
 * the session's own validated handlers, so nothing is served from a half-built index); the
 * status events go to every subscriber as they come, and the session's events after it.
 */
import * as path from 'node:path';
import type { ApiHandlers, IndexStatus, VaultEvent } from '../contract/api-contract';
import { API_METHOD_NAMES } from '../contract/api-methods';
import type { VaultSession } from './vault-session';

type Listener = (event: VaultEvent) => void;

export interface OpeningVault {
  handlers: ApiHandlers;
  subscribe(listener: Listener): () => void;
  /** Pass as the session's `onProgress`: the status events while it indexes. */
  onProgress(event: VaultEvent): void;
  /** Resolves with the session once `opening` does (and its events are forwarded from then on). */
  opened: Promise<VaultSession>;
}

export function openingVault(root: string, host: { kind: 'electron' | 'browser'; readOnly: boolean }, opening: Promise<VaultSession>): OpeningVault {
  const listeners = new Set<Listener>();
  const emit = (event: VaultEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  let status: IndexStatus = { state: 'indexing', done: 0, total: 0, etaMs: null };
  let session: VaultSession | null = null;
  const opened = opening.then((value) => {
    session = value;
    value.subscribe(emit);
    return value;
  });
  // A failed open is the opener's to report (it awaits `opened`); calls waiting on it fail with it.
  opened.catch(() => undefined);
  const handlers = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of API_METHOD_NAMES) {
    handlers[name] = async (...args) => {
      const ready = session ?? (name === 'getVaultInfo' ? null : await opened);
      if (ready === null) {
        const absolute = path.resolve(root);
        return { name: path.basename(absolute), root: absolute, readOnly: host.readOnly, host: host.kind, status };
      }
      return (ready.handlers[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return {
    handlers: handlers as ApiHandlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onProgress(event) {
      if (event.type === 'status') status = event.status;
      emit(event);
    },
    opened,
  };
}
