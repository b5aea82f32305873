/**
 * A save's snapshot is kept in memory at once, and written to the store only once the save has
 * ended: the store's compression and file operations never run inside the save's own awaits.
 */
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { MemorySnapshotBackend } from '../../../main/service/snapshots/snapshot-backend';
import { SnapshotRecorder } from '../../../main/service/snapshots/snapshot-recorder';
import { vp } from '../../support/vault-path';

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

function recorder(backend: MemorySnapshotBackend): SnapshotRecorder {
  return new SnapshotRecorder({ backend, intervalMs: 0, notice: (m) => fail(m), live: () => [], readCurrent: async () => null });
}

test("a save's snapshot is listed at once and written only after the save ends", async () => {
  const backend = new MemorySnapshotBackend();
  const snapshots = recorder(backend);
  const before = new TextEncoder().encode('before the save\n');
  snapshots.beforeSave(vp('a.md'), before, hashBytes(before));
  await turns(10);
  expect(backend.blobs.size).toBe(0);
  expect(backend.index).toBe('');
  expect((await snapshots.versions(vp('a.md'))).map((v) => v.size)).toEqual([before.length]);
  snapshots.saveEnded(vp('a.md'));
  await snapshots.flushed();
  expect(backend.blobs.has(hashBytes(before))).toBe(true);
  expect(backend.index).toContain('a.md');
  await snapshots.close();
});

test('a save that never reports its end holds the writes only for a while', async () => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
  try {
    const backend = new MemorySnapshotBackend();
    const snapshots = recorder(backend);
    const before = new TextEncoder().encode('before a save that went astray\n');
    snapshots.beforeSave(vp('a.md'), before, hashBytes(before));
    await turns(10);
    expect(backend.blobs.size).toBe(0);
    jest.advanceTimersByTime(5000);
    await snapshots.flushed();
    expect(backend.blobs.has(hashBytes(before))).toBe(true);
    await snapshots.close();
  } finally {
    jest.useRealTimers();
  }
});
