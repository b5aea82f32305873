/**
 * Vault paths are names, not URLs: a note literally called `%2e%2e%2fescape.md` is listed by the
 * scan, and opens, saves and renames through the API like any other note, staying in the vault.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openVaultSession, type VaultSession } from '../../../main/service/vault-session';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

const NAME = vp('%2e%2e%2fescape.md');
let root: string;
let dataDir: string;
let session: VaultSession;

beforeAll(async () => {
  root = makeVault({ [NAME]: '# Escape\n\nnot really' });
  dataDir = makeTempDir();
  session = await openVaultSession(root, { kind: 'browser', readOnly: false, openExternal: () => undefined, cacheDir: null, workers: 0, dataDir });
});

afterAll(async () => {
  await session?.close();
  removeDir(root);
  removeDir(dataDir);
});

const h = () => session.handlers;

test('the scan lists it and readNote opens it', async () => {
  expect((await h().listFiles()).map((f) => f.path)).toContain(NAME);
  const read = await h().readNote(NAME);
  expect(read).toMatchObject({ ok: true, value: { path: NAME, content: '# Escape\n\nnot really' } });
});

test('it saves in place, inside the vault', async () => {
  const read = await h().readNote(NAME);
  if (!read.ok) throw new Error(read.error.message);
  expect((await h().writeNote(NAME, '# Escape\n\nedited', read.value.hash)).ok).toBe(true);
  expect(fs.readFileSync(path.join(root, NAME), 'utf8')).toBe('# Escape\n\nedited');
  expect(fs.readdirSync(path.dirname(root)).includes('escape.md')).toBe(false);
});

test('it renames, to and from a percent name', async () => {
  const renamed = await h().renameNote(NAME, vp('%2e%2e%2fmoved.md'));
  expect(renamed).toMatchObject({ ok: true, value: { from: NAME, to: '%2e%2e%2fmoved.md' } });
  expect(fs.existsSync(path.join(root, '%2e%2e%2fmoved.md'))).toBe(true);
  expect(fs.existsSync(path.join(root, NAME))).toBe(false);
  expect((await h().readNote(vp('%2e%2e%2fmoved.md'))).ok).toBe(true);
});
