jest.mock('electron', () => require('./electron-mock').createElectronMock());

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as electron from 'electron';
import { openVaultBackend } from '../../main/electron/open-vault';
import type { VaultBackend } from '../../main/electron/vault-backend';
import { makeTempDir, makeVault, removeDir } from '../service/temp-vault';
import { vp } from '../support/vault-path';

const shell = (electron as unknown as { shell: Record<string, jest.Mock> }).shell;
let root: string;
let stateDir: string;
let backend: VaultBackend;

beforeAll(async () => {
  stateDir = makeTempDir();
  process.env.PLEXUS_CACHE_DIR = path.join(stateDir, 'cache');
  process.env.PLEXUS_DATA_DIR = path.join(stateDir, 'data');
  root = makeVault({ 'A.md': '# A', 'docs/report.pdf': '%PDF-1.4', 'docs/install.sh': 'rm -rf ~' });
  shell.openPath = jest.fn(async () => '');
  backend = await openVaultBackend(root, { readOnly: false, log: () => undefined });
});

afterAll(async () => {
  await backend?.close();
  delete process.env.PLEXUS_CACHE_DIR;
  delete process.env.PLEXUS_DATA_DIR;
  [root, stateDir].forEach(removeDir);
});

test('the desktop host opens an attachment with shell.openPath, by its real path in the vault', async () => {
  expect(await backend.handlers.openAttachment(vp('docs/report.pdf'))).toEqual({ ok: true, value: null });
  expect(shell.openPath).toHaveBeenCalledWith(path.join(fs.realpathSync(root), 'docs', 'report.pdf'));
});

test('the desktop host never hands a script to the OS', async () => {
  shell.openPath.mockClear();
  expect(await backend.handlers.openAttachment(vp('docs/install.sh'))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect(shell.openPath).not.toHaveBeenCalled();
});

test('--read-only: the vault service refuses every write and says so in the vault info', async () => {
  const readOnly = await openVaultBackend(root, { readOnly: true, log: () => undefined });
  try {
    expect((await readOnly.handlers.getVaultInfo()).readOnly).toBe(true);
    expect(await readOnly.handlers.writeNote(vp('A.md'), '# changed', null)).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await readOnly.handlers.createNote(vp('B.md'), 'new')).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await readOnly.handlers.deleteNote(vp('A.md'))).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(fs.readFileSync(path.join(root, 'A.md'), 'utf8')).toBe('# A');
    expect(fs.existsSync(path.join(root, 'B.md'))).toBe(false);
  } finally {
    await readOnly.close();
  }
});
