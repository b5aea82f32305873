/**
 * The HTTP face hands every path to the real handlers, which check it once with toVaultPath:
 * a bad path from a browser tab comes back as a result saying what is wrong, and never reaches
 * the index or the disk.
 */
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { createApiHandlers } from '../../main/service/api-handlers';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../service/temp-vault';
import { eventSource, makeStaticDir, raw } from './helpers';

const TOKEN = 'd'.repeat(64);

let root: string;
let dataDir: string;
let service: VaultService;
let server: BrowserServer;

beforeAll(async () => {
  root = makeVault({ 'A.md': 'a', 'sub/B.md': 'b' });
  dataDir = makeTempDir();
  service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
  const handlers = createApiHandlers(service, { kind: 'browser', readOnly: true, openExternal: () => undefined, dataDir });
  server = await startBrowserServer({ handlers, subscribe: eventSource().subscribe, readOnly: true, staticDir: makeStaticDir(), token: TOKEN, log: jest.fn() });
});
afterAll(async () => {
  server.close();
  await service.close();
  [root, dataDir].forEach(removeDir);
});

async function call(method: string, args: unknown[]): Promise<unknown> {
  const res = await raw(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'x-plexus-token': TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body);
}

test.each([
  ['../x.md', 'outside-vault', "has a '..' segment"],
  ['sub/../../A.md', 'outside-vault', "has a '..' segment"],
  ['/etc/passwd', 'outside-vault', 'is absolute'],
  ['C:\\A.md', 'outside-vault', 'is absolute'],
  ['sub\\B.md', 'invalid-input', "uses '\\'"],
  ['sub//B.md', 'invalid-input', "empty or '.' segment"],
  ['./A.md', 'invalid-input', "empty or '.' segment"],
  ['sub/', 'invalid-input', "empty or '.' segment"],
  ['', 'invalid-input', '1..1024 characters'],
])('readNote(%j) over HTTP is refused as %s', async (bad, code, why) => {
  expect(await call('readNote', [bad])).toEqual({ ok: false, error: { code, message: expect.stringContaining(why) } });
});

test('the same checked path reads, and other path methods refuse the same way', async () => {
  expect(await call('readNote', ['sub/B.md'])).toMatchObject({ ok: true, value: { path: 'sub/B.md', content: 'b' } });
  for (const method of ['getNoteMeta', 'getBacklinks', 'getOutgoingLinks', 'readAttachment']) {
    expect(await call(method, ['../A.md'])).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await call(method, ['sub//B.md'])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  }
});
