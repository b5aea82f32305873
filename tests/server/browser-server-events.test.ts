import { WebSocket } from 'ws';
import type { VaultEvent } from '../../main/contract/api-contract';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { eventSource, fakeHandlers, makeStaticDir } from './helpers';
import { vp } from '../support/vault-path';

const TOKEN = 'e'.repeat(64);
let server: BrowserServer;
let events: ReturnType<typeof eventSource>;

beforeEach(async () => {
  events = eventSource();
  server = await startBrowserServer({
    handlers: fakeHandlers().handlers,
    subscribe: events.subscribe,
    readOnly: false,
    staticDir: makeStaticDir(),
    token: TOKEN,
  });
});
afterEach(() => server.close());

function connect(headers: Record<string, string>, path = '/events'): Promise<{ ws: WebSocket; messages: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers: { host: `127.0.0.1:${server.port}`, ...headers } });
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

test('the upgrade needs the token', async () => {
  await expect(connect({})).rejects.toThrow('status 401');
  await expect(connect({ cookie: `plexus_token_${server.port}=wrong` })).rejects.toThrow('status 401');
});

test('the upgrade refuses a foreign Host, a cross-origin Origin and other paths', async () => {
  await expect(connect({ cookie: `plexus_token_${server.port}=${TOKEN}`, host: 'evil.example' })).rejects.toThrow('status 403');
  await expect(connect({ cookie: `plexus_token_${server.port}=${TOKEN}`, origin: 'http://evil.example' })).rejects.toThrow('status 403');
  await expect(connect({ 'x-plexus-token': TOKEN }, '/other')).rejects.toThrow('status 404');
});

test('every connected client receives each event as one JSON frame', async () => {
  const a = await connect({ cookie: `plexus_token_${server.port}=${TOKEN}`, origin: `http://127.0.0.1:${server.port}` });
  const b = await connect({ 'x-plexus-token': TOKEN });
  const first: VaultEvent = { type: 'status', status: { state: 'ready', notes: 3, links: 4, ms: 5 } };
  const second: VaultEvent = { type: 'external-change', path: vp('a.md'), hash: 'h', deleted: false };
  events.emit(first);
  events.emit(second);
  await waitFor(() => a.messages.length === 2 && b.messages.length === 2);
  expect(a.messages).toEqual([first, second]);
  expect(b.messages).toEqual([first, second]);
  a.ws.close();
  b.ws.close();
});

test('close() unsubscribes from events and drops clients', async () => {
  const a = await connect({ 'x-plexus-token': TOKEN });
  const closed = new Promise((resolve) => a.ws.once('close', resolve));
  expect(events.count()).toBe(1);
  await server.close();
  expect(events.count()).toBe(0);
  await closed;
});

test('a port in use is reported, and the subscription is released', async () => {
  const other = eventSource();
  await expect(
    startBrowserServer({ handlers: fakeHandlers().handlers, subscribe: other.subscribe, readOnly: false, staticDir: makeStaticDir(), port: server.port }),
  ).rejects.toThrow(/EADDRINUSE/);
  expect(other.count()).toBe(0);
});
