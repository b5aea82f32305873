/**
 * Electron entry: one instance, one window, one open vault at a time. Startup opens the last
 * vault (or the sample vault, or the vault a plexus://open link names), File > Open Vault swaps
 * the service behind the same IPC handlers, and settings (recent vaults, last note, window
 * bounds) persist in userData/settings.json. A second start hands its arguments (deep links) to
 * this instance; `--read-only` opens every vault of this run read-only; a renderer crash shows
 * a Reload page and keeps unsaved text (crash-recovery.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, screen, session, type BrowserWindow } from 'electron';
import { formatIndexProgress } from '../core/progress/format-progress';
import { installPlexusProtocol, registerPlexusScheme } from './app-protocol';
import { UnsavedChangesGuard } from './before-close';
import { watchForCrashes } from './crash-recovery';
import { openDeepLink, type DeepLinkHost } from './deep-link-open';
import { parseDeepLink } from './deep-link';
import { LinkInbox, registerProtocolClient } from './deep-link-intake';
import { resolveLinkTarget } from './deep-link-target';
import { DraftStore, registerDraftIpc } from './drafts';
import { forwardEvents, registerIpc } from './ipc';
import { parseLaunchArgs } from './launch-args';
import { installMenu } from './menu';
import { noteFromUrl, startUrl } from './note-route';
import { openVaultBackend } from './open-vault';
import { isCheckoutSampleVault, sampleVaultPath } from './sample-vault';
import { fitBounds, forgetRecent, loadSettings, rememberNote, rememberVault, saveSettings, type AppSettings } from './settings';
import type { VaultBackend } from './vault-backend';
import { askAboutMissingVault, isDirectory, pickVaultFolder } from './vault-chooser';
import { createMainWindow, currentBounds, hardenSession, hardenWebContents } from './window';

const log = (message: string, error?: unknown) => console.error(message, error ?? '');
// dist/main/electron-main.js -> dist/main (preload), dist/renderer, and the checkout root in dev.
const preloadPath = path.join(__dirname, 'preload.js');
const rendererDir = path.join(__dirname, '..', 'renderer');
const devRoot = path.join(__dirname, '..', '..');

let settingsFile = '';
let settings: AppSettings;
let win: BrowserWindow | null = null;
let guard: UnsavedChangesGuard | null = null;
let current: VaultBackend | null = null;
let stopForwarding: (() => void) | null = null;
let quitting = false;
const launch = parseLaunchArgs(process.argv);
const drafts = new DraftStore();

function persist(): void {
  saveSettings(settingsFile, settings).catch((error: unknown) => log('plexus: could not save settings', error));
}

function refreshMenu(): void {
  installMenu({
    recentVaults: settings.recentVaults,
    appName: app.getName(),
    isDev: !app.isPackaged,
    openVault: () => void chooseAndOpen(),
    openRecent: (root) => void switchVault(root),
    clearRecent: () => {
      settings = forgetRecent(settings);
      persist();
      refreshMenu();
    },
  });
}

function ensureWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) return win;
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  const created = createMainWindow({ preload: preloadPath, bounds: fitBounds(settings.windowBounds, areas) });
  guard = new UnsavedChangesGuard(created);
  created.webContents.on('did-navigate-in-page', (_event, url) => {
    if (current) settings = rememberNote(settings, current.root, noteFromUrl(url));
  });
  watchForCrashes(created, {
    drafts,
    currentRoot: () => current?.root ?? null,
    isQuitting: () => quitting,
    reload: async () => {
      if (current) await created.loadURL(startUrl(settings.lastNote[current.root]));
    },
    log,
  });
  created.on('close', () => {
    // Synchronous: the process may exit right after the last window closes.
    settings = { ...settings, windowBounds: currentBounds(created) };
    try {
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    } catch (error) {
      log('plexus: could not save settings on close', error);
    }
  });
  created.on('closed', () => {
    win = null;
    guard = null;
  });
  win = created;
  return created;
}

/** Opens `root` in the window; on failure keeps whatever was open and tells the user. */
async function switchVault(root: string): Promise<void> {
  if (!(await isDirectory(root))) {
    await dialog.showMessageBox({ type: 'error', message: 'The vault folder is missing.', detail: root });
    return;
  }
  if (current && guard && !(await guard.leavePage())) return;
  let next: VaultBackend;
  try {
    // Indexing a big vault takes a moment: show it on the window (title + taskbar progress).
    const progressWindow = ensureWindow();
    next = await openVaultBackend(root, {
      readOnly: launch.readOnly,
      log: (message) => log(message),
      onProgress: (status) => {
        if (progressWindow.isDestroyed()) return;
        if (status.state === 'indexing' && status.total > 0) {
          progressWindow.setTitle(`${formatIndexProgress(status.done, status.total, status.etaMs)} — Plexus`);
          progressWindow.setProgressBar(status.done / status.total);
        } else progressWindow.setProgressBar(-1);
      },
    });
  } catch (error) {
    log(`plexus: could not open ${root}`, error);
    dialog.showErrorBox('Could not open the vault', `${root}\n\n${error instanceof Error ? error.message : String(error)}`);
    if (current && win) await win.loadURL(startUrl(settings.lastNote[current.root]));
    return;
  }
  const previous = current;
  stopForwarding?.();
  current = next;
  const target = ensureWindow();
  stopForwarding = forwardEvents(target.webContents, next.subscribe);
  // `npm start` shows this in its terminal: which folder the window is editing.
  console.log(`plexus: opened ${root}`);
  settings = rememberVault(settings, root);
  persist();
  refreshMenu();
  if (previous) await previous.close();
  await target.loadURL(startUrl(settings.lastNote[root]));
}

function focusWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

const linkHost: DeepLinkHost = {
  current: () => current,
  recentVaults: () => settings.recentVaults,
  readOnly: launch.readOnly,
  switchVault,
  async showNote(vaultPath) {
    if (!current) return;
    settings = rememberNote(settings, current.root, vaultPath);
    // Only the hash changes while the app is shown: the renderer opens the note in place.
    await ensureWindow().loadURL(startUrl(vaultPath));
  },
  async tell(message, detail) {
    const options = { type: 'warning' as const, message, detail, buttons: ['OK'] };
    await (win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  },
  async ask(message, detail, buttons) {
    const options = { type: 'question' as const, message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 };
    return (await (win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))).response;
  },
};
const inbox = new LinkInbox((url) => openDeepLink(url, linkHost), log);

/** The vault a start-up link names, so startup opens it directly (the link itself runs later, with its messages). */
async function vaultOfLaunchLink(): Promise<string | null> {
  const last = launch.links.at(-1);
  const parsed = last === undefined ? null : parseDeepLink(last);
  if (parsed === null || !parsed.ok) return null;
  const target = await resolveLinkTarget(parsed.value, null, settings.recentVaults);
  return target.ok && (await isDirectory(target.value.root)) ? target.value.root : null;
}

async function chooseAndOpen(): Promise<void> {
  const root = await pickVaultFolder(win);
  if (root) await switchVault(root);
}

async function firstVault(): Promise<string | null> {
  const env = {
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    documentsDir: app.getPath('documents'),
    userDataDir: app.getPath('userData'),
    devRoot,
  };
  const sample = () => sampleVaultPath(env);
  if (settings.lastVault === null || isCheckoutSampleVault(settings.lastVault, env)) return sample();
  if (await isDirectory(settings.lastVault)) return settings.lastVault;
  const choice = await askAboutMissingVault(settings.lastVault);
  if (choice === 'sample') return sample();
  if (choice === 'pick') return pickVaultFolder(null);
  return null;
}

async function start(): Promise<void> {
  settingsFile = path.join(app.getPath('userData'), 'settings.json');
  const loaded = await loadSettings(settingsFile);
  settings = loaded.settings;
  if (loaded.warning) log(`plexus: ${loaded.warning}`);
  hardenSession(session.defaultSession);
  installPlexusProtocol({ rendererDir, getVault: () => current?.access ?? null, log });
  const getMainContents = () => (win && !win.isDestroyed() ? win.webContents : null);
  registerIpc({ getHandlers: () => current?.handlers ?? null, getMainContents, log });
  registerDraftIpc({ store: drafts, getMainContents, currentRoot: () => current?.root ?? null, log: (message) => log(message) });
  registerProtocolClient((message) => log(message));
  refreshMenu();
  const root = (await vaultOfLaunchLink()) ?? (await firstVault());
  if (root === null) {
    app.quit();
    return;
  }
  await switchVault(root);
  if (!current) {
    app.quit();
    return;
  }
  for (const link of launch.links) inbox.receive(link);
  inbox.start();
}

registerPlexusScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux: a second start (a clicked plexus:// link, `plexus …` again) ends itself and
  // hands its argv over here.
  app.on('second-instance', (_event, argv) => {
    focusWindow();
    for (const link of parseLaunchArgs(argv).links) inbox.receive(link);
  });
  // macOS hands links to the running app (or to the starting one, before 'ready') as 'open-url'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    focusWindow();
    inbox.receive(url);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (message) => log(message)));
  // One window per app: closing it quits on every platform, macOS included.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    quitting = true;
    stopForwarding?.();
    void current?.close().catch((error: unknown) => log('plexus: closing the vault failed', error));
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('plexus: startup failed', error);
      dialog.showErrorBox('Plexus could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
}
