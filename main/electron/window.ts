/**
 * The main window and the guards every web contents gets. The webPreferences are spelled out in
 * full (not left to defaults that have changed between Electron versions); navigation, new
 * windows, webviews and permission prompts are all refused; links leave only through the
 * external-URL allow-list.
 */
import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { ELECTRON_CSP } from './app-urls';
import { checkExternalUrl } from './external-url';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
    preload,
  };
}

/** Opens an allowed URL in the OS; returns whether it did. Refusals are logged, never silent. */
export function openExternalSafely(url: string, log: (message: string) => void): boolean {
  const checked = checkExternalUrl(url);
  if (!checked.ok) {
    log(`plexus: not opening ${url.slice(0, 200)}: ${checked.error.message}`);
    return false;
  }
  shell.openExternal(checked.value).catch((error: unknown) => log(`plexus: could not open ${checked.value}: ${String(error)}`));
  return true;
}

/** Guards for any web contents (wired from app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, log: (message: string) => void): void {
  // The app is one page; any navigation (a dropped file, a plain link, a redirect) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, log);
    return { action: 'deny' };
  });
}

/** Session-wide: deny every permission (camera, notifications, clipboard-read…) and add the CSP. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export function createMainWindow(options: { preload: string; bounds: WindowBounds | null }): BrowserWindow {
  const bounds = options.bounds ?? { width: 1280, height: 820, maximized: false };
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Plexus',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(options.preload),
  });
  // Not before the page is ready: maximize() also shows a hidden window (Electron's documented
  // behaviour), which would flash an empty frame before the app has drawn.
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  return win;
}

export function currentBounds(win: BrowserWindow): WindowBounds {
  const normal = win.getNormalBounds();
  return { x: normal.x, y: normal.y, width: normal.width, height: normal.height, maximized: win.isMaximized() };
}
