/** The one PlexusApi the app uses: the Electron preload's `window.plexus`, else the browser-mode client. */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { createRemoteApi } from './remote-api';

declare global {
  interface Window {
    plexus?: PlexusApi;
  }
}

let cached: PlexusApi | null = null;

/**
 * True when the page is served by `plexus serve` rather than shown in the Electron window (whose
 * preload provides `window.plexus`). There no one can hand a URL to the OS: the page opens
 * external links itself.
 */
export function isBrowserMode(win: Window = window): boolean {
  return win.plexus === undefined;
}

export function getApi(): PlexusApi {
  if (!cached) cached = window.plexus ?? createRemoteApi();
  return cached;
}
