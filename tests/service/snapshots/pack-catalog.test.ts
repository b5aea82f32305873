/**
 * The catalog of packs on a real temp folder: on open it clears what a crashed compaction left and
 * knows every pack's records; it notices packs it does not know; a pack that vanished is forgotten
 * and the packs that replaced it are loaded.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PackCatalog } from '../../../main/service/snapshots/pack-catalog';
import { tempPathFor } from '../../../main/service/write/note-writer-atomic';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { makeTempDir, removeDir } from '../temp-vault';

function blob(i: number) {
  const bytes = new TextEncoder().encode(`version ${i} `.repeat(20));
  return { hash: createHash('sha256').update(bytes).digest('hex'), bytes, compressed: zlib.gzipSync(bytes) };
}

let dir: string;
beforeEach(() => (dir = makeTempDir('plexus-catalog-')));
afterEach(() => removeDir(dir));

const packDir = () => path.join(dir, 'packs');
const names = () => fs.readdirSync(packDir()).sort();

async function writeSession(blobs: ReturnType<typeof blob>[]): Promise<void> {
  const backend = new PackSnapshotBackend(dir, 0);
  await backend.listBlobs();
  await backend.writeBlobs(blobs);
}

test('on open it removes temp files and orphan indexes, and places every record', async () => {
  await writeSession([blob(1), blob(2)]);
  const before = names();
  fs.writeFileSync(path.join(packDir(), 'gone.idx'), 'stale');
  fs.writeFileSync(tempPathFor(path.join(packDir(), 'half.pack')), 'a crashed compaction');
  expect(names()).toHaveLength(before.length + 2);
  const catalog = new PackCatalog(packDir(), () => true);
  await catalog.loadAll();
  expect(names()).toEqual(before);
  expect(catalog.packs.size).toBe(1);
  expect([...catalog.at.blobs.keys()].sort()).toEqual([blob(1).hash, blob(2).hash].sort());
  expect(catalog.repairedPacks + catalog.damagedPacks).toBe(0);
});

test('a pack written by another session makes it not know every pack, until it is loaded in place of a vanished one', async () => {
  await writeSession([blob(1)]);
  const catalog = new PackCatalog(packDir(), () => true);
  await catalog.loadAll();
  expect(await catalog.knowsEveryPack([])).toBe(true);
  const [first] = catalog.packs.values();
  await writeSession([blob(2)]);
  expect(await catalog.knowsEveryPack([])).toBe(false);
  // The first pack vanishes (another process compacted it): it is forgotten, the new pack loaded.
  fs.rmSync(catalog.file(first.name, 'pack'));
  fs.rmSync(catalog.file(first.name, 'idx'));
  await catalog.loadNewPacks(first);
  expect(catalog.packs.has(first.name)).toBe(false);
  expect([...catalog.at.blobs.keys()]).toEqual([blob(2).hash]);
  expect(await catalog.knowsEveryPack([])).toBe(true);
});

test('a rescan rebuilds a pack from its bytes, and rewrites its index only when allowed', async () => {
  await writeSession([blob(1), blob(2)]);
  for (const mayRewrite of [false, true]) {
    const catalog = new PackCatalog(packDir(), () => mayRewrite);
    await catalog.loadAll();
    const [pack] = catalog.packs.values();
    const idx = catalog.file(pack.name, 'idx');
    fs.writeFileSync(idx, 'garbage');
    expect(await catalog.rescan(pack)).toBe(true);
    expect(catalog.at.blobs.size).toBe(2);
    expect(fs.readFileSync(idx, 'utf8') === 'garbage').toBe(!mayRewrite);
  }
});
