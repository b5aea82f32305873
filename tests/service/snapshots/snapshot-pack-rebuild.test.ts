/**
 * The version index (index.jsonl) and the journals both lost or garbled, on a real temp folder:
 * the store lists its versions again from the packs' version records, every one restores byte for
 * byte, nothing a prune dropped comes back (before or after compaction), a pack cut mid-record
 * keeps its earlier records, and a pack written before version records still reads.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { RECORD_HEADER, encodeIndexEntries, encodeRecord, scanPack } from '../../../main/service/snapshots/pack-format';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { SnapshotRecorder } from '../../../main/service/snapshots/snapshot-recorder';
import { DEFAULT_RETENTION, type RetentionPolicy, type SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import { decodeDrop } from '../../../main/service/snapshots/version-records';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let root: string;
let dir: string;
let t: number;
const now = () => t;
beforeEach(() => {
  root = makeTempDir('plexus-pack-rebuild-');
  dir = path.join(root, 'snapshots');
  t = Date.now();
});
afterEach(() => removeDir(root));

async function open(quietMs?: number) {
  const errors: string[] = [];
  const backend = new PackSnapshotBackend(dir, quietMs, now);
  const opened = await SnapshotStore.open(backend, { now, onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
  return { ...opened, backend, errors };
}

const listed = (store: SnapshotStore): SnapshotEntry[] => store.paths().flatMap((p) => store.versions(p));

/** Versions of several notes (CRLF, non-ASCII, a text two notes share) in one session; returns id -> bytes. */
async function take(store: SnapshotStore, session: number, texts: Map<string, Buffer>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    for (const note of ['a.md', 'sub/b.md', 'ü.md']) {
      const bytes = Buffer.from(`${note} v${session}.${i}\r\nünïcode ${i % 2 === 0 ? 'shared' : note}\n`, 'utf8');
      const entry = store.take(vp(note), bytes, sha(bytes), i === 0 ? 'first-read' : 'before-save');
      if (entry !== null) texts.set(entry.id, bytes);
      t += 1000;
    }
  }
}

/** Drops from `texts` what the store no longer lists (after a prune). */
function keepListed(store: SnapshotStore, texts: Map<string, Buffer>): void {
  const kept = new Set(listed(store).map((e) => e.id));
  for (const id of [...texts.keys()]) if (!kept.has(id)) texts.delete(id);
}

/** A prune that drops old versions and forgets the blobs only they used. */
const TIGHT: RetentionPolicy = { ...DEFAULT_RETENTION, keepLast: 2, maxAgeMs: 0 };

function loseLogs(): void {
  fs.rmSync(path.join(dir, 'index.jsonl'), { force: true });
  fs.rmSync(path.join(dir, 'journal'), { recursive: true, force: true });
}

async function expectExactly(texts: Map<string, Buffer>) {
  const opened = await open();
  const versions = listed(opened.store);
  expect(versions.map((e) => e.id).sort()).toEqual([...texts.keys()].sort());
  for (const entry of versions) expect(Buffer.from(await opened.store.read(entry)).equals(texts.get(entry.id)!)).toBe(true);
  return opened;
}

const packs = () =>
  fs
    .readdirSync(path.join(dir, 'packs'))
    .filter((n) => n.endsWith('.pack'))
    .map((n) => path.join(dir, 'packs', n));

test('index and journals deleted: every version lists from the packs and restores byte for byte, and a prune writes them back', async () => {
  const texts = new Map<string, Buffer>();
  for (let session = 0; session < 2; session++) {
    const { store, errors } = await open();
    await take(store, session, texts);
    await store.close();
    expect(errors).toEqual([]);
  }
  expect(texts.size).toBe(24);
  loseLogs();
  const { store, rebuilt, fromRecords, errors } = await expectExactly(texts);
  expect({ rebuilt, fromRecords }).toEqual({ rebuilt: 24, fromRecords: 24 });
  for (const entry of listed(store)) expect(entry).toEqual(expect.objectContaining({ time: expect.any(Number), size: texts.get(entry.id)!.length }));
  await store.prune(new Set(), DEFAULT_RETENTION);
  await store.close();
  expect(errors).toEqual([]);
  // Written back: a plain open needs no rebuild.
  const again = await open();
  expect({ rebuilt: again.rebuilt, damaged: again.damaged }).toEqual({ rebuilt: 0, damaged: 0 });
  expect(listed(again.store)).toHaveLength(24);
});

test('garbled index and journals: the lines that parse are merged with the packs', async () => {
  const texts = new Map<string, Buffer>();
  const { store } = await open();
  await take(store, 0, texts);
  await store.close();
  const index = path.join(dir, 'index.jsonl');
  const full = fs.readFileSync(index);
  fs.writeFileSync(index, Buffer.concat([full.subarray(0, Math.floor(full.length / 2) + 5), Buffer.from([0, 255, 10])]));
  for (const name of fs.readdirSync(path.join(dir, 'journal'))) fs.writeFileSync(path.join(dir, 'journal', name), '{"id":"garbage\n\u0000\u0001');
  const opened = await expectExactly(texts);
  expect(opened.damaged).toBe(1);
  expect(opened.fromRecords).toBeGreaterThan(0);
  expect(opened.fromRecords).toBeLessThan(12);
});

test('a lost line is found again from the packs even when the index parses (a crash between the record and the line)', async () => {
  const texts = new Map<string, Buffer>();
  const { store } = await open();
  await take(store, 0, texts);
  await store.close();
  const index = path.join(dir, 'index.jsonl');
  const lines = fs.readFileSync(index, 'utf8').split('\n');
  fs.writeFileSync(index, `${lines.slice(0, -2).join('\n')}\n`);
  fs.rmSync(path.join(dir, 'journal'), { recursive: true, force: true });
  const opened = await expectExactly(texts);
  expect({ damaged: opened.damaged, fromRecords: opened.fromRecords }).toEqual({ damaged: 0, fromRecords: 1 });
});

test('what a prune dropped does not come back from the packs, before compaction and after it', async () => {
  const texts = new Map<string, Buffer>();
  // quietMs 0: every sealed pack may be compacted at once.
  const first = await open(0);
  await take(first.store, 0, texts);
  await first.store.close();
  const second = await open(0);
  await take(second.store, 1, texts);
  const { removedVersions, removedBlobs } = await second.store.prune(new Set(), TIGHT);
  expect(removedVersions).toBeGreaterThan(10);
  expect(removedBlobs).toBeGreaterThan(5);
  keepListed(second.store, texts);
  await second.store.close();
  expect(second.errors).toEqual([]);
  const droppedIds = new Set([...fs.readFileSync(path.join(dir, 'index.jsonl'), 'utf8').matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]));
  expect(droppedIds.size).toBe(texts.size);

  // The first session's pack was compacted away (the dropped versions' records with it); the
  // drop record in the second session's pack still names versions whose records are gone.
  expect(packs()).toHaveLength(1);
  loseLogs();
  const third = await expectExactly(texts);
  await take(third.store, 2, texts);
  await third.store.close();

  // A fourth session merges the two small packs: the drop record's keys whose records are gone go with it.
  const fourth = await open(0);
  await fourth.store.prune(new Set(), DEFAULT_RETENTION);
  await fourth.store.close();
  expect(fourth.errors).toEqual([]);
  const dropKeys = packs().flatMap((file) => {
    const bytes = fs.readFileSync(file);
    return scanPack(bytes)
      .records.filter((r) => r.kind === 'drop')
      .flatMap((r) => decodeDrop(bytes.subarray(r.offset + RECORD_HEADER, r.offset + RECORD_HEADER + r.length)));
  });
  expect(dropKeys).toEqual([]);
  loseLogs();
  await expectExactly(texts);
});

test('a drop record merged into a new pack keeps the keys of versions still in a pack left as it is', async () => {
  const texts = new Map<string, Buffer>();
  const bigSession = async (session: number) => {
    const { store } = await open(0);
    if (session === 0) {
      // Incompressible: the first pack is too big to count as small, and mostly live after the prune.
      const bytes = Buffer.concat(Array.from({ length: 20000 }, (_, i) => createHash('sha512').update(`big ${i}`).digest()));
      texts.set(store.take(vp('big.md'), bytes, sha(bytes), 'first-read')!.id, bytes);
    }
    await take(store, session, texts);
    return store;
  };
  await (await bigSession(0)).close();
  const second = await bigSession(1);
  // Drops the first session's versions of the small notes: records in the big pack, the drop record in this one.
  await second.prune(new Set(), TIGHT);
  keepListed(second, texts);
  await second.close();
  await (await bigSession(2)).close();
  const before = packs().length;
  const fourth = await open(0);
  await fourth.store.prune(new Set(), { ...DEFAULT_RETENTION, keepLast: 100 });
  await fourth.store.close();
  // The two small packs were merged; the big one is left as it is, with the dropped versions' records.
  expect(packs()).toHaveLength(before - 1);
  loseLogs();
  await expectExactly(texts);
});

test('dropped versions stay dropped when their pack is left as it is (no compaction: other sessions may still write)', async () => {
  const texts = new Map<string, Buffer>();
  const { store } = await open();
  await take(store, 0, texts);
  const { removedVersions } = await store.prune(new Set(), TIGHT);
  expect(removedVersions).toBeGreaterThan(5);
  keepListed(store, texts);
  await store.close();
  loseLogs();
  const opened = await expectExactly(texts);
  expect(opened.fromRecords).toBe(texts.size);
});

test('a pack cut mid-record keeps its whole records, and says so', async () => {
  const texts = new Map<string, Buffer>();
  const { store } = await open();
  await take(store, 0, texts);
  await store.close();
  loseLogs();
  const [pack] = packs();
  const bytes = fs.readFileSync(pack);
  const records = scanPack(bytes).records;
  const last = records[records.length - 1];
  expect(last.kind).toBe('version');
  fs.truncateSync(pack, last.offset + RECORD_HEADER + Math.floor(last.length / 2));
  const lastEntry = [...texts.keys()].at(-1)!;
  texts.delete(lastEntry);
  const opened = await expectExactly(texts);
  expect(opened.backend.damagedPacks).toBe(1);
  expect(opened.fromRecords).toBe(11);
});

test('a pack written before version records (blobs only) still reads, and versions taken since are found in the packs', async () => {
  // The old format: blob records and an index whose entries carry no kind; the versions only in index.jsonl.
  const old = Buffer.from('old version\n', 'utf8');
  const compressed = zlib.gzipSync(old);
  fs.mkdirSync(path.join(dir, 'packs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'packs', '000000001-aaaaaaaa.pack'), encodeRecord(sha(old), compressed));
  const entry = Buffer.alloc(40);
  entry.write(sha(old), 0, 32, 'hex');
  entry.writeUInt32BE(0, 32);
  entry.writeUInt32BE(compressed.length, 36);
  expect(encodeIndexEntries([{ hash: sha(old), offset: 0, length: compressed.length, kind: 'blob' }]).equals(entry)).toBe(true);
  fs.writeFileSync(path.join(dir, 'packs', '000000001-aaaaaaaa.idx'), entry);
  fs.writeFileSync(
    path.join(dir, 'index.jsonl'),
    `${JSON.stringify({ id: 'old-1', p: 'old.md', t: t - 5000, s: old.length, h: sha(old), r: 'first-read' })}\n`,
  );

  const first = await open();
  expect(first.rebuilt).toBe(0);
  const [oldEntry] = first.store.versions(vp('old.md'));
  expect(Buffer.from(await first.store.read(oldEntry)).equals(old)).toBe(true);
  const texts = new Map<string, Buffer>();
  await take(first.store, 0, texts);
  await first.store.close();
  expect(first.backend.repairedPacks + first.backend.damagedPacks).toBe(0);

  loseLogs();
  // The old version had no record: with its line gone it cannot be listed, but its blob stays readable.
  const second = await expectExactly(texts);
  expect(await second.backend.readBlob(sha(old))).not.toBeNull();
});

test('a snapshot writes its version record in the same append to the pack as its blob', async () => {
  const { store, errors } = await open();
  const first = Buffer.from('first\n');
  store.take(vp('a.md'), first, sha(first), 'first-read');
  await store.flushed();
  const appends: string[] = [];
  const appendFile = fs.promises.appendFile;
  const spy = jest.spyOn(fs.promises, 'appendFile').mockImplementation((file, data, options) => {
    appends.push(path.extname(String(file)));
    return appendFile(file, data, options);
  });
  try {
    const bytes = Buffer.from('second\n');
    store.take(vp('a.md'), bytes, sha(bytes), 'before-save');
    await store.flushed();
    // A version of a blob stored already (a note turned back to its first text) is recorded on its own.
    store.take(vp('a.md'), first, sha(first), 'before-save');
    await store.flushed();
  } finally {
    spy.mockRestore();
  }
  await store.close();
  expect(errors).toEqual([]);
  expect(appends.sort()).toEqual(['.idx', '.idx', '.jsonl', '.jsonl', '.jsonl', '.jsonl', '.pack', '.pack']);
  loseLogs();
  expect(listed((await open()).store)).toHaveLength(3);
});

test('the recorder says when versions came back from the packs, and when a pack was damaged', async () => {
  const texts = new Map<string, Buffer>();
  const { store } = await open();
  await take(store, 0, texts);
  await store.close();
  loseLogs();
  const [pack] = packs();
  fs.truncateSync(pack, fs.statSync(pack).size - 3);
  const notices: string[] = [];
  const recorder = new SnapshotRecorder({
    backend: new PackSnapshotBackend(dir),
    notice: (m) => notices.push(m),
    live: () => [],
    readCurrent: async () => null,
  });
  await recorder.close();
  expect(notices).toEqual([
    'File recovery: 11 version(s) missing from the version index were found again in the store.',
    'File recovery: 1 damaged store file(s) were read up to the damage; the versions before it are kept.',
  ]);
});
