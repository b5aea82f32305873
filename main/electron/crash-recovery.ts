/**
 * A crash of the window's renderer (render-process-gone) must not lose unsaved text or leave a
 * dead window: the drafts the page last reported are kept (drafts.ts), the window shows the crash
 * page (crash-page.ts), and its Reload link brings the app back, which then takes the kept texts.
 * A clean exit, or the window going away while the app quits, is not a crash.
 */
import type { BrowserWindow } from 'electron';
import { CRASH_PAGE_URL, RELOAD_URL } from './app-urls';
import { crashPageUrl } from './crash-page';
import type { DraftStore } from './drafts';

export interface CrashRecoveryOptions {
  drafts: DraftStore;
  currentRoot: () => string | null;
  isQuitting: () => boolean;
  /** Loads the app again (its start URL for the open vault). */
  reload: () => Promise<void>;
  log: (message: string, error?: unknown) => void;
}

const isCrashPage = (url: string) => url.split(/[?#]/)[0] === CRASH_PAGE_URL;

export function watchForCrashes(win: BrowserWindow, options: CrashRecoveryOptions): void {
  const contents = win.webContents;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed() || options.isQuitting()) return;
    options.log(`plexus: the window's renderer is gone (${details.reason}, exit code ${details.exitCode})`);
    const kept = options.drafts.rendererGone(options.currentRoot());
    contents.loadURL(crashPageUrl(kept, details.reason)).catch((error: unknown) => options.log('plexus: could not show the crash page', error));
  });
  // Every navigation is refused (window.ts); the crash page's one link means "Reload".
  contents.on('will-navigate', (event) => {
    if (event.url !== RELOAD_URL || !isCrashPage(contents.getURL())) return;
    event.preventDefault();
    options.reload().catch((error: unknown) => options.log('plexus: reloading after the crash failed', error));
  });
  // A new document committed (a reload, the crash page, a vault switch): the old page's text is no longer live.
  contents.on('did-navigate', () => options.drafts.pageLeft());
}
