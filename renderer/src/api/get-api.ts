/** The one PlexusApi the app uses: the Electron preload's `window.plexus`, else the browser-mode client. */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { createRemoteApi } from './remote-api';

declare global {
  interface Window {
    plexus?: PlexusApi;
  }
}

let cached: PlexusApi | null = null;

export function getApi(): PlexusApi {
  if (!cached) cached = window.plexus ?? createRemoteApi();
  return cached;
}
