jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { installMenu } from '../../main/electron/menu';
import { asMock } from './electron-mock';

const mock = asMock(electron);
const realPlatform = process.platform;

function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

afterEach(() => setPlatform(realPlatform));

/** Installs the menu as electron-main does, on the (faked) platform, and returns its template. */
function installed(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  setPlatform(platform);
  const build = mock.Menu.buildFromTemplate as jest.Mock;
  build.mockClear();
  installMenu({ recentVaults: [], appName: 'Plexus', isDev: false, openVault: jest.fn(), openRecent: jest.fn(), clearRecent: jest.fn() });
  expect(mock.Menu.setApplicationMenu).toHaveBeenCalled();
  return build.mock.calls[0][0] as MenuItemConstructorOptions[];
}

const roles = (items: unknown) => (items as MenuItemConstructorOptions[]).map((item) => item.role ?? item.type ?? item.label);
const named = (template: MenuItemConstructorOptions[], name: string) => template.find((item) => (item.label ?? item.role) === name);

test('on macOS the first menu is the app menu with About, Services, Hide, Hide Others, Show All and Quit', () => {
  const template = installed('darwin');
  expect(template[0].label).toBe('Plexus');
  expect(roles(template[0].submenu)).toEqual(['about', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
  // Quit is in the app menu, so File ends with Close Window; About is not repeated under Help.
  expect(roles(named(template, 'File')?.submenu).at(-1)).toBe('close');
  expect(roles(named(template, 'help')?.submenu)).not.toContain('about');
  expect(roles(template)).toEqual(['Plexus', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
});

test.each(['linux', 'win32'] as const)('on %s there is no app menu; File ends with Quit and Help has About', (platform) => {
  const template = installed(platform);
  expect(roles(template)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
  const file = named(template, 'File')?.submenu as MenuItemConstructorOptions[];
  expect(file.at(-1)).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  expect(roles(named(template, 'help')?.submenu)).toEqual(['about']);
  expect(template.some((item) => roles(item.submenu ?? []).includes('hide'))).toBe(false);
});
