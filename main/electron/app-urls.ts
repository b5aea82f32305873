/** The app's own origins and its Content-Security-Policy (no Electron import, so pure code can use them). */
import { buildCsp } from '../app-shell/content-security-policy';

export const SCHEME = 'plexus';
export const APP_ORIGIN = 'plexus://app';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
export const VAULT_ORIGIN = 'plexus://vault';

/** The browser server's policy minus WebSockets, plus vault images over plexus://vault. */
export const ELECTRON_CSP = buildCsp({ img: [VAULT_ORIGIN] });

/** The page shown after the renderer crashed (crash-page.ts), and the address its Reload link goes to. */
export const CRASH_PAGE_PATH = '/crashed';
export const CRASH_PAGE_URL = `${APP_ORIGIN}${CRASH_PAGE_PATH}`;
export const RELOAD_URL = `${APP_ORIGIN}/reload`;
