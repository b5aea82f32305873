/**
 * A large batch of blobs (a checkout's changed notes) is compressed in slices: the event loop
 * gets turns before the batch is written, and the blobs still go out together, in the order
 * they were taken, each restoring byte for byte.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { MemorySnapshotBackend, type StoredBlob } from '../../../main/service/snapshots/snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';

class RecordingBackend extends MemorySnapshotBackend {
  writes: { hashes: string[]; turnsBefore: number }[] = [];
  turns = 0;
  override async writeBlobs(blobs: readonly StoredBlob[]): Promise<void> {
    this.writes.push({ hashes: blobs.map((b) => b.hash), turnsBefore: this.turns });
    await super.writeBlobs(blobs);
  }
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('2,000 notes taken at once: compressed over several event-loop turns, written in one batch in order, byte for byte', async () => {
  const backend = new RecordingBackend();
  const errors: unknown[] = [];
  const { store } = await SnapshotStore.open(backend, { onError: (error) => errors.push(error) });
  const texts = Array.from({ length: 2000 }, (_, i) => Buffer.from(`# Note ${i}\n\n${`line ${i} of a note changed by a checkout\n`.repeat(60)}`));
  // Counts event-loop turns (check phase) from here on; compression that never yields leaves it at 0 until the write.
  let counting = true;
  const tick = () => {
    backend.turns++;
    if (counting) setImmediate(tick);
  };
  setImmediate(tick);
  const hashes = texts.map((bytes) => {
    const hash = sha(bytes);
    store.putBlob(hash, bytes);
    return hash;
  });
  await store.flushed();
  counting = false;
  expect(errors).toEqual([]);
  expect(backend.writes).toHaveLength(1);
  expect(backend.writes[0]!.hashes).toEqual(hashes);
  expect(backend.writes[0]!.turnsBefore).toBeGreaterThan(0);
  for (const [i, hash] of hashes.entries()) expect(gunzipSync(backend.blobs.get(hash)!).equals(texts[i]!)).toBe(true);
  await store.close();
});
