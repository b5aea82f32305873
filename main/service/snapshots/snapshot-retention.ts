/**
 * Which versions and blobs pruning keeps (pure). A version stays while it is younger than the
 * age limit or among its note's newest `keepLast`; then, while the store is over its size cap,
 * the oldest versions go first, whatever their note. Blobs nothing refers to any more go, except
 * the live ones (a note's current content, needed to snapshot it when another program replaces it).
 */
import type { RetentionPolicy, SnapshotEntry } from './snapshot-types';

export interface RetentionPlan {
  keep: SnapshotEntry[];
  removeBlobs: string[];
}

export function planRetention(
  entries: readonly SnapshotEntry[],
  blobSizes: ReadonlyMap<string, number>,
  live: ReadonlySet<string>,
  now: number,
  policy: RetentionPolicy,
): RetentionPlan {
  const byPath = new Map<string, SnapshotEntry[]>();
  for (const entry of entries) {
    const list = byPath.get(entry.path) ?? [];
    list.push(entry);
    byPath.set(entry.path, list);
  }
  let kept: SnapshotEntry[] = [];
  for (const list of byPath.values()) {
    list.sort((a, b) => b.time - a.time);
    list.forEach((entry, index) => {
      if (index < policy.keepLast || now - entry.time <= policy.maxAgeMs) kept.push(entry);
    });
  }

  const refs = new Map<string, number>();
  for (const entry of kept) refs.set(entry.hash, (refs.get(entry.hash) ?? 0) + 1);
  const counted = (hash: string) => refs.has(hash) || live.has(hash);
  let total = 0;
  for (const [hash, size] of blobSizes) if (counted(hash)) total += size;

  if (total > policy.maxTotalBytes) {
    kept.sort((a, b) => a.time - b.time);
    let dropped = 0;
    while (total > policy.maxTotalBytes && dropped < kept.length) {
      const entry = kept[dropped++];
      const left = refs.get(entry.hash)! - 1;
      if (left > 0) refs.set(entry.hash, left);
      else {
        refs.delete(entry.hash);
        if (!live.has(entry.hash)) total -= blobSizes.get(entry.hash) ?? 0;
      }
    }
    kept = kept.slice(dropped);
  }

  const removeBlobs = [...blobSizes.keys()].filter((hash) => !counted(hash));
  return { keep: kept, removeBlobs };
}
