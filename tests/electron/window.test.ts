jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as electron from 'electron';
import { ELECTRON_CSP } from '../../main/electron/app-urls';
import { createMainWindow, hardenSession, hardenWebContents, secureWebPreferences } from '../../main/electron/window';
import { asMock, MockBrowserWindow, MockWebContents } from './electron-mock';

const mock = asMock(electron);

beforeEach(() => jest.clearAllMocks());

test('the window gets exactly the secure webPreferences', () => {
  const win = createMainWindow({ preload: '/app/dist/main/preload.js', bounds: null }) as unknown as MockBrowserWindow;
  expect(win.options.webPreferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
    preload: '/app/dist/main/preload.js',
  });
  expect(secureWebPreferences('p')).toEqual({ ...(win.options.webPreferences as object), preload: 'p' });
});

test('saved bounds are applied, maximized restored', () => {
  const win = createMainWindow({ preload: 'p', bounds: { x: 5, y: 6, width: 700, height: 500, maximized: true } }) as unknown as MockBrowserWindow;
  expect(win.options).toMatchObject({ x: 5, y: 6, width: 700, height: 500, show: false });
  // maximize() shows a hidden window: it waits until the page is ready, then the window shows maximized.
  expect(win.maximize).not.toHaveBeenCalled();
  expect(win.show).not.toHaveBeenCalled();
  win.emit('ready-to-show');
  expect(win.maximize).toHaveBeenCalled();
  expect(win.show).toHaveBeenCalled();
  expect(win.maximize.mock.invocationCallOrder[0]).toBeLessThan(win.show.mock.invocationCallOrder[0]);
});

function hardened(): { contents: MockWebContents; log: jest.Mock } {
  const contents = new MockWebContents();
  const log = jest.fn();
  hardenWebContents(contents as never, log);
  return { contents, log };
}

test.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('%s is prevented', (name) => {
  const { contents } = hardened();
  const event = { preventDefault: jest.fn() };
  contents.emit(name, event, 'https://example.com/');
  expect(event.preventDefault).toHaveBeenCalled();
});

test.each(['https://example.com/a?b#c', 'http://example.com', 'mailto:someone@example.com'])('a new window for %s is denied and opened externally', (url) => {
  const { contents } = hardened();
  expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  expect(mock.shell.openExternal).toHaveBeenCalledTimes(1);
});

test.each([
  'javascript:alert(1)',
  'file:///etc/passwd',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  'plexus://app/index.html',
  'https://user:pass@example.com/',
  'not a url',
])('a new window for %s is denied and never reaches the OS', (url) => {
  const { contents, log } = hardened();
  expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  expect(mock.shell.openExternal).not.toHaveBeenCalled();
  expect(log).toHaveBeenCalled();
});

test('the session denies every permission request and check', () => {
  const session = mock.session.defaultSession;
  hardenSession(session as never);
  const request = session.setPermissionRequestHandler.mock.calls[0][0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
    const callback = jest.fn();
    request({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
  }
  const check = session.setPermissionCheckHandler.mock.calls[0][0] as (c: unknown, p: string) => boolean;
  expect(check({}, 'media')).toBe(false);
  expect(check({}, 'clipboard-sanitized-write')).toBe(false);
});

test('responses get the strict CSP header', () => {
  const session = mock.session.defaultSession;
  hardenSession(session as never);
  const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0][0] as (d: unknown, cb: (r: unknown) => void) => void;
  const callback = jest.fn();
  onHeaders({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
  expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [ELECTRON_CSP] } });
  expect(ELECTRON_CSP).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http: plexus://vault; media-src 'self' blob:; connect-src 'self'; object-src 'none'; frame-src blob:; base-uri 'none'; form-action 'none'",
  );
});
