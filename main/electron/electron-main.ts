/**
 * Electron entry: one instance, one window, one open vault at a time. Startup opens the last
 * vault (or the sample vault), File > Open Vault swaps the service behind the same IPC handlers,
 * and settings (recent vaults, last note, window bounds) persist in userData/settings.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, screen, session, type BrowserWindow } from 'electron';
import { installPlexusProtocol, registerPlexusScheme } from './app-protocol';
import { UnsavedChangesGuard } from './before-close';
import { forwardEvents, registerIpc } from './ipc';
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

function persist(): void {
  saveSettings(settingsFile, settings).catch((error: unknown) => log('plexus: could not save settings', error));
}

function refreshMenu(): void {
  installMenu({
    recentVaults: settings.recentVaults,
    isMac: process.platform === 'darwin',
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
      log: (message) => log(message),
      onProgress: (status) => {
        if (progressWindow.isDestroyed()) return;
        if (status.state === 'indexing' && status.total > 0) {
          progressWindow.setTitle(`Indexing ${status.done.toLocaleString('en-US')} / ${status.total.toLocaleString('en-US')} — Plexus`);
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

async function chooseAndOpen(): Promise<void> {
  const root = await pickVaultFolder(win);
  if (root) await switchVault(root);
}

async function firstVault(): Promise<string | null> {
  const env = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, documentsDir: app.getPath('documents'), userDataDir: app.getPath('userData'), devRoot };
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
  registerIpc({ getHandlers: () => current?.handlers ?? null, getMainContents: () => (win && !win.isDestroyed() ? win.webContents : null), log });
  refreshMenu();
  const root = await firstVault();
  if (root === null) {
    app.quit();
    return;
  }
  await switchVault(root);
  if (!current) app.quit();
}

registerPlexusScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (message) => log(message)));
  // One window per app: closing it quits on every platform, macOS included.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopForwarding?.();
    void current?.close().catch((error: unknown) => log('plexus: closing the vault failed', error));
  });
  app.whenReady().then(start).catch((error: unknown) => {
    log('plexus: startup failed', error);
    dialog.showErrorBox('Plexus could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.exit(1);
  });
}
