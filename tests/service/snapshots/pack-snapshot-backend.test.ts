/**
 * The pack store on real temp folders: few files for many blobs, damage of every kind (truncated
 * pack, garbage or missing offset index, a smashed record) costs only what it hit and never
 * throws, compaction reclaims forgotten blobs across sessions, and old one-file-per-blob stores
 * are taken over.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { makeTempDir, removeDir } from '../temp-vault';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function blob(i: number, size = 200) {
  // Incompressible-ish text, so sizes are predictable.
  const text = createHash('sha512')
    .update(`blob ${i}`)
    .digest('base64')
    .repeat(Math.ceil(size / 88))
    .slice(0, size);
  const bytes = new TextEncoder().encode(text);
  return { hash: sha(bytes), bytes, compressed: zlib.gzipSync(bytes) };
}

let dir: string;
beforeEach(() => (dir = makeTempDir('plexus-packs-')));
afterEach(() => removeDir(dir));

const store = () => path.join(dir, 'snapshots');
const packFiles = (ext: string) =>
  fs
    .readdirSync(path.join(store(), 'packs'))
    .filter((n) => n.endsWith(ext))
    .map((n) => path.join(store(), 'packs', n));

async function readAll(backend: PackSnapshotBackend, blobs: ReturnType<typeof blob>[]): Promise<number> {
  let readable = 0;
  for (const b of blobs) {
    const got = await backend.readBlob(b.hash);
    if (got !== null && Buffer.from(zlib.gunzipSync(got)).equals(Buffer.from(b.bytes))) readable++;
  }
  return readable;
}

async function session(blobs: ReturnType<typeof blob>[]): Promise<PackSnapshotBackend> {
  const backend = new PackSnapshotBackend(store(), 0);
  await backend.listBlobs();
  for (let i = 0; i < blobs.length; i += 50) await backend.writeBlobs(blobs.slice(i, i + 50));
  return backend;
}

test('many blobs go into one pack and its index, listed with their sizes after reopening', async () => {
  const blobs = Array.from({ length: 300 }, (_, i) => blob(i));
  await session(blobs);
  expect(fs.readdirSync(path.join(store(), 'packs'))).toHaveLength(2);
  const again = new PackSnapshotBackend(store(), 0);
  const listed = await again.listBlobs();
  expect(listed.size).toBe(300);
  expect(listed.get(blobs[7].hash)).toBe(blobs[7].compressed.length);
  expect(await readAll(again, blobs)).toBe(300);
  expect(again.repairedPacks).toBe(0);
});

test('a truncated pack loses only its torn last record, and compaction drops the torn bytes', async () => {
  const blobs = Array.from({ length: 20 }, (_, i) => blob(i));
  await session(blobs);
  const [pack] = packFiles('.pack');
  fs.truncateSync(pack, fs.statSync(pack).size - 5);
  const again = new PackSnapshotBackend(store(), 0);
  expect((await again.listBlobs()).size).toBe(19);
  expect(await readAll(again, blobs)).toBe(19);
  // One blob's worth of torn bytes in a 20-blob pack is not worth a rewrite on its own...
  expect(await again.compactStep()).toBe(false);
  await again.removeBlobs(blobs.slice(0, 12).map((b) => b.hash));
  // ...but once most of it is forgotten, the rewrite drops the torn tail too.
  while (await again.compactStep());
  const third = new PackSnapshotBackend(store(), 0);
  expect((await third.listBlobs()).size).toBe(7);
  expect(third.repairedPacks).toBe(0);
  expect(await readAll(third, blobs.slice(12))).toBe(7);
});

test('a pack another session wrote a moment ago is read but neither repaired nor compacted', async () => {
  const blobs = Array.from({ length: 20 }, (_, i) => blob(i));
  await session(blobs);
  fs.rmSync(packFiles('.idx')[0]);
  const busy = new PackSnapshotBackend(store());
  expect((await busy.listBlobs()).size).toBe(20);
  expect(busy.repairedPacks).toBe(0);
  expect(packFiles('.idx')).toHaveLength(0);
  await busy.removeBlobs(blobs.map((b) => b.hash));
  expect(await busy.compactStep()).toBe(false);
});

test.each([
  ['missing', (idx: string) => fs.rmSync(idx)],
  ['garbage', (idx: string) => fs.writeFileSync(idx, Buffer.alloc(333, 0xab))],
  ['truncated', (idx: string) => fs.truncateSync(idx, 40 * 7 + 13)],
])('a %s offset index is rebuilt from the pack', async (_name, damage) => {
  const blobs = Array.from({ length: 20 }, (_, i) => blob(i));
  await session(blobs);
  damage(packFiles('.idx')[0]);
  const again = new PackSnapshotBackend(store(), 0);
  expect((await again.listBlobs()).size).toBe(20);
  expect(await readAll(again, blobs)).toBe(20);
});

test('a smashed record in the middle of a pack costs only that record', async () => {
  const blobs = Array.from({ length: 10 }, (_, i) => blob(i));
  await session(blobs);
  const [pack] = packFiles('.pack');
  const bytes = fs.readFileSync(pack);
  const fifth = bytes.indexOf(Buffer.from(blobs[4].hash, 'hex'));
  bytes.fill(0x00, fifth - 4, fifth + 40);
  fs.writeFileSync(pack, bytes);
  fs.rmSync(packFiles('.idx')[0]);
  const again = new PackSnapshotBackend(store(), 0);
  expect((await again.listBlobs()).size).toBe(9);
  expect(await again.readBlob(blobs[4].hash)).toBeNull();
  expect(await readAll(again, blobs)).toBe(9);
});

test('an index that points at the wrong bytes is caught on read and the pack rescanned', async () => {
  const blobs = Array.from({ length: 5 }, (_, i) => blob(i, 300));
  await session(blobs);
  // Same sizes, so the index still looks consistent, but the hashes of two entries are swapped.
  const [idx] = packFiles('.idx');
  const entries = fs.readFileSync(idx);
  const first = Buffer.from(entries.subarray(0, 32));
  entries.copy(entries, 0, 40, 72);
  first.copy(entries, 40);
  fs.writeFileSync(idx, entries);
  const again = new PackSnapshotBackend(store(), 0);
  await again.listBlobs();
  expect(await readAll(again, blobs)).toBe(5);
});

test('compaction reclaims forgotten blobs in packs of earlier sessions and merges small packs', async () => {
  const blobs = Array.from({ length: 100 }, (_, i) => blob(i, 1000));
  await session(blobs.slice(0, 50));
  await session(blobs.slice(50));
  const sizeBefore = packFiles('.pack').reduce((sum, p) => sum + fs.statSync(p).size, 0);
  const third = new PackSnapshotBackend(store(), 0);
  await third.listBlobs();
  await third.removeBlobs(blobs.slice(0, 80).map((b) => b.hash));
  while (await third.compactStep());
  const packs = packFiles('.pack');
  expect(packs).toHaveLength(1);
  const sizeAfter = fs.statSync(packs[0]).size;
  expect(sizeAfter).toBeLessThan(sizeBefore / 4);
  expect(await readAll(third, blobs.slice(80))).toBe(20);
  const fourth = new PackSnapshotBackend(store(), 0);
  expect([...(await fourth.listBlobs()).keys()].sort()).toEqual(
    blobs
      .slice(80)
      .map((b) => b.hash)
      .sort(),
  );
  expect(await readAll(fourth, blobs.slice(80))).toBe(20);
});

test('reads during compaction find the moved blobs', async () => {
  const blobs = Array.from({ length: 60 }, (_, i) => blob(i, 2000));
  await session(blobs.slice(0, 30));
  await session(blobs.slice(30));
  const third = new PackSnapshotBackend(store(), 0);
  await third.listBlobs();
  await third.removeBlobs(blobs.filter((_, i) => i % 2 === 0).map((b) => b.hash));
  const kept = blobs.filter((_, i) => i % 2 === 1);
  const [reads] = await Promise.all([
    readAll(third, kept),
    (async () => {
      while (await third.compactStep());
    })(),
  ]);
  expect(reads).toBe(30);
});

test('a deleted store folder is started again by the next write', async () => {
  const backend = await session([blob(1)]);
  fs.rmSync(store(), { recursive: true });
  await backend.writeBlobs([blob(2)]).catch(() => undefined);
  await backend.writeBlobs([blob(3)]);
  const again = new PackSnapshotBackend(store(), 0);
  expect((await again.listBlobs()).has(blob(3).hash)).toBe(true);
});

test('a store of one file per blob (before packs) is taken over and its folder removed', async () => {
  const blobs = Array.from({ length: 5 }, (_, i) => blob(i));
  for (const b of blobs) {
    fs.mkdirSync(path.join(store(), 'blobs', b.hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(store(), 'blobs', b.hash.slice(0, 2), `${b.hash}.gz`), b.compressed);
  }
  const backend = new PackSnapshotBackend(store(), 0);
  expect((await backend.listBlobs()).size).toBe(5);
  expect(await readAll(backend, blobs)).toBe(5);
  expect(fs.existsSync(path.join(store(), 'blobs'))).toBe(false);
});
