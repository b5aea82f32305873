jest.mock('electron', () => require('./electron-mock').createElectronMock());

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { handlePlexusRequest, registerPlexusScheme, resolveVaultFile, type VaultAccess } from '../../main/electron/app-protocol';
import { ELECTRON_CSP } from '../../main/electron/app-urls';
import { asMock } from './electron-mock';

const base = mkdtempSync(path.join(tmpdir(), 'plexus-protocol-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const vaultRoot = path.join(base, 'vault');
const rendererDir = path.join(base, 'renderer');
mkdirSync(path.join(vaultRoot, 'Images'), { recursive: true });
mkdirSync(rendererDir);
writeFileSync(path.join(vaultRoot, 'Images', 'a b.png'), 'PNGDATA');
writeFileSync(path.join(vaultRoot, 'Images', 'unindexed.png'), 'PNG');
writeFileSync(path.join(vaultRoot, 'Note.md'), '# note');
writeFileSync(path.join(base, 'outside.png'), 'SECRET');
symlinkSync(path.join(base, 'outside.png'), path.join(vaultRoot, 'Images', 'escape.png'));
writeFileSync(path.join(rendererDir, 'index.html'), '<title>app</title>');
writeFileSync(path.join(rendererDir, 'main.js'), 'run()');

const indexed = new Set(['Images/a b.png', 'Images/escape.png', 'Note.md', '../outside.png']);
const vault: VaultAccess = { root: vaultRoot, isIndexed: async (p) => indexed.has(p) };
const options = { rendererDir, getVault: () => vault, log: jest.fn() };
const get = (url: string) => handlePlexusRequest(new Request(url), options);

test('the scheme is registered standard and secure', () => {
  registerPlexusScheme();
  expect(asMock(electron).protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
    { scheme: 'plexus', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
});

test('serves an indexed vault image with a locked-down CSP', async () => {
  const res = await get('plexus://vault/Images/a%20b.png');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(res.headers.get('content-security-policy')).toContain('sandbox');
  expect(await res.text()).toBe('PNGDATA');
});

test.each([
  ['/../outside.png', 400],
  ['/%2e%2e/outside.png', 400],
  ['/Images/%2e%2e/%2e%2e/outside.png', 400],
  ['/Images/..%2f..%2foutside.png', 400],
  ['/Images%5c..%5c..%5coutside.png', 400],
  ['/Images/unindexed.png', 404],
  ['/Images/escape.png', 403],
  ['/Note.md', 403],
  ['/', 400],
])('plexus://vault%s is refused with %i', async (pathname, status) => {
  const resolved = await resolveVaultFile(vault, pathname);
  expect(resolved).toEqual({ ok: false, error: status });
});

test('an absolute path outside the vault cannot be requested', async () => {
  const res = await get(`plexus://vault/${encodeURIComponent(path.join(base, 'outside.png'))}`);
  expect(res.status).not.toBe(200);
});

test('without an open vault nothing is served from plexus://vault', async () => {
  const res = await handlePlexusRequest(new Request('plexus://vault/Images/a%20b.png'), { ...options, getVault: () => null });
  expect(res.status).toBe(404);
});

test('plexus://app serves the renderer with the strict CSP and an SPA fallback', async () => {
  const js = await get('plexus://app/main.js');
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(js.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
  expect(await (await get('plexus://app/')).text()).toBe('<title>app</title>');
  expect(await (await get('plexus://app/some/route')).text()).toBe('<title>app</title>');
  expect((await get('plexus://app/missing.js')).status).toBe(404);
  // The URL parser already folds '%2e%2e' segments, so this stays inside the renderer (and misses).
  expect((await get('plexus://app/%2e%2e/vault/Note.md')).status).toBe(404);
  expect((await get('plexus://app/..%2fvault%2fNote.md')).status).toBe(400);
});

test('other hosts and methods are refused', async () => {
  expect((await get('plexus://other/x')).status).toBe(404);
  expect((await handlePlexusRequest(new Request('plexus://app/main.js', { method: 'POST', body: 'x' }), options)).status).toBe(405);
});
