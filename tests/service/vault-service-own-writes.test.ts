/**
 * Create and rename answer only once the index has the result: the app opens the new path right
 * after, and a read that raced the watcher used to say `no note "X.md" in this vault`. The
 * watcher's later echo of those writes must then change nothing and report nothing, and a save's
 * echo names the saved hash (the renderer knows its own save by it: renderer/src/api/own-saves.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiHandlers, VaultEvent } from '../../main/contract/api-contract';
import { openVaultSession, type VaultSession } from '../../main/service/vault-session';
import { makeTempDir, makeVault, removeDir, until } from './temp-vault';
import { vp } from '../support/vault-path';
import type { VaultPath } from '../../main/core/types';

const ROUNDS = 50;

describe('writes the app makes are in the index when the call returns', () => {
  let root: string;
  let dataDir: string;
  let session: VaultSession;
  let api: ApiHandlers;
  const events: VaultEvent[] = [];

  beforeAll(async () => {
    root = makeVault({ 'Index.md': 'see [[New 0]]', 'Folder/Keep.md': 'keep' });
    dataDir = makeTempDir('plexus-data-');
    session = await openVaultSession(root, { kind: 'browser', readOnly: false, openExternal: () => undefined, cacheDir: null, workers: 0, dataDir });
    api = session.handlers;
    session.subscribe((event) => events.push(event));
    // The echo of our writes must reach a running watcher for the deduplication to be tested.
    await session.service.whenWatching();
  });

  afterAll(async () => {
    await session?.close();
    removeDir(root);
    removeDir(dataDir);
  });

  /** Waits until the watcher has delivered everything written so far: an outside file written last shows up. */
  async function watcherCaughtUp(name: VaultPath): Promise<void> {
    fs.writeFileSync(path.join(root, name), name);
    await until(() => session.service.fileKind(name) === 'note', 15_000);
    await session.service.settled();
  }

  test(`createNote, then at once readNote, getNoteMeta and the graph see the note (${ROUNDS} times)`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const created = await api.createNote(vp(`New ${i}.md`), `# New ${i}\n`);
      expect(created).toMatchObject({ ok: true });
      expect(await api.readNote(vp(`New ${i}.md`))).toMatchObject({ ok: true, value: { content: `# New ${i}\n` } });
      expect(await api.getNoteMeta(vp(`New ${i}.md`))).toMatchObject({ ok: true, value: { title: `New ${i}` } });
    }
    expect(session.service.graph.backlinks(vp('New 0.md')).map((link) => link.source)).toEqual(['Index.md']);
    expect((await api.listFiles()).filter((f) => f.path.startsWith('New ')).length).toBe(ROUNDS);
  });

  test(`renameNote, then at once the new path reads and the old one is gone (${ROUNDS} times)`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const renamed = await api.renameNote(vp(`New ${i}.md`), vp(`Folder/Renamed ${i}.md`));
      expect(renamed).toMatchObject({ ok: true });
      expect(await api.readNote(vp(`Folder/Renamed ${i}.md`))).toMatchObject({ ok: true, value: { content: `# New ${i}\n` } });
      expect(await api.readNote(vp(`New ${i}.md`))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    // The rewritten link is in the graph too: Index.md now links to the renamed note.
    expect(session.service.graph.backlinks(vp('Folder/Renamed 0.md')).map((link) => link.source)).toEqual(['Index.md']);
  });

  test('undoRename, then at once the old path reads again', async () => {
    const renamed = await api.renameNote(vp('Folder/Renamed 1.md'), vp('Moved.md'));
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(await api.readNote(vp('Moved.md'))).toMatchObject({ ok: true });
    expect(await api.undoRename(renamed.value.undoToken)).toEqual({ ok: true, value: null });
    expect(await api.readNote(vp('Folder/Renamed 1.md'))).toMatchObject({ ok: true });
    expect(await api.readNote(vp('Moved.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('the watcher echo of those writes is not an outside change, an outside rename or a second "added"', async () => {
    await watcherCaughtUp(vp('Sentinel.md'));
    expect(events.filter((e) => e.type === 'external-change' || e.type === 'external-rename')).toEqual([]);
    const addedTimes = (p: string) => events.filter((e) => e.type === 'files' && e.added.some((f) => f.path === p)).length;
    expect(addedTimes('New 0.md')).toBe(1);
    expect(addedTimes('Folder/Renamed 0.md')).toBe(1);
    const files = (await api.listFiles()).map((f) => f.path);
    expect(files.filter((p) => p.startsWith('New '))).toEqual([]);
    expect(files.filter((p) => p.startsWith('Folder/Renamed ')).length).toBe(ROUNDS);
  });

  test('the echo of a writeNote names the hash the write answered, so a window can tell it is its own save', async () => {
    const written = await api.writeNote(vp('Folder/Keep.md'), 'kept, and saved again', null);
    if (!written.ok) throw new Error(written.error.message);
    const echoed = () => events.flatMap((e) => (e.type === 'files' ? e.changed : [])).find((f) => f.path === 'Folder/Keep.md' && f.hash === written.value.hash);
    await until(() => echoed() !== undefined, 15_000);
    expect(echoed()).toMatchObject({ kind: 'note', mtimeMs: written.value.mtimeMs });
    expect(events.filter((e) => e.type === 'external-change')).toEqual([]);
  });
});
