jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as electron from 'electron';
import type { PlexusApi, VaultEvent } from '../../main/contract/api-contract';
import { API_METHOD_NAMES } from '../../main/contract/api-methods';
import { DRAFTS_REPORT_CHANNEL, DRAFTS_TAKE_CHANNEL } from '../../main/electron/drafts';
import { EVENT_CHANNEL, methodChannel } from '../../main/electron/ipc';
import { asMock } from './electron-mock';

const mock = asMock(electron);
require('../../main/electron/preload');
const api = mock.exposed.plexus as PlexusApi;

test('exposes exactly window.plexus with the contract methods plus onEvent, and window.plexusDrafts', () => {
  expect(Object.keys(mock.exposed)).toEqual(['plexus', 'plexusDrafts']);
  expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES, 'onEvent'].sort());
  for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
});

test('each method invokes its ipc.ts channel with the arguments', async () => {
  for (const name of API_METHOD_NAMES) {
    const call = (api[name] as (...a: unknown[]) => Promise<unknown>)('x', 2);
    await expect(call).resolves.toEqual({ channel: methodChannel(name), args: ['x', 2] });
  }
});

test('plexusDrafts reports and takes over the channels drafts.ts handles', async () => {
  const drafts = mock.exposed.plexusDrafts as { report(list: unknown): Promise<unknown>; take(): Promise<unknown> };
  expect(Object.keys(drafts).sort()).toEqual(['report', 'take']);
  const list = [{ path: 'a.md', text: 'x' }];
  await expect(drafts.report(list)).resolves.toEqual({ channel: DRAFTS_REPORT_CHANNEL, args: [list] });
  await expect(drafts.take()).resolves.toEqual({ channel: DRAFTS_TAKE_CHANNEL, args: [] });
});

test('onEvent hands only the payload to the page and unsubscribes', () => {
  const received: VaultEvent[] = [];
  const stop = api.onEvent((event) => received.push(event));
  const listeners = mock.rendererListeners.get(EVENT_CHANNEL)!;
  expect(listeners.size).toBe(1);
  const event: VaultEvent = { type: 'notice', message: 'x' };
  for (const listener of listeners) listener({ sender: 'secret ipc object' }, event);
  expect(received).toEqual([event]);
  stop();
  expect(listeners.size).toBe(0);
});
