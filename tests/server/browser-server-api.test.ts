import { API_METHOD_NAMES, WRITE_METHODS } from '../../main/contract/api-methods';
import { MAX_BODY_BYTES } from '../../main/server/api-route';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { eventSource, fakeHandlers, makeStaticDir, raw, type FakeHandlers } from './helpers';

const TOKEN = 'c'.repeat(64);
const auth = { 'x-plexus-token': TOKEN, 'content-type': 'application/json' };

async function start(readOnly: boolean, fake: FakeHandlers, log = jest.fn()): Promise<BrowserServer> {
  return startBrowserServer({ handlers: fake.handlers, subscribe: eventSource().subscribe, readOnly, staticDir: makeStaticDir(), token: TOKEN, log });
}

function post(server: BrowserServer, method: string, body: string) {
  return raw(server.port, { method: 'POST', path: `/api/${method}`, headers: auth, body });
}

describe('read-write server', () => {
  const log = jest.fn();
  let fake: FakeHandlers;
  let server: BrowserServer;
  beforeAll(async () => {
    fake = fakeHandlers({
      listFiles: async () => {
        throw new Error('disk on fire');
      },
      readNote: async () => {
        throw new Error('cannot read');
      },
      search: async (query) => ({
        ok: true,
        value: { hits: [{ path: 'a.md', title: 'a', score: 1, snippet: String(query), line: 1, match: null }], total: 1 },
      }),
    });
    server = await start(false, fake, log);
  });
  afterAll(() => server.close());

  test('dispatches the JSON argument array and returns the JSON result', async () => {
    const res = await post(server, 'writeNote', JSON.stringify(['Notes/a.md', 'hello', null]));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: 'writeNote' });
    expect(fake.calls.at(-1)).toEqual({ name: 'writeNote', args: ['Notes/a.md', 'hello', null] });
    const hits = await post(server, 'search', '["q"]');
    expect(JSON.parse(hits.body)).toEqual({
      ok: true,
      value: { hits: [{ path: 'a.md', title: 'a', score: 1, snippet: 'q', line: 1, match: null }], total: 1 },
    });
  });

  test.each(['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''])('unknown method %p is 404', async (name) => {
    const before = fake.calls.length;
    const res = await post(server, name, '[]');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('not-found');
    expect(fake.calls.length).toBe(before);
  });

  test('GET on an API path is 405', async () => {
    expect((await raw(server.port, { path: '/api/listFiles', headers: auth })).status).toBe(405);
  });

  test.each(['{"a":1}', '"x"', '3', 'not json', '[1,'])('a body that is not a JSON array (%p) is 400', async (body) => {
    const res = await post(server, 'getVaultInfo', body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid-input');
  });

  test('an empty body means no arguments', async () => {
    const res = await post(server, 'getVaultInfo', '');
    expect(res.status).toBe(200);
    expect(fake.calls.at(-1)).toEqual({ name: 'getVaultInfo', args: [] });
  });

  test('a body over 20 MB is refused with 413 before reaching the handler', async () => {
    const before = fake.calls.length;
    const big = JSON.stringify(['a.md', 'x'.repeat(MAX_BODY_BYTES), null]);
    const res = await post(server, 'writeNote', big).catch((error: NodeJS.ErrnoException) => ({ status: error.code ?? 'error', body: '{}' }));
    // The server answers 413 and closes; depending on timing the client sees the reply or a reset.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(res.status);
    if (res.status === 413) expect(JSON.parse(res.body).error.code).toBe('too-large');
    expect(fake.calls.length).toBe(before);
  });

  test('a throw from a Result method is logged and returned as an io-error result', async () => {
    const res = await post(server, 'readNote', '["a.md"]');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'io-error', message: 'cannot read' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('readNote'), expect.any(Error));
  });

  test('a throw from a non-Result method is logged and is a 500', async () => {
    const res = await post(server, 'listFiles', '[]');
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).error.code).toBe('io-error');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('listFiles'), expect.any(Error));
  });
});

describe('read-only server', () => {
  let fake: FakeHandlers;
  let server: BrowserServer;
  beforeAll(async () => {
    fake = fakeHandlers();
    server = await start(true, fake);
  });
  afterAll(() => server.close());

  test('the write set is exactly the vault-changing methods', () => {
    expect([...WRITE_METHODS].sort()).toEqual(
      [
        'createNote',
        'deleteNote',
        'renameNote',
        'restoreVersion',
        'saveGraphLayout',
        'saveRecoverySettings',
        'saveGraphSettings',
        'undoRename',
        'updateLinksAfterExternalRename',
        'writeAttachment',
        'writeNote',
      ].sort(),
    );
  });

  test.each([...WRITE_METHODS])('%s is refused with a read-only result and never reaches the handler', async (name) => {
    const res = await post(server, name, '["a.md", "b.md", null]');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'read-only', message: expect.stringContaining(name) } });
    expect(fake.calls.some((call) => call.name === name)).toBe(false);
  });

  test.each(API_METHOD_NAMES.filter((name) => !WRITE_METHODS.has(name)))('%s still works', async (name) => {
    const res = await post(server, name, '["a.md"]');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: name });
  });
});
