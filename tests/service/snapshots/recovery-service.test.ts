/**
 * File recovery end to end in the service: a real temp vault, the real watcher, note writer and
 * contract handlers, and a real snapshot store in a temp data folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiHandlers, NoteVersion, VaultEvent } from '../../../main/contract/api-contract';
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { MemorySnapshotBackend } from '../../../main/service/snapshots/snapshot-backend';
import type { VaultSnapshotOptions } from '../../../main/service/snapshots/vault-snapshots';
import type { VaultService } from '../../../main/service/vault-service';
import { openWatchedVault, type WatchedVault } from '../support/watched-vault';
import { until } from '../temp-vault';
import { unchecked, vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

interface Opened {
  root: string;
  service: VaultService;
  api: ApiHandlers;
  events: VaultEvent[];
  disk(rel: VaultPath): string;
  hash(rel: VaultPath): string;
}

const opened: WatchedVault[] = [];
afterEach(async () => {
  for (const vault of opened.splice(0)) await vault.close();
});

async function open(files: Record<string, string | Buffer>, options: { readOnly?: boolean; snapshots?: Partial<VaultSnapshotOptions> } = {}): Promise<Opened> {
  const events: VaultEvent[] = [];
  // Polling: chokidar's native watch misses an outside write that lands within ~50 ms of an
  // atomic replace of the same file (our own save), and these tests write right after saves.
  const vault = await openWatchedVault(files, { ...options, usePolling: true, onEvent: (event) => events.push(event) });
  opened.push(vault);
  const { root, service, api } = vault;
  const abs = (rel: VaultPath) => path.join(root, ...rel.split('/'));
  return { root, service, api, events, disk: (rel) => fs.readFileSync(abs(rel), 'utf8'), hash: (rel) => hashBytes(fs.readFileSync(abs(rel))) };
}

async function versions(api: ApiHandlers, p: VaultPath): Promise<NoteVersion[]> {
  const listed = await api.listVersions(p);
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value;
}

async function contentOf(api: ApiHandlers, version: NoteVersion): Promise<string> {
  const read = await api.readVersion(version.path, version.id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.content;
}

/** Waits until the watcher has applied the change that gave `rel` its current bytes. */
async function indexed(v: Opened, rel: VaultPath): Promise<void> {
  await until(() => v.service.vaultState.notes.get(rel)?.hash === v.hash(rel));
  await v.service.settled();
}

test('an edit here, then an outside overwrite: both earlier versions are listed, newest first, and restore byte for byte', async () => {
  const v = await open({ 'A.md': 'original\n' });
  const saved = await v.api.writeNote(vp('A.md'), 'edited in the app\n', v.hash(vp('A.md')));
  expect(saved.ok).toBe(true);
  await indexed(v, vp('A.md'));
  fs.writeFileSync(path.join(v.root, 'A.md'), 'overwritten by a sync tool\n');
  await until(() => v.events.some((e) => e.type === 'external-change'));
  await v.service.settled();

  const listed = await versions(v.api, vp('A.md'));
  expect(listed.map((x) => x.reason)).toEqual(['external-change', 'first-read']);
  expect(await contentOf(v.api, listed[0])).toBe('edited in the app\n');
  expect(await contentOf(v.api, listed[1])).toBe('original\n');

  const restored = await v.api.restoreVersion(vp('A.md'), listed[0].id, v.hash(vp('A.md')));
  expect(restored.ok).toBe(true);
  expect(v.disk(vp('A.md'))).toBe('edited in the app\n');
  // The restore is undoable: the text it replaced is the newest version now.
  const after = await versions(v.api, vp('A.md'));
  expect(after[0].reason).toBe('before-restore');
  expect(await contentOf(v.api, after[0])).toBe('overwritten by a sync tool\n');
});

test('an outside overwrite right after a save, before the watcher saw the save, still keeps the saved text', async () => {
  const v = await open({ 'A.md': 'original\n' });
  expect((await v.api.writeNote(vp('A.md'), 'saved here\n', v.hash(vp('A.md')))).ok).toBe(true);
  // No wait: the watcher sees both writes in one batch, with "original" as what it last knew.
  fs.writeFileSync(path.join(v.root, 'A.md'), 'replaced at once\n');
  await until(() => v.service.vaultState.notes.get(vp('A.md'))?.hash === v.hash(vp('A.md')));
  await v.service.settled();
  const texts = await Promise.all((await versions(v.api, vp('A.md'))).map((x) => contentOf(v.api, x)));
  expect(texts).toContain('saved here\n');
  expect(texts).toContain('original\n');
});

test('a note never edited here, overwritten outside, can be restored: its text was kept when the vault was indexed', async () => {
  const v = await open({ 'A.md': 'as indexed\n', 'B.md': 'b' });
  fs.writeFileSync(path.join(v.root, 'A.md'), 'git checkout replaced this\n');
  await until(() => v.events.some((e) => e.type === 'external-change'));
  await v.service.settled();
  const [only] = await versions(v.api, vp('A.md'));
  expect(only.reason).toBe('external-change');
  expect(await contentOf(v.api, only)).toBe('as indexed\n');
});

test('a restore puts back the version byte for byte, even when the file now uses other conventions', async () => {
  const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\r\nline with crlf\r\nno final newline')]);
  const { root, service, api } = await open({ 'A.md': original });
  const file = path.join(root, 'A.md');
  fs.writeFileSync(file, 'lf now\nand a final newline\n');
  await until(() => service.vaultState.notes.get(vp('A.md'))?.hash === hashBytes(fs.readFileSync(file)));
  await service.settled();
  const [kept] = await versions(api, vp('A.md'));
  expect((await api.restoreVersion(vp('A.md'), kept.id, hashBytes(fs.readFileSync(file)))).ok).toBe(true);
  expect(fs.readFileSync(file).equals(original)).toBe(true);
});

test('saves keep at most one version per interval (fake clock), but the first save of the session always keeps the text read', async () => {
  let now = 1_000_000;
  const v = await open({ 'A.md': 'v0' }, { snapshots: { now: () => now, intervalMs: 5 * 60_000 } });
  for (const [text, advance] of [
    ['v1', 1000],
    ['v2', 60_000],
    ['v3', 5 * 60_000],
    ['v4', 1000],
  ] as const) {
    now += advance;
    expect((await v.api.writeNote(vp('A.md'), text, v.hash(vp('A.md')))).ok).toBe(true);
  }
  await v.service.snapshotsSettled();
  const listed = await versions(v.api, vp('A.md'));
  // Before v1: v0 (first read); before v2: nothing (1 min); before v3: v2 (5 min later); before v4: nothing.
  expect(await Promise.all(listed.map((x) => contentOf(v.api, x)))).toEqual(['v2', 'v0']);
  expect(listed.map((x) => x.reason)).toEqual(['before-save', 'first-read']);
});

test('a note deleted outside is listed as deleted and comes back at its path (or beside it when taken), byte for byte', async () => {
  // Mixed line endings: a re-encoded text would come back with one convention.
  const v = await open({ 'Gone.md': 'keep\r\nme\n', 'B.md': 'b' });
  fs.rmSync(path.join(v.root, 'Gone.md'));
  await until(() => !v.service.vaultState.notes.has(vp('Gone.md')));
  await v.service.settled();
  const deleted = await v.api.listDeletedNotes();
  expect(deleted.ok && deleted.value.map((d) => [d.path, d.reason])).toEqual([['Gone.md', 'deleted']]);
  if (!deleted.ok) return;
  const back = await v.api.restoreVersion(vp('Gone.md'), deleted.value[0].id, null);
  expect(back.ok && back.value.path).toBe('Gone.md');
  expect(v.disk(vp('Gone.md'))).toBe('keep\r\nme\n');
  const again = await v.api.restoreVersion(vp('Gone.md'), deleted.value[0].id, null);
  expect(again.ok && again.value.path).toBe('Gone (restored).md');
});

test('deleting in the app keeps the text; a rename keeps each linking note before rewriting it', async () => {
  const v = await open({ 'A.md': 'see [[B]]\n', 'B.md': 'bee\n', 'C.md': 'c\n' });
  expect((await v.api.deleteNote(vp('C.md'))).ok).toBe(true);
  const renamed = await v.api.renameNote(vp('B.md'), vp('Bee.md'));
  expect(renamed.ok).toBe(true);
  await v.service.snapshotsSettled();
  const [deleted] = await versions(v.api, vp('C.md'));
  expect([deleted.reason, await contentOf(v.api, deleted)]).toEqual(['deleted', 'c\n']);
  const [beforeRename] = await versions(v.api, vp('A.md'));
  expect([beforeRename.reason, await contentOf(v.api, beforeRename)]).toEqual(['before-rename', 'see [[B]]\n']);
  expect(v.disk(vp('A.md'))).toBe('see [[Bee]]\n');
});

test('read-only: no versions are taken, and restore is refused', async () => {
  const v = await open({ 'A.md': 'a\n' }, { readOnly: true });
  fs.writeFileSync(path.join(v.root, 'A.md'), 'changed outside\n');
  await until(() => v.events.some((e) => e.type === 'external-change'));
  await v.service.settled();
  await v.service.snapshotsSettled();
  expect(await versions(v.api, vp('A.md'))).toEqual([]);
  const restore = await v.api.restoreVersion(vp('A.md'), 'abc-01234567', v.hash(vp('A.md')));
  expect(!restore.ok && restore.error.code).toBe('read-only');
});

test('a snapshot store that cannot write never fails a save, and says so once', async () => {
  const backend = new MemorySnapshotBackend();
  const v = await open({ 'A.md': 'a' }, { snapshots: { backend } });
  backend.failWrites = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  for (const text of ['one', 'two', 'three']) expect((await v.api.writeNote(vp('A.md'), text, v.hash(vp('A.md')))).ok).toBe(true);
  await v.service.snapshotsSettled();
  expect(v.disk(vp('A.md'))).toBe('three');
  const notices = v.events.filter((e) => e.type === 'notice' && /File recovery stopped: the disk is full/.test(e.message));
  expect(notices).toHaveLength(1);
});

test('bad input gets a clear error', async () => {
  const v = await open({ 'A.md': 'a' });
  const outside = await v.api.listVersions(unchecked('../secret.md'));
  expect(!outside.ok && outside.error.code).toBe('outside-vault');
  const notNote = await v.api.listVersions(vp('image.png'));
  expect(!notNote.ok && notNote.error.code).toBe('invalid-input');
  const badId = await v.api.readVersion(vp('A.md'), '../../etc');
  expect(!badId.ok && badId.error.code).toBe('invalid-input');
  const unknown = await v.api.readVersion(vp('A.md'), 'abc-01234567');
  expect(!unknown.ok && unknown.error.code).toBe('not-found');
  const badHash = await v.api.restoreVersion(vp('A.md'), 'abc-01234567', 'nope');
  expect(!badHash.ok && badHash.error.code).toBe('invalid-input');
});
