/**
 * Which packs compaction rewrites next (pure): among the sealed packs it may touch, those mostly
 * dead (forgotten blobs, torn tails, second copies), and the small ones (a session's worth each)
 * when there are several to merge; oldest first, up to about one pack's worth of live bytes, so
 * one step stays bounded. Every step either merges packs or drops dead bytes, so it ends.
 */

export interface PackUsage {
  /** Names sort by creation time. */
  name: string;
  /** Bytes in the pack file. */
  size: number;
  /** Bytes of records nobody needs any more. */
  dead: number;
}

export function planCompaction<P extends PackUsage>(sealed: readonly P[], packCap: number, smallPack: number): P[] {
  const ordered = [...sealed].sort((a, b) => (a.name < b.name ? -1 : 1));
  const wasteful = ordered.filter((pack) => pack.dead > 0 && pack.dead * 2 >= pack.size);
  const small = ordered.filter((pack) => pack.size < smallPack && !wasteful.includes(pack));
  const candidates = [...wasteful, ...(small.length + wasteful.length >= 2 ? small : [])];
  const group: P[] = [];
  let live = 0;
  for (const pack of candidates) {
    if (group.length > 0 && live + pack.size - pack.dead > packCap) break;
    group.push(pack);
    live += pack.size - pack.dead;
  }
  // A lone small pack with nothing dead in it gains nothing from a rewrite.
  return group.length === 1 && group[0].dead === 0 ? [] : group;
}
