/**
 * Closing the recorder while it keeps the notes it read: nothing reaches the store after close
 * resolves (the data folder may be removed then; a late write would recreate it).
 */
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { MemorySnapshotBackend, type StoredBlob } from '../../../main/service/snapshots/snapshot-backend';
import { SnapshotRecorder } from '../../../main/service/snapshots/snapshot-recorder';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

class WatchedBackend extends MemorySnapshotBackend {
  closed = false;
  late: string[] = [];
  override async writeBlobs(blobs: readonly StoredBlob[]): Promise<void> {
    if (this.closed) this.late.push(...blobs.map((b) => b.hash));
    await super.writeBlobs(blobs);
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

const text = (i: number) => new TextEncoder().encode(`note ${i}\n`);

test.each([1, 3, 70])('close during a baseline read waits for it (%i notes): no blob is written after close', async (count) => {
  const backend = new WatchedBackend();
  const reads: { path: string; done: ReturnType<typeof deferred<Uint8Array | null>> }[] = [];
  const notices: string[] = [];
  const recorder = new SnapshotRecorder({
    backend,
    notice: (message) => notices.push(message),
    live: () => [],
    readCurrent: (path) => {
      const done = deferred<Uint8Array | null>();
      reads.push({ path, done });
      return done.promise;
    },
  });
  const notes: [VaultPath, string][] = Array.from({ length: count }, (_, i) => [vp(`n${i}.md`), hashBytes(text(i))]);
  const baseline = recorder.baseline(notes);
  while (reads.length === 0) await new Promise((resolve) => setImmediate(resolve));

  let closed = false;
  const closing = recorder.close().then(() => {
    closed = true;
    backend.closed = true;
  });
  // Time for a close that does not wait to finish before the read ends.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  expect(closed).toBe(false);
  reads[0]!.done.resolve(text(0));
  await closing;
  await baseline;
  // Whatever else the baseline would have read is not asked for once closed.
  expect(reads).toHaveLength(1);
  expect(backend.late).toEqual([]);
  expect(backend.blobs.size).toBe(1);
  expect(notices).toEqual([]);
});
