/**
 * The Electron `plexus://vault/` handler against the same sandbox: even when the index is made
 * to claim every path (a confused or stale index), nothing outside the vault's real root is
 * served — not through dot segments, encodings, backslashes or symlinks. Also `plexus check`
 * tells the user which symlinks it ignored, and symlink loops do not hang it.
 */
jest.mock('electron', () => require('../electron/electron-mock').createElectronMock());

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { handlePlexusRequest, resolveVaultFile, type VaultAccess } from '../../main/electron/app-protocol';
import { SECRET, makeSandbox, type Sandbox } from './boundary-sandbox';

let box: Sandbox;
beforeAll(() => {
  box = makeSandbox();
});
afterAll(() => box.cleanup());

const claimsEverything = (): VaultAccess => ({ root: box.vault, isIndexed: async () => true });

const PATHNAMES = [
  '/../secret.png',
  '/%2e%2e/secret.png',
  '/..%2fsecret.png',
  '/%252e%252e/secret.png',
  '/..%5csecret.png',
  '/sub/..%2f..%2fsecret.png',
  '/escape.png',
  '/escape-dir/../secret.png',
  '/%00.png',
  '/C:%5csecret.png',
  '/%5c%5cserver%5cshare%5cx.png',
];

test.each(PATHNAMES)('resolveVaultFile refuses %s', async (pathname) => {
  const resolved = await resolveVaultFile(claimsEverything(), pathname);
  expect(resolved.ok).toBe(false);
});

test.each(PATHNAMES)('GET plexus://vault%s never returns outside bytes', async (pathname) => {
  const response = await handlePlexusRequest(new Request(`plexus://vault${pathname}`), {
    rendererDir: box.vault,
    getVault: claimsEverything,
    log: () => undefined,
  });
  const body = response.status === 200 ? await response.text() : '';
  expect(body).not.toContain(SECRET);
});

test('notes and non-images are never served, even when indexed', async () => {
  expect((await resolveVaultFile(claimsEverything(), '/A.md')).ok).toBe(false);
  expect(await resolveVaultFile(claimsEverything(), '/pic.png')).toEqual({ ok: true, value: path.join(box.vault, 'pic.png') });
});

test('plexus check names each ignored symlink and finishes despite the loops', () => {
  const cli = path.join(__dirname, '..', '..', 'bin', 'plexus.cjs');
  const run = spawnSync(process.execPath, [cli, 'check', box.vault], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PLEXUS_CACHE_DIR: path.join(box.base, 'cache') },
  });
  expect(run.error).toBeUndefined();
  for (const link of ['escape-link.md', 'escape-dir', 'escape.png']) {
    expect(run.stdout).toMatch(new RegExp(`${link.replace('.', '\\.')}\\s+symlink-outside: symlink points outside the vault`));
  }
  expect(run.stdout).toMatch(/symlink-loop/);
  expect(run.stdout).not.toContain(SECRET);
}, 60_000);
