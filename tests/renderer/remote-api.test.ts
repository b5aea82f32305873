import './setup';
import type { VaultEvent } from '../../main/contract/api-contract';
import { API_METHOD_NAMES } from '../../main/contract/api-methods';
import { createRemoteApi, eventsUrl } from '../../renderer/src/api/remote-api';
import { connectionOf } from '../../renderer/src/api/connection-registry';
import { vp } from '../support/vault-path';

class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  close() {
    this.closed = true;
  }
}

function fakeFetch(responses: Record<string, unknown>, status = 200) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const method = url.split('/api/')[1];
    return { ok: status === 200, status, json: async () => responses[method], text: async () => 'nope' } as Response;
  }) as unknown as typeof fetch;
  return { impl, calls };
}

test('every contract method is a POST /api/<method> with a JSON array of args and the token header', async () => {
  const { impl, calls } = fakeFetch({ readNote: { ok: true, value: { path: 'a.md' } } });
  const api = createRemoteApi({ baseUrl: 'http://127.0.0.1:4000', token: 'tok', fetchImpl: impl });
  for (const name of API_METHOD_NAMES) expect(typeof api[name]).toBe('function');
  await expect(api.readNote(vp('a b.md'))).resolves.toEqual({ ok: true, value: { path: 'a.md' } });
  expect(calls[0].url).toBe('http://127.0.0.1:4000/api/readNote');
  expect(calls[0].init.method).toBe('POST');
  expect(calls[0].init.body).toBe('["a b.md"]');
  expect((calls[0].init.headers as Record<string, string>)['X-Plexus-Token']).toBe('tok');
});

test('no token header without a token; HTTP failures reject with the status', async () => {
  const { impl, calls } = fakeFetch({}, 401);
  const api = createRemoteApi({ baseUrl: 'http://127.0.0.1:4000', token: null, fetchImpl: impl });
  await expect(api.listFiles()).rejects.toThrow('listFiles failed: HTTP 401');
  expect((calls[0].init.headers as Record<string, string>)['X-Plexus-Token']).toBeUndefined();
});

test('events arrive over /events and the socket reconnects with backoff after a drop', async () => {
  FakeSocket.all = [];
  expect(eventsUrl('https://host:9/x')).toBe('wss://host:9/events');
  const timers: { fn: () => void; ms: number }[] = [];
  const { impl, calls } = fakeFetch({});
  const api = createRemoteApi({
    baseUrl: 'http://127.0.0.1:4000',
    token: null,
    fetchImpl: impl,
    createSocket: (u) => new FakeSocket(u) as unknown as WebSocket,
    timers: { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined },
  });
  const got: VaultEvent[] = [];
  const off = api.onEvent((e) => got.push(e));
  expect(FakeSocket.all).toHaveLength(1);
  expect(FakeSocket.all[0].url).toBe('ws://127.0.0.1:4000/events');
  FakeSocket.all[0].onopen!();
  FakeSocket.all[0].onmessage!({ data: JSON.stringify({ type: 'notice', message: 'hi' }) });
  FakeSocket.all[0].onmessage!({ data: '{broken' });
  expect(got[0]).toEqual({ type: 'notice', message: 'hi' });
  expect(got[1].type).toBe('vault-error');
  FakeSocket.all[0].onclose!();
  expect(connectionOf(api)?.state?.status).toBe('offline');
  // The probe (HEAD /) tells "unreachable" from "signed out" before the retry is scheduled.
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['HEAD http://127.0.0.1:4000/']);
  expect(timers.map((t) => t.ms)).toEqual([500]);
  timers.shift()!.fn();
  expect(FakeSocket.all).toHaveLength(2);
  FakeSocket.all[1].onclose!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(timers.map((t) => t.ms)).toEqual([1000]);
  timers.shift()!.fn();
  expect(FakeSocket.all).toHaveLength(3);
  FakeSocket.all[2].onopen!();
  expect(connectionOf(api)?.state?.status).toBe('online');
  off();
  expect(FakeSocket.all[2].closed).toBe(true);
  expect(connectionOf(api)?.state).toBeNull();
});

test('a call that cannot reach the server marks the connection lost; a 401 marks it signed out', async () => {
  FakeSocket.all = [];
  let mode: 'down' | '401' = 'down';
  const impl = (async () => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    return { ok: false, status: 401, json: async () => null, text: async () => 'Unauthorized' } as Response;
  }) as unknown as typeof fetch;
  const api = createRemoteApi({
    baseUrl: 'http://127.0.0.1:4000',
    token: null,
    fetchImpl: impl,
    createSocket: (u) => new FakeSocket(u) as unknown as WebSocket,
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
  });
  const off = api.onEvent(() => undefined);
  FakeSocket.all[0].onopen!();
  await expect(api.listFiles()).rejects.toThrow('Failed to fetch');
  expect(connectionOf(api)?.state?.status).toBe('offline');
  expect(FakeSocket.all[0].closed).toBe(true);
  mode = '401';
  await expect(api.listFiles()).rejects.toThrow('HTTP 401');
  expect(connectionOf(api)?.state?.status).toBe('signed-out');
  off();
});

test('openExternal opens http(s)/mailto in a new tab without opener or referrer, and never asks the server', async () => {
  const { impl, calls } = fakeFetch({});
  const opened: unknown[][] = [];
  const api = createRemoteApi({ baseUrl: 'http://127.0.0.1:4000', token: null, fetchImpl: impl, openWindow: (...args) => void opened.push(args) });
  await expect(api.openExternal('https://example.com/a?b=1')).resolves.toEqual({ ok: true, value: null });
  await expect(api.openExternal('mailto:someone@example.com')).resolves.toEqual({ ok: true, value: null });
  for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '//evil.example/', 'note.md']) {
    await expect(api.openExternal(bad)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  }
  expect(opened).toEqual([
    ['https://example.com/a?b=1', '_blank', 'noopener,noreferrer'],
    ['mailto:someone@example.com', '_blank', 'noopener,noreferrer'],
  ]);
  expect(calls).toEqual([]);
});
