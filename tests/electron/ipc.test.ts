jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as electron from 'electron';
import type { ApiHandlers, VaultEvent } from '../../main/contract/api-contract';
import { API_METHOD_NAMES } from '../../main/contract/api-methods';
import { EVENT_CHANNEL, forwardEvents, isTrustedFrame, methodChannel, registerIpc } from '../../main/electron/ipc';
import { asMock, MockFrame, MockWebContents } from './electron-mock';
import { fakeHandlers } from '../server/helpers';

const mock = asMock(electron);

function setup(handlers: ApiHandlers | null = fakeHandlers().handlers) {
  const contents = new MockWebContents();
  const log = jest.fn();
  const dispose = registerIpc({ getHandlers: () => handlers, getMainContents: () => contents as never, log });
  const invoke = (name: string, event: { sender: unknown; senderFrame: unknown }, ...args: unknown[]) =>
    mock.ipcHandlers.get(`plexus:${name}`)!(event, ...args);
  const fromWindow = { sender: contents, senderFrame: contents.mainFrame };
  return { contents, log, dispose, invoke, fromWindow };
}

afterEach(() => mock.ipcHandlers.clear());

test('one handler per API method, removable again', () => {
  const { dispose } = setup();
  expect([...mock.ipcHandlers.keys()].sort()).toEqual(API_METHOD_NAMES.map((name) => `plexus:${name}`).sort());
  expect(methodChannel('readNote')).toBe('plexus:readNote');
  dispose();
  expect(mock.ipcHandlers.size).toBe(0);
});

test('calls from the window top frame reach the handlers with their arguments', async () => {
  const fake = fakeHandlers();
  const { invoke, fromWindow } = setup(fake.handlers);
  await expect(invoke('writeNote', fromWindow, 'a.md', 'text', null)).resolves.toEqual({ ok: true, value: 'writeNote' });
  expect(fake.calls).toEqual([{ name: 'writeNote', args: ['a.md', 'text', null] }]);
});

test('a foreign frame is rejected before any handler runs', async () => {
  const fake = fakeHandlers();
  const { contents, invoke, log } = setup(fake.handlers);
  const child = new MockFrame('plexus://app/index.html');
  child.parent = contents.mainFrame;
  const otherContents = new MockWebContents();
  const attempts = [
    { sender: contents, senderFrame: child },
    { sender: contents, senderFrame: new MockFrame('plexus://app/index.html') },
    { sender: otherContents, senderFrame: otherContents.mainFrame },
    { sender: contents, senderFrame: null },
  ];
  for (const event of attempts) await expect(invoke('readNote', event, 'a.md')).rejects.toThrow(/not the Plexus window/);
  contents.mainFrame.url = 'https://evil.example/';
  await expect(invoke('readNote', { sender: contents, senderFrame: contents.mainFrame }, 'a.md')).rejects.toThrow(/not the Plexus window/);
  contents.mainFrame.url = 'plexus://vault/x.png';
  await expect(invoke('readNote', { sender: contents, senderFrame: contents.mainFrame }, 'a.md')).rejects.toThrow(/not the Plexus window/);
  expect(fake.calls).toEqual([]);
  expect(log).toHaveBeenCalled();
});

test('isTrustedFrame wants the top frame on plexus://app', () => {
  const contents = new MockWebContents();
  expect(isTrustedFrame(contents.mainFrame as never, contents as never)).toBe(true);
  contents.mainFrame.url = 'about:blank';
  expect(isTrustedFrame(contents.mainFrame as never, contents as never)).toBe(false);
});

test('a throw from a Result method is logged and becomes an io-error result', async () => {
  const fake = fakeHandlers({
    readNote: async () => {
      throw new Error('EIO');
    },
  });
  const { invoke, fromWindow, log } = setup(fake.handlers);
  await expect(invoke('readNote', fromWindow, 'a.md')).resolves.toEqual({ ok: false, error: { code: 'io-error', message: 'EIO' } });
  expect(log).toHaveBeenCalledWith(expect.stringContaining('readNote'), expect.any(Error));
});

test('a throw from a non-Result method is logged and rethrown', async () => {
  const fake = fakeHandlers({
    getGraph: async () => {
      throw new Error('broken graph');
    },
  });
  const { invoke, fromWindow, log } = setup(fake.handlers);
  await expect(invoke('getGraph', fromWindow)).rejects.toThrow('broken graph');
  expect(log).toHaveBeenCalledWith(expect.stringContaining('getGraph'), expect.any(Error));
});

test('without an open vault, Result methods answer no-vault and others throw', async () => {
  const { invoke, fromWindow } = setup(null);
  await expect(invoke('readNote', fromWindow, 'a.md')).resolves.toEqual({ ok: false, error: { code: 'no-vault', message: 'No vault is open' } });
  await expect(invoke('getGraph', fromWindow)).rejects.toThrow(/no vault/);
});

test('events are sent on plexus:event until unsubscribed, never to a destroyed window', () => {
  const contents = new MockWebContents();
  const listeners = new Set<(e: VaultEvent) => void>();
  const stop = forwardEvents(contents as never, (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  });
  const event: VaultEvent = { type: 'notice', message: 'hi' };
  for (const l of listeners) l(event);
  expect(contents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [event] }]);
  contents.destroyed = true;
  for (const l of listeners) l(event);
  expect(contents.sent).toHaveLength(1);
  stop();
  expect(listeners.size).toBe(0);
});
