import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { safeSegments } from '../../main/app-shell/static-paths';
import { eventSource, fakeHandlers, makeStaticDir, raw } from './helpers';

const TOKEN = 'd'.repeat(64);
const auth = { 'x-plexus-token': TOKEN };
let server: BrowserServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = makeStaticDir();
  symlinkSync(path.join(staticDir, '..', 'secret.txt'), path.join(staticDir, 'link.txt'));
  server = await startBrowserServer({ handlers: fakeHandlers().handlers, subscribe: eventSource().subscribe, readOnly: false, staticDir, token: TOKEN });
});
afterAll(() => server.close());

const get = (p: string, method = 'GET') => raw(server.port, { method, path: p, headers: auth });

test.each([
  ['/', 'text/html; charset=utf-8'],
  ['/index.html', 'text/html; charset=utf-8'],
  ['/assets/app.js', 'text/javascript; charset=utf-8'],
  ['/assets/app.css', 'text/css; charset=utf-8'],
  ['/assets/logo.svg', 'image/svg+xml'],
])('serves %s as %s', async (p, type) => {
  const res = await get(p);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(type);
  expect(res.headers['content-security-policy']).toContain("script-src 'self'");
});

test('HEAD gives headers without a body', async () => {
  const res = await get('/assets/app.js', 'HEAD');
  expect(res.status).toBe(200);
  expect(res.headers['content-length']).toBe(String('console.log(1)'.length));
  expect(res.body).toBe('');
});

test('client-side routes fall back to index.html; a missing asset is 404', async () => {
  const route = await get('/note/Some%20Note');
  expect(route.status).toBe(200);
  expect(route.body).toContain('<title>Plexus</title>');
  expect((await get('/assets/missing.js')).status).toBe(404);
});

test.each([
  '/../package.json',
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/%2E%2E/package.json',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/%2e%2e%5csecret.txt',
  '/..%5csecret.txt',
  '/a/./b',
  '//etc/passwd',
  '/%00index.html',
  '/%E0%A4%A',
])('path traversal %s is refused', async (p) => {
  const res = await get(p);
  expect(res.status).toBe(400);
  expect(res.body).not.toContain('top secret');
});

test('a symlink that leaves the static root is not followed', async () => {
  const res = await get('/link.txt');
  expect(res.status).toBe(404);
  expect(res.body).not.toContain('top secret');
});

test('POST outside /api is 405', async () => {
  expect((await raw(server.port, { method: 'POST', path: '/', headers: auth, body: '' })).status).toBe(405);
});

test('safeSegments splits clean paths and refuses dot segments', () => {
  expect(safeSegments('/assets/a%20b.js')).toEqual({ ok: true, value: ['assets', 'a b.js'] });
  expect(safeSegments('/')).toEqual({ ok: true, value: [] });
  expect(safeSegments('/a/../b').ok).toBe(false);
});

test('an unbuilt renderer answers 503 with a hint', async () => {
  const other = await startBrowserServer({
    handlers: fakeHandlers().handlers,
    subscribe: eventSource().subscribe,
    readOnly: false,
    staticDir: path.join(staticDir, 'nope'),
    token: TOKEN,
  });
  try {
    const res = await raw(other.port, { path: '/', headers: auth });
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  } finally {
    await other.close();
  }
});

describe('over-long paths', () => {
  const logged: unknown[] = [];
  let quiet: BrowserServer;
  beforeAll(async () => {
    quiet = await startBrowserServer({
      handlers: fakeHandlers().handlers,
      subscribe: eventSource().subscribe,
      readOnly: false,
      staticDir,
      token: TOKEN,
      log: (...args) => void logged.push(args),
    });
  });
  afterAll(() => quiet.close());

  test.each([
    ['a 300-character name', `/${'a'.repeat(300)}`],
    ['a 300-character asset name', `/assets/${'b'.repeat(296)}.js`],
    ['a name over 255 bytes in UTF-8', `/${encodeURIComponent('é'.repeat(130))}`],
    ['a path over 1024 characters', '/abcdefghi'.repeat(110)],
  ])('%s is a plain 404 and nothing is logged', async (_what, p) => {
    const res = await raw(quiet.port, { path: p, headers: auth });
    expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: 'Not found' });
    expect(logged).toEqual([]);
  });

  test('a long name that fits still reaches the file system (and its index.html fallback)', async () => {
    const res = await raw(quiet.port, { path: `/${'c'.repeat(200)}`, headers: auth });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Plexus</title>');
  });
});
