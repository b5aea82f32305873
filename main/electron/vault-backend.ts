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
