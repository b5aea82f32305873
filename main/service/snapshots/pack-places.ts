/**
 * What the pack store knows about its packs' records, in memory (pack-snapshot-backend.ts): which
 * blob and which version record is where, which versions drop records name, and so each pack's
 * dead bytes (what compaction plans with). Pure bookkeeping: no file is read here.
 */
import type { Location, Pack } from './pack-files';
import { RECORD_HEADER, recordAt, type PackRecord, type RecordKind } from './pack-format';

export interface DropRecord {
  offset: number;
  length: number;
  keys: string[];
}

/** A record compaction copies, byte for byte, into its new pack. */
export interface MovedRecord {
  hash: string;
  kind: RecordKind;
  record: Buffer;
}

export class PackPlaces {
  /** Blob hash -> where its record is. */
  readonly blobs = new Map<string, Location>();
  /** Every version record in the packs, dropped or not: its key (versionKey()) -> where. */
  readonly versions = new Map<string, Location>();
  /** Keys of the versions drop records name: not listed from the packs, and compacted away. */
  readonly dropped = new Set<string>();
  /** Each pack's drop records. */
  readonly drops = new Map<Pack, DropRecord[]>();

  /** Places a pack's blobs and versions (a second copy, left by a crashed compaction, counts as dead) and its dead bytes. */
  place(pack: Pack, records: readonly PackRecord[]): void {
    let live = 0;
    for (const record of records) {
      if (record.kind === 'drop') {
        live += RECORD_HEADER + record.length;
        continue;
      }
      const places = record.kind === 'blob' ? this.blobs : this.versions;
      if (places.has(record.hash)) continue;
      places.set(record.hash, { pack, offset: record.offset, length: record.length });
      if (record.kind === 'blob' || !this.dropped.has(record.hash)) live += RECORD_HEADER + record.length;
    }
    pack.dead = pack.size - live;
  }

  /** Places records just appended to `pack` (its size and dead bytes are the caller's). */
  placeNew(pack: Pack, records: readonly PackRecord[]): void {
    for (const record of records) {
      if (record.kind !== 'drop')
        (record.kind === 'blob' ? this.blobs : this.versions).set(record.hash, { pack, offset: record.offset, length: record.length });
    }
  }

  /** Forgets every place in `pack` (gone, or about to be placed again). */
  unplace(pack: Pack): void {
    for (const [hash, at] of this.blobs) if (at.pack === pack) this.blobs.delete(hash);
    for (const [key, at] of this.versions) if (at.pack === pack) this.versions.delete(key);
    this.drops.delete(pack);
  }

  /** Registers a pack's drop records; the versions they drop that are placed already become dead bytes. */
  addDrops(pack: Pack, drops: readonly DropRecord[]): void {
    if (drops.length === 0) return;
    this.drops.set(pack, [...(this.drops.get(pack) ?? []), ...drops]);
    for (const { keys } of drops) {
      for (const key of keys) {
        if (this.dropped.has(key)) continue;
        this.dropped.add(key);
        const at = this.versions.get(key);
        if (at !== undefined) at.pack.dead += RECORD_HEADER + at.length;
      }
    }
  }

  /** Once every pack is placed: a drop record none of whose versions is in a pack any more (compacted away) is dead weight. */
  settleDrops(): void {
    for (const [pack, drops] of this.drops)
      for (const drop of drops) if (!drop.keys.some((key) => this.versions.has(key))) pack.dead += RECORD_HEADER + drop.length;
  }

  /**
   * The records of `pack` (its bytes) a compaction keeps: its live blobs and versions. A record
   * the index misplaced is forgotten here (its blob or version is simply no longer stored), and
   * so is a dropped version's: nothing lists it any more.
   */
  takeLive(pack: Pack, bytes: Buffer): MovedRecord[] {
    const moved: MovedRecord[] = [];
    const take = (places: Map<string, Location>, kind: RecordKind) => {
      for (const [hash, at] of places) {
        if (at.pack !== pack) continue;
        const record = recordAt(bytes, at.offset);
        if (record === null || record.hash !== hash || record.kind !== kind || (kind === 'version' && this.dropped.has(hash))) places.delete(hash);
        else moved.push({ hash, kind, record: bytes.subarray(at.offset, at.offset + RECORD_HEADER + at.length) });
      }
    };
    take(this.blobs, 'blob');
    take(this.versions, 'version');
    return moved;
  }

  /** The versions not dropped, by pack. */
  liveVersions(): Map<Pack, Location[]> {
    const byPack = new Map<Pack, Location[]>();
    for (const [key, at] of this.versions) {
      if (this.dropped.has(key)) continue;
      const list = byPack.get(at.pack);
      if (list === undefined) byPack.set(at.pack, [at]);
      else list.push(at);
    }
    return byPack;
  }

  countLiveVersions(): number {
    let count = 0;
    for (const key of this.versions.keys()) if (!this.dropped.has(key)) count++;
    return count;
  }

  /**
   * The keys of `group`'s drop records a compaction of it carries over: those whose version
   * record is in a pack it leaves as it is, and, unless `everyPackKnown`, those whose record
   * this process has not seen (in a pack another process wrote since). The others are forgotten.
   * Call after the group's dropped versions were unplaced.
   */
  carryDrops(group: readonly Pack[], everyPackKnown: boolean): string[] {
    const keys = new Set<string>();
    for (const pack of group) for (const drop of this.drops.get(pack) ?? []) for (const key of drop.keys) keys.add(key);
    const carried = [...keys].filter((key) => {
      const at = this.versions.get(key);
      return at !== undefined ? !group.includes(at.pack) : !everyPackKnown;
    });
    const kept = new Set(carried);
    for (const key of keys) if (!kept.has(key)) this.dropped.delete(key);
    for (const pack of group) this.drops.delete(pack);
    return carried;
  }

  hasDrops(group: readonly Pack[]): boolean {
    return group.some((pack) => (this.drops.get(pack)?.length ?? 0) > 0);
  }
}
