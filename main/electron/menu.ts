/**
 * The application menu. Editing shortcuts come from Electron roles so they work in every text
 * field; app-specific shortcuts are only Open Vault (the renderer owns the rest).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  recentVaults: string[];
  isMac: boolean;
  isDev: boolean;
  openVault: () => void;
  openRecent: (root: string) => void;
  clearRecent: () => void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] = actions.recentVaults.map((root) => ({ label: root, click: () => actions.openRecent(root) }));
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Vault…', accelerator: 'CmdOrCtrl+O', click: () => actions.openVault() },
      {
        label: 'Open Recent',
        submenu: recent.length > 0
          ? [...recent, { type: 'separator' }, { label: 'Clear Recent', click: () => actions.clearRecent() }]
          : [{ label: 'No Recent Vaults', enabled: false }],
      },
      { type: 'separator' },
      actions.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
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
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about' }],
  };
  return [
    ...(actions.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions)));
}
