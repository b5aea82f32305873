jest.mock('electron', () => require('./electron-mock').createElectronMock());

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { DISCARD_BUTTON, UnsavedChangesGuard } from '../../main/electron/before-close';
import { checkExternalUrl } from '../../main/electron/external-url';
import { buildMenuTemplate } from '../../main/electron/menu';
import { isCheckoutSampleVault, sampleVaultPath, SAMPLE_VAULT_NAME } from '../../main/electron/sample-vault';
import { asMock, MockBrowserWindow } from './electron-mock';

const mock = asMock(electron);

test.each(['https://example.com/x', 'http://example.com', 'mailto:a@b.example?subject=hi'])('allows %s', (url) => {
  expect(checkExternalUrl(url).ok).toBe(true);
});

test.each([
  'javascript:alert(1)',
  'file:///C:/Windows',
  'smb://host/share',
  'ms-msdt:/id',
  'data:text/html,x',
  'https://u:p@x.example',
  'https://',
  'relative/path',
  42,
])('refuses %p', (url) => {
  const result = checkExternalUrl(url);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe('invalid-input');
});

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? String(item.role ?? item.type));
}

test('menu: File has Open Vault (Ctrl/Cmd+O), Open Recent and Quit; standard role menus follow', () => {
  const actions = {
    recentVaults: ['/v/a', '/v/b'],
    platform: 'linux' as const,
    appName: 'Plexus',
    isDev: false,
    openVault: jest.fn(),
    openRecent: jest.fn(),
    clearRecent: jest.fn(),
  };
  const template = buildMenuTemplate(actions);
  expect(labels(template)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
  const file = template[0].submenu as MenuItemConstructorOptions[];
  expect(file[0]).toMatchObject({ label: 'Open Vault…', accelerator: 'CmdOrCtrl+O' });
  (file[0].click as () => void)();
  expect(actions.openVault).toHaveBeenCalled();
  const recent = file[1].submenu as MenuItemConstructorOptions[];
  expect(labels(recent)).toEqual(['/v/a', '/v/b', 'separator', 'Clear Recent']);
  (recent[1].click as () => void)();
  expect(actions.openRecent).toHaveBeenCalledWith('/v/b');
  expect(file[3]).toMatchObject({ role: 'quit' });
  expect(labels(template[2].submenu as MenuItemConstructorOptions[])).not.toContain('toggleDevTools');
});

test('menu: macOS gets the app menu; dev builds get reload and devtools; empty recent list is disabled', () => {
  const template = buildMenuTemplate({
    recentVaults: [],
    platform: 'darwin',
    appName: 'Plexus',
    isDev: true,
    openVault: jest.fn(),
    openRecent: jest.fn(),
    clearRecent: jest.fn(),
  });
  expect(labels(template)[0]).toBe('Plexus');
  const file = template[1].submenu as MenuItemConstructorOptions[];
  expect(file[1].submenu).toEqual([{ label: 'No Recent Vaults', enabled: false }]);
  expect(labels(template[3].submenu as MenuItemConstructorOptions[])).toContain('toggleDevTools');
});

describe('unsaved changes guard', () => {
  test('discarding lets the unload proceed; keeping cancels it', () => {
    const win = new MockBrowserWindow({});
    const confirm = jest.fn(() => true);
    new UnsavedChangesGuard(win as never, confirm);
    const event = { preventDefault: jest.fn() };
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalled();
    confirm.mockReturnValue(false);
    const kept = { preventDefault: jest.fn() };
    win.webContents.emit('will-prevent-unload', kept);
    expect(kept.preventDefault).not.toHaveBeenCalled();
  });

  test('the default confirmation is the dialog; its Discard button means discard', () => {
    const win = new MockBrowserWindow({});
    new UnsavedChangesGuard(win as never);
    mock.dialog.showMessageBoxSync.mockReturnValueOnce(DISCARD_BUTTON);
    const event = { preventDefault: jest.fn() };
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(mock.dialog.showMessageBoxSync).toHaveBeenCalledWith(win, expect.objectContaining({ message: 'You have unsaved changes.' }));
  });

  test('leavePage resolves true after unloading, false when the user keeps editing', async () => {
    const win = new MockBrowserWindow({});
    const guard = new UnsavedChangesGuard(win as never, () => false);
    await expect(guard.leavePage()).resolves.toBe(true);
    expect(win.webContents.loadURL).toHaveBeenCalledWith('about:blank');
    win.webContents.loadURL.mockImplementationOnce(() => {
      win.webContents.emit('will-prevent-unload', { preventDefault: jest.fn() });
      return new Promise(() => undefined);
    });
    await expect(guard.leavePage()).resolves.toBe(false);
  });
});

describe('sample vault', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'plexus-sample-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  function bundled(dir: string): void {
    mkdirSync(path.join(dir, 'vault', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'vault', 'sub', 'Note.md'), 'bundled');
  }

  test("packaged: copied once to Documents, and a later start keeps the user's edits", async () => {
    bundled(path.join(base, 'resources'));
    const env = {
      isPackaged: true,
      resourcesPath: path.join(base, 'resources'),
      documentsDir: path.join(base, 'docs'),
      userDataDir: path.join(base, 'data'),
      devRoot: '',
    };
    const target = await sampleVaultPath(env);
    expect(target).toBe(path.join(base, 'docs', SAMPLE_VAULT_NAME));
    expect(readFileSync(path.join(target, 'sub', 'Note.md'), 'utf8')).toBe('bundled');
    writeFileSync(path.join(target, 'sub', 'Note.md'), 'edited by the user');
    await sampleVaultPath(env);
    expect(readFileSync(path.join(target, 'sub', 'Note.md'), 'utf8')).toBe('edited by the user');
  });

  test("development: the checkout's vault/ is copied to userData and never opened itself", async () => {
    const devRoot = path.join(base, 'checkout');
    bundled(devRoot);
    const env = { isPackaged: false, resourcesPath: '', documentsDir: path.join(base, 'docs'), userDataDir: path.join(base, 'data'), devRoot };
    const target = await sampleVaultPath(env);
    expect(target).toBe(path.join(base, 'data', SAMPLE_VAULT_NAME));
    writeFileSync(path.join(target, 'sub', 'Note.md'), 'edited by the user');
    expect(readFileSync(path.join(devRoot, 'vault', 'sub', 'Note.md'), 'utf8')).toBe('bundled');
    expect(await sampleVaultPath(env)).toBe(target);
    expect(readFileSync(path.join(target, 'sub', 'Note.md'), 'utf8')).toBe('edited by the user');
  });

  test('a remembered checkout vault counts as the sample in development only', () => {
    expect(isCheckoutSampleVault('/repo/vault', { isPackaged: false, devRoot: '/repo' })).toBe(true);
    expect(isCheckoutSampleVault('/repo/vault/', { isPackaged: false, devRoot: '/repo' })).toBe(true);
    expect(isCheckoutSampleVault('/repo/vault', { isPackaged: true, devRoot: '/repo' })).toBe(false);
    expect(isCheckoutSampleVault('/elsewhere/vault', { isPackaged: false, devRoot: '/repo' })).toBe(false);
  });
});
