jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as electron from 'electron';
import { handlePlexusRequest } from '../../main/electron/app-protocol';
import { CRASH_PAGE_URL, RELOAD_URL } from '../../main/electron/app-urls';
import { CRASH_PAGE_CSP, crashPageUrl } from '../../main/electron/crash-page';
import { watchForCrashes } from '../../main/electron/crash-recovery';
import { checkDrafts, DRAFTS_REPORT_CHANNEL, DRAFTS_TAKE_CHANNEL, DraftStore, MAX_DRAFTS, registerDraftIpc } from '../../main/electron/drafts';
import { asMock, MockBrowserWindow, MockFrame, MockWebContents } from './electron-mock';
import { vp } from '../support/vault-path';

const mock = asMock(electron);

describe('DraftStore', () => {
  test('a crash keeps the last report for its vault until a page of that vault takes it', () => {
    const store = new DraftStore();
    store.report('/v/a', [{ path: vp('A.md'), text: 'first' }]);
    store.report('/v/a', [{ path: vp('A.md'), text: 'second' }]);
    expect(store.rendererGone('/v/a')).toBe(1);
    expect(store.take('/v/b')).toEqual([]);
    expect(store.take('/v/a')).toEqual([{ path: 'A.md', text: 'second' }]);
    expect(store.take('/v/a')).toEqual([]);
  });

  test('a page that commits normally lets go of its text; a second crash adds to what is kept', () => {
    const store = new DraftStore();
    store.report('/v/a', [{ path: vp('A.md'), text: 'discarded' }]);
    store.pageLeft();
    expect(store.rendererGone('/v/a')).toBe(0);
    store.report('/v/a', [{ path: vp('A.md'), text: 'one' }]);
    store.rendererGone('/v/a');
    store.report('/v/a', [{ path: vp('B.md'), text: 'two' }]);
    expect(store.rendererGone('/v/a')).toBe(2);
  });

  test('reports are checked: shape, count and size', () => {
    expect(checkDrafts([{ path: 'A.md', text: '' }])).toEqual({ ok: true, value: [{ path: 'A.md', text: '' }] });
    for (const bad of [
      null,
      'x',
      [null],
      [{ path: '', text: 'x' }],
      [{ path: 'a\0b', text: 'x' }],
      [{ path: '../outside.md', text: 'x' }],
      [{ path: 'a//b.md', text: 'x' }],
      [{ path: 'A.md' }],
      [{ path: 1, text: 'x' }],
      new Array(MAX_DRAFTS + 1).fill({ path: 'a', text: '' }),
    ]) {
      expect(checkDrafts(bad).ok).toBe(false);
    }
  });
});

describe('draft IPC', () => {
  const contents = new MockWebContents();
  const store = new DraftStore();
  const log = jest.fn();
  registerDraftIpc({ store, getMainContents: () => contents as never, currentRoot: () => '/v/a', log });
  const report = mock.ipcHandlers.get(DRAFTS_REPORT_CHANNEL)!;
  const take = mock.ipcHandlers.get(DRAFTS_TAKE_CHANNEL)!;

  test('the app frame reports and takes', async () => {
    await report({ sender: contents, senderFrame: contents.mainFrame }, [{ path: 'A.md', text: 'typed' }]);
    store.rendererGone('/v/a');
    expect(await take({ sender: contents, senderFrame: contents.mainFrame })).toEqual([{ path: 'A.md', text: 'typed' }]);
  });

  test('another frame or a malformed report is refused', async () => {
    const frame = new MockFrame('https://evil.example/');
    await expect(async () => report({ sender: contents, senderFrame: frame }, [])).rejects.toThrow('sender is not the Plexus window');
    await expect(async () => take({ sender: contents, senderFrame: frame })).rejects.toThrow('sender is not the Plexus window');
    await expect(async () => report({ sender: contents, senderFrame: contents.mainFrame }, [{ path: 'A.md', text: 5 }])).rejects.toThrow('has no text');
    expect(log).toHaveBeenCalledTimes(3);
  });
});

describe('watchForCrashes', () => {
  function setup(quitting = false) {
    const win = new MockBrowserWindow({});
    const store = new DraftStore();
    const reload = jest.fn(async () => undefined);
    watchForCrashes(win as never, { drafts: store, currentRoot: () => '/v/a', isQuitting: () => quitting, reload, log: jest.fn() });
    return { win, contents: win.webContents, store, reload };
  }

  test('a crash shows the crash page with the count of kept texts; its Reload link reloads the app', () => {
    const { contents, store, reload } = setup();
    store.report('/v/a', [{ path: vp('A.md'), text: 'typed' }]);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(contents.loadURL).toHaveBeenCalledWith(crashPageUrl(1, 'crashed'));
    // While the app is shown, a navigation to the reload address is nothing special.
    (contents as unknown as { getURL(): string }).getURL = () => 'plexus://app/index.html';
    const early = { url: RELOAD_URL, preventDefault: jest.fn() };
    contents.emit('will-navigate', early);
    expect(reload).not.toHaveBeenCalled();
    (contents as unknown as { getURL(): string }).getURL = () => crashPageUrl(1, 'crashed');
    contents.emit('will-navigate', { url: 'plexus://app/other', preventDefault: jest.fn() });
    expect(reload).not.toHaveBeenCalled();
    const click = { url: RELOAD_URL, preventDefault: jest.fn() };
    contents.emit('will-navigate', click);
    expect(click.preventDefault).toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('a clean exit or a quit is not a crash', () => {
    const { contents } = setup();
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.loadURL).not.toHaveBeenCalled();
    const quitting = setup(true);
    quitting.contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(quitting.contents.loadURL).not.toHaveBeenCalled();
  });
});

test('plexus://app/crashed is a static page without script, with its own strict policy', async () => {
  const response = await handlePlexusRequest(new Request(`${crashPageUrl(2, 'oom')}&kept=x`), {
    rendererDir: '/nonexistent',
    getVault: () => null,
    log: jest.fn(),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toBe(CRASH_PAGE_CSP);
  const html = await response.text();
  expect(html).toContain('ran out of memory');
  expect(html).toContain('2 notes is kept');
  expect(html).toContain('href="reload"');
  expect(html).not.toMatch(/<script/i);
  const hostile = await handlePlexusRequest(new Request(`${CRASH_PAGE_URL}?kept=1&reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E`), {
    rendererDir: '/nonexistent',
    getVault: () => null,
    log: jest.fn(),
  });
  expect(await hostile.text()).not.toContain('<script>alert');
  // Deep links are never page requests.
  expect(
    (await handlePlexusRequest(new Request('plexus://open?vault=x&file=A.md'), { rendererDir: '/nonexistent', getVault: () => null, log: jest.fn() })).status,
  ).toBe(404);
});
