import { reasonBeforeSave } from '../../../main/service/snapshots/snapshot-policy';
import { planRetention } from '../../../main/service/snapshots/snapshot-retention';
import type { SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('reasonBeforeSave', () => {
  it('keeps what was read before the first save of a session, then one version per interval', () => {
    expect(reasonBeforeSave({ lastTakenAt: undefined, now: 1000, intervalMs: 5 * MIN })).toBe('first-read');
    expect(reasonBeforeSave({ lastTakenAt: 1000, now: 1000 + 4 * MIN, intervalMs: 5 * MIN })).toBeNull();
    expect(reasonBeforeSave({ lastTakenAt: 1000, now: 1000 + 5 * MIN, intervalMs: 5 * MIN })).toBe('before-save');
  });

  it('takes one when the clock went back rather than none for a long time', () => {
    expect(reasonBeforeSave({ lastTakenAt: 10 * MIN, now: 1 * MIN, intervalMs: 5 * MIN })).toBe('before-save');
  });
});

const hash = (n: number) => n.toString(16).padStart(64, '0');
const entry = (path: VaultPath, time: number, h: number): SnapshotEntry => ({
  id: `${path}@${time}`,
  path,
  time,
  size: 10,
  hash: hash(h),
  reason: 'before-save',
});

describe('planRetention', () => {
  const policy = { maxAgeMs: 7 * DAY, keepLast: 10, maxTotalBytes: 1_000_000 };

  it('keeps versions younger than the age limit and at least the newest ten per note', () => {
    const now = 100 * DAY;
    const old = Array.from({ length: 15 }, (_, i) => entry(vp('a.md'), i * MIN, i));
    const young = entry(vp('b.md'), now - DAY, 99);
    const ancientB = entry(vp('b.md'), 0, 98);
    const sizes = new Map([...old, young, ancientB].map((e) => [e.hash, 10]));
    const plan = planRetention([...old, young, ancientB], sizes, new Set(), now, policy);
    const kept = new Set(plan.keep.map((e) => e.id));
    // a.md: the newest ten of fifteen old ones; b.md has only two, so both stay.
    expect(old.filter((e) => kept.has(e.id)).map((e) => e.time)).toEqual(old.slice(5).map((e) => e.time));
    expect(kept.has(young.id) && kept.has(ancientB.id)).toBe(true);
    expect(plan.removeBlobs.sort()).toEqual(
      old
        .slice(0, 5)
        .map((e) => e.hash)
        .sort(),
    );
  });

  it('over the size cap, drops the oldest versions first across notes, never live blobs', () => {
    const now = DAY;
    const entries = [entry(vp('a.md'), 1, 1), entry(vp('b.md'), 2, 2), entry(vp('a.md'), 3, 3), entry(vp('b.md'), 4, 4)];
    const sizes = new Map(entries.map((e) => [e.hash, 100]));
    sizes.set(hash(50), 100); // a live blob: a note's current content
    const plan = planRetention(entries, sizes, new Set([hash(50)]), now, { ...policy, maxTotalBytes: 300 });
    expect(plan.keep.map((e) => e.time).sort()).toEqual([3, 4]);
    expect(plan.removeBlobs.sort()).toEqual([hash(1), hash(2)]);
  });

  it('a blob shared by two versions is counted once and kept while either stays', () => {
    const entries = [entry(vp('a.md'), 1, 7), entry(vp('b.md'), 2, 7), entry(vp('c.md'), 3, 8)];
    const sizes = new Map([
      [hash(7), 100],
      [hash(8), 100],
    ]);
    const plan = planRetention(entries, sizes, new Set(), DAY, { ...policy, maxTotalBytes: 150 });
    // Dropping a.md's version frees nothing (b.md shares it); dropping b.md's does.
    expect(plan.keep.map((e) => e.path)).toEqual(['c.md']);
    expect(plan.removeBlobs).toEqual([hash(7)]);
  });

  it('removes blobs nothing refers to unless live', () => {
    const sizes = new Map([
      [hash(1), 5],
      [hash(2), 5],
    ]);
    expect(planRetention([], sizes, new Set([hash(2)]), 0, policy).removeBlobs).toEqual([hash(1)]);
  });
});
