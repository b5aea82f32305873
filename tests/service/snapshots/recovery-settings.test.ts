/**
 * File recovery settings through the contract on a real vault: validated with each bad field
 * named (nothing stored), kept in the vault's app-data folder across sessions, and applied by
 * the recorder (the save interval) at once and after reopening. A damaged file is reported and
 * the defaults apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiHandlers, VaultEvent } from '../../../main/contract/api-contract';
import { createApiHandlers } from '../../../main/service/api-handlers';
import { vaultDataFolder } from '../../../main/service/app-data/vault-data-store';
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { DEFAULT_RECOVERY_SETTINGS, validateRecoverySettings } from '../../../main/service/snapshots/recovery-settings';
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { VaultService } from '../../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

let root: string;
let dataDir: string;
const services: VaultService[] = [];
beforeEach(() => {
  root = makeVault({ 'A.md': 'a\n' });
  dataDir = makeTempDir('plexus-data-');
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  removeDir(root);
  removeDir(dataDir);
});

async function open(readOnly = false): Promise<{ api: ApiHandlers; events: VaultEvent[]; service: VaultService }> {
  const service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false, snapshots: { dataDir, take: !readOnly } });
  services.push(service);
  const events: VaultEvent[] = [];
  service.onEvent((e) => events.push(e));
  await service.snapshotsSettled();
  const writer = readOnly ? undefined : await openNoteWriter({ root: service.realRoot, service });
  return { api: createApiHandlers(service, { kind: 'browser', readOnly, openExternal: () => undefined, writer, dataDir }), events, service };
}

const settingsFile = () => path.join(vaultDataFolder(dataDir, fs.realpathSync(root)), 'recovery-settings.json');

async function saveTwice(api: ApiHandlers): Promise<number> {
  const hash = () => hashBytes(fs.readFileSync(path.join(root, 'A.md')));
  for (const text of [`one ${Math.random()}\n`, `two ${Math.random()}\n`, `three ${Math.random()}\n`])
    expect((await api.writeNote(vp('A.md'), text, hash())).ok).toBe(true);
  const listed = await api.listVersions(vp('A.md'));
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.filter((v) => v.reason === 'before-save').length;
}

test('validation names every bad field and stores nothing', async () => {
  const { api } = await open();
  const refused = await api.saveRecoverySettings({ keepDays: -1, keepLast: 2.5, maxSizeMb: Number.NaN, intervalMinutes: 5 });
  expect(refused.ok).toBe(false);
  if (refused.ok) return;
  expect(refused.error.code).toBe('invalid-input');
  expect(refused.error.message).toBe(
    'Keep versions for (days) must be between 0 and 3650; Always keep the newest (versions per note) must be a whole number; Size cap (MB) must be a number.',
  );
  expect(fs.existsSync(settingsFile())).toBe(false);
  expect(validateRecoverySettings({ ...DEFAULT_RECOVERY_SETTINGS, extra: 1 })).toMatchObject({ ok: false, error: { message: 'unknown setting(s): extra.' } });
  expect(validateRecoverySettings('7 days')).toMatchObject({ ok: false });
  expect(await api.getRecoverySettings()).toEqual({ ok: true, value: { settings: DEFAULT_RECOVERY_SETTINGS, problem: null } });
});

test('saved settings apply at once, persist, and apply again after reopening', async () => {
  const first = await open();
  // The default interval (5 min): only the first save of the session keeps a version.
  expect(await saveTwice(first.api)).toBe(0);
  const saved = await first.api.saveRecoverySettings({ keepDays: 30, keepLast: 3, maxSizeMb: 50, intervalMinutes: 0 });
  expect(saved).toEqual({ ok: true, value: { keepDays: 30, keepLast: 3, maxSizeMb: 50, intervalMinutes: 0 } });
  expect(await saveTwice(first.api)).toBe(3);
  await first.service.close();

  const again = await open();
  expect(await again.api.getRecoverySettings()).toEqual({
    ok: true,
    value: { settings: { keepDays: 30, keepLast: 3, maxSizeMb: 50, intervalMinutes: 0 }, problem: null },
  });
  const before = await saveTwice(again.api);
  // Interval 0 from the stored settings: 3 kept before, and every save but the session's first ("first-read") keeps one more.
  expect(before).toBe(5);
});

test('read-only hosts cannot change them; a damaged file is reported to the form and the defaults apply', async () => {
  fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
  fs.writeFileSync(settingsFile(), '{"keepDays": "forever"');
  const { api } = await open(true);
  const got = await api.getRecoverySettings();
  expect(got.ok && got.value.settings).toEqual(DEFAULT_RECOVERY_SETTINGS);
  expect(got.ok && got.value.problem).toMatch(/^the saved settings could not be read \(.*JSON/);
  const refused = await api.saveRecoverySettings(DEFAULT_RECOVERY_SETTINGS);
  expect(!refused.ok && refused.error.code).toBe('read-only');
});
