/**
 * The application menu. Editing shortcuts come from Electron roles so they work in every text
 * field; app-specific shortcuts are only Open Vault (the renderer owns the rest).
 *
 * Per platform: macOS gets its app menu (About, Services, Hide, Hide Others, Show All, Quit, all
 * as roles so the system wording and shortcuts apply) and File ends with Close Window; Windows
 * and Linux end File with Quit and keep About under Help.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  recentVaults: string[];
  platform: NodeJS.Platform;
  /** The app menu's title on macOS (the system shows the bundle name anyway). */
  appName: string;
  isDev: boolean;
  openVault: () => void;
  openRecent: (root: string) => void;
  clearRecent: () => void;
}

function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = actions.recentVaults.map((root) => ({ label: root, click: () => actions.openRecent(root) }));
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Vault…', accelerator: 'CmdOrCtrl+O', click: () => actions.openVault() },
      {
        label: 'Open Recent',
        submenu:
          recent.length > 0
            ? [...recent, { type: 'separator' }, { label: 'Clear Recent', click: () => actions.clearRecent() }]
            : [{ label: 'No Recent Vaults', enabled: false }],
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Reload and devtools are for development: a reload in use would just re-ask about unsaved text.
      ...(actions.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  // On macOS About lives in the app menu; Help keeps the system's search field only.
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [{ role: 'about' }],
  };
  return [...(isMac ? [macAppMenu(actions.appName)] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

/** Builds for the platform this process runs on. */
export function installMenu(actions: Omit<MenuActions, 'platform'>): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ ...actions, platform: process.platform })));
}
