import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { eventSource, fakeHandlers, makeStaticDir, raw } from './helpers';

const TOKEN = 'a'.repeat(64);
let server: BrowserServer;
let auth: Record<string, string>;

beforeAll(async () => {
  server = await startBrowserServer({
    handlers: fakeHandlers().handlers,
    subscribe: eventSource().subscribe,
    host: '127.0.0.1',
    readOnly: false,
    staticDir: makeStaticDir(),
    token: TOKEN,
  });
  auth = { 'x-plexus-token': TOKEN };
});
afterAll(() => server.close());

/** A server of its own, for tests that spend its one-time link. */
async function withServer(run: (fresh: BrowserServer) => Promise<void>): Promise<void> {
  const fresh = await startBrowserServer({
    handlers: fakeHandlers().handlers,
    subscribe: eventSource().subscribe,
    readOnly: false,
    staticDir: makeStaticDir(),
    token: TOKEN,
  });
  try {
    await run(fresh);
  } finally {
    await fresh.close();
  }
}

const linkOf = (s: BrowserServer) => new URL(s.url).searchParams.get('token') ?? '';
const cookieOf = (res: { headers: Record<string, unknown> }) => String((res.headers['set-cookie'] as string[])[0]).split(';')[0];

test('prints a loopback URL carrying a one-time link token, not the session token', () => {
  expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{64}$`));
  expect(server.url).not.toContain(TOKEN);
  expect(server.token).toBe(TOKEN);
});

test('a random 32-byte token is generated when none is given', async () => {
  const other = await startBrowserServer({
    handlers: fakeHandlers().handlers,
    subscribe: eventSource().subscribe,
    readOnly: false,
    staticDir: makeStaticDir(),
  });
  try {
    expect(other.token).toMatch(/^[0-9a-f]{64}$/);
    expect(other.token).not.toBe(TOKEN);
  } finally {
    await other.close();
  }
});

test('refuses to bind anything but loopback', async () => {
  await expect(
    startBrowserServer({
      handlers: fakeHandlers().handlers,
      subscribe: eventSource().subscribe,
      readOnly: false,
      staticDir: makeStaticDir(),
      host: '0.0.0.0' as '127.0.0.1',
    }),
  ).rejects.toThrow(/127\.0\.0\.1/);
});

test.each([
  ['GET', '/'],
  ['GET', '/assets/app.js'],
  ['POST', '/api/getVaultInfo'],
])('401 without a token: %s %s', async (method, path) => {
  const res = await raw(server.port, { method, path, body: method === 'POST' ? '[]' : undefined });
  expect(res.status).toBe(401);
});

test('a wrong token (query, cookie or header) is 401', async () => {
  expect((await raw(server.port, { path: `/?token=${'b'.repeat(64)}` })).status).toBe(401);
  expect((await raw(server.port, { path: '/', headers: { cookie: `plexus_token_${server.port}=${'b'.repeat(64)}` } })).status).toBe(401);
  expect((await raw(server.port, { path: '/', headers: { 'x-plexus-token': 'short' } })).status).toBe(401);
});

test('the link sets the session cookie and redirects without the token, keeping other query params', async () => {
  await withServer(async (fresh) => {
    const res = await raw(fresh.port, { path: `/notes?x=1&token=${linkOf(fresh)}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/notes?x=1');
    expect(res.headers['set-cookie']).toEqual([`plexus_token_${fresh.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    const next = await raw(fresh.port, { path: '/notes?x=1', headers: { cookie: `other=1; plexus_token_${fresh.port}=${TOKEN}` } });
    expect(next.status).toBe(200);
    expect(next.body).toContain('<title>Plexus</title>');
  });
});

test('the link works once: reused without the session it says it was used and how to get a new one', async () => {
  await withServer(async (fresh) => {
    const first = await raw(fresh.port, { path: `/?token=${linkOf(fresh)}` });
    expect(first.status).toBe(302);
    const again = await raw(fresh.port, { path: `/?token=${linkOf(fresh)}` });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    expect(again.body).toContain('start it again');
    // The session it was exchanged for keeps working (a reload), and reopening the spent link
    // in that same browser just goes back to the app.
    const session = { cookie: cookieOf(first) };
    expect((await raw(fresh.port, { path: '/', headers: session })).status).toBe(200);
    const reopened = await raw(fresh.port, { path: `/?token=${linkOf(fresh)}`, headers: session });
    expect(reopened.status).toBe(302);
    expect(reopened.headers.location).toBe('/');
    expect(reopened.headers['set-cookie']).toBeUndefined();
  });
});

test('a HEAD request (a link preview) does not spend the link', async () => {
  await withServer(async (fresh) => {
    expect((await raw(fresh.port, { method: 'HEAD', path: `/?token=${linkOf(fresh)}` })).status).toBe(401);
    expect((await raw(fresh.port, { path: `/?token=${linkOf(fresh)}` })).status).toBe(302);
  });
});

test('the session token is not a link: as a query it is 401 and sets nothing', async () => {
  const res = await raw(server.port, { path: `/?token=${TOKEN}` });
  expect(res.status).toBe(401);
  expect(res.headers['set-cookie']).toBeUndefined();
});

test('a cookie of the same name tossed by another 127.0.0.1 page does not lock the user out', async () => {
  // A page on another port sets `plexus_token_<port>=x; Path=/api`: browsers send the cookie
  // with the longer path first, so the server sees the tossed value before the real one.
  const name = `plexus_token_${server.port}`;
  for (const cookie of [`${name}=x; ${name}=${TOKEN}`, `${name}=; other=1; ${name}=${'b'.repeat(64)}; ${name}=${TOKEN}`]) {
    expect((await raw(server.port, { path: '/', headers: { cookie } })).status).toBe(200);
    expect((await raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { cookie }, body: '[]' })).status).toBe(200);
  }
  expect((await raw(server.port, { path: '/', headers: { cookie: `${name}=x; ${name}=${'b'.repeat(64)}` } })).status).toBe(401);
});

test('the redirect can never become a scheme-relative URL', async () => {
  await withServer(async (fresh) => {
    const res = await raw(fresh.port, { path: `//evil.example/?token=${linkOf(fresh)}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/evil.example/');
  });
});

test('the X-Plexus-Token header authenticates too', async () => {
  const res = await raw(server.port, { method: 'POST', path: '/api/listFiles', headers: auth, body: '[]' });
  expect(res.status).toBe(200);
});

test.each(['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1:1', `0.0.0.0`])('403 on a foreign Host header %s', async (host) => {
  const res = await raw(server.port, { path: '/', headers: { ...auth, host } });
  expect(res.status).toBe(403);
});

test('localhost:PORT is an accepted Host', async () => {
  const res = await raw(server.port, { path: '/', headers: { ...auth, host: `localhost:${server.port}` } });
  expect(res.status).toBe(200);
});

test('a cross-origin POST is refused; same-origin and origin-less POSTs pass', async () => {
  const evil = await raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { ...auth, origin: 'http://evil.example' }, body: '[]' });
  expect(evil.status).toBe(403);
  const otherPort = await raw(server.port, {
    method: 'POST',
    path: '/api/listFiles',
    headers: { ...auth, origin: `http://127.0.0.1:${server.port + 1}` },
    body: '[]',
  });
  expect(otherPort.status).toBe(403);
  const nullOrigin = await raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { ...auth, origin: 'null' }, body: '[]' });
  expect(nullOrigin.status).toBe(403);
  const same = await raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { ...auth, origin: `http://localhost:${server.port}` }, body: '[]' });
  expect(same.status).toBe(200);
});

test('never sends CORS headers, not even to a preflight', async () => {
  const responses = await Promise.all([
    raw(server.port, {
      method: 'OPTIONS',
      path: '/api/listFiles',
      headers: { ...auth, origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    }),
    raw(server.port, { method: 'POST', path: '/api/listFiles', headers: { ...auth, origin: 'http://evil.example' }, body: '[]' }),
    raw(server.port, { path: '/', headers: { ...auth, origin: 'http://evil.example' } }),
    raw(server.port, { path: '/' }),
  ]);
  expect(responses[0].status).toBe(405);
  for (const res of responses) {
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  }
});

test('security headers and the strict CSP are on every response', async () => {
  for (const res of [await raw(server.port, { path: '/', headers: auth }), await raw(server.port, { path: '/' })]) {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    // Frames only for the attachment viewer's PDF blobs; media only from the app or its blobs.
    expect(csp).toContain('frame-src blob:;');
    expect(csp).toContain("media-src 'self' blob:;");
    // Remote images load only when the reader asks (the renderer draws every <img>).
    expect(csp).toContain("img-src 'self' data: blob: https: http:;");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  }
});

test('absolute-form request targets are refused', async () => {
  const res = await raw(server.port, { path: 'http://evil.example/', headers: auth });
  expect(res.status).toBe(400);
});

test('two servers at once (two vaults) keep separate sessions: the cookie is named per port', async () => {
  await withServer(async (one) => {
    const other = await startBrowserServer({
      handlers: fakeHandlers().handlers,
      subscribe: eventSource().subscribe,
      readOnly: false,
      staticDir: makeStaticDir(),
    });
    try {
      const first = await raw(one.port, { path: `/?token=${linkOf(one)}` });
      const second = await raw(other.port, { path: `/?token=${linkOf(other)}` });
      expect(cookieOf(first)).not.toEqual(cookieOf(second));
      // A browser sends both cookies to both ports (cookies ignore ports); each server finds its own.
      const both = `${cookieOf(first)}; ${cookieOf(second)}`;
      expect((await raw(one.port, { path: '/', headers: { cookie: both } })).status).toBe(200);
      expect((await raw(other.port, { path: '/', headers: { cookie: both } })).status).toBe(200);
      expect((await raw(other.port, { path: '/', headers: { cookie: cookieOf(first) } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
