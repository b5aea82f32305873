/**
 * Which PlexusApi has a Connection to watch. Only the browser-mode client has one (the Electron
 * window's preload talks to its own process, which cannot go away under the page), so the
 * contract stays as it is and the app asks here instead.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import type { Connection } from './connection';

const connections = new WeakMap<PlexusApi, Connection>();

export function registerConnection(api: PlexusApi, connection: Connection): void {
  connections.set(api, connection);
}

export function connectionOf(api: PlexusApi): Connection | null {
  return connections.get(api) ?? null;
}
