/**
 * The snapshot store on disk, in the app's data folder for the vault (never inside the vault):
 *   <dir>/packs/<name>.pack   compressed versions appended back to back (pack-format.ts)
 *   <dir>/packs/<name>.idx    each pack's offset index
 *   <dir>/index.jsonl         one line per kept version (append-only)
 *   <dir>/journal/<s>.jsonl   each session's copy of the lines it logged (version-log-file.ts)
 * One file per blob cost a disk block per version (a 10k-note vault's 7 MB of text took 39 MB);
 * packs cost one block per few MB. Each session appends to packs of its own (never to another's,
 * so two processes on one vault cannot interleave records), sealed at PACK_CAP.
 *
 * Pruning only forgets blobs (in memory, from the indexes: no per-blob stat); compactStep()
 * later rewrites the packs that are mostly forgotten, or small, into one new pack (through the
 * atomic writer), then deletes them. A crash in between leaves a blob in two packs or a pack with
 * no index: both are read correctly on the next open. Deleting the folder is always safe.
 * The file reads, and a pack's index rebuilt on open, are in pack-files.ts; which packs there are
 * and where each record is (loaded, repaired, widened to other processes' packs) in pack-catalog.ts.
 *
 * Each version is also written to the packs (a version record, beside its index.jsonl line), and
 * each prune writes the keys of the versions it dropped (a drop record): when index.jsonl and the
 * journals are both lost, the packs alone list every kept version and nothing a prune dropped.
 * Compaction drops dropped versions' records, and keeps a drop record's keys while a record they
 * drop may still be in a pack it does not rewrite.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from '../write/note-writer-atomic';
import { nodeWriterFs } from '../write/note-writer-fs';
import { importLegacyBlobs } from './legacy-blobs';
import { appendJournal, appendVersionLog, readJournals, readVersionLog, rewriteJournal, rewriteVersionLog, sweepTemps } from './version-log-file';
import { planCompaction } from './pack-compaction';
import { DROP_KEY, RECORD_HEADER, encodeIndexEntries, encodeRecord, type PackRecord, type RecordKind } from './pack-format';
import { PackCatalog } from './pack-catalog';
import { readPack, readRecord, readVersions, timeSortedName, type Location, type Pack } from './pack-files';
import type { MovedRecord, PackPlaces } from './pack-places';
import type { PackVersions, SnapshotBackend, StoredBlob } from './snapshot-backend';
import type { SnapshotEntry } from './snapshot-types';
import { encodeDrop, encodeVersion, versionKey } from './version-records';
import { withStoreLock } from './store-lock';

/** A pack is sealed (a new one started) once it holds this much. */
export const PACK_CAP = 8 * 1024 * 1024;
/** Sealed packs smaller than this are merged by compaction. */
const SMALL_PACK = 1024 * 1024;

export class PackSnapshotBackend implements SnapshotBackend {
  private readonly catalog: PackCatalog;
  /** The pack this session appends to; null until the first write (or after a failed one). */
  private current: Pack | null = null;
  private loaded: Promise<void> | null = null;
  /** This session's journal's name. */
  private readonly session = timeSortedName();

  /**
   * A pack another session wrote to less than `quietMs` ago may still be appended to (two
   * windows on one vault): it is neither compacted nor has its index rewritten until then.
   */
  constructor(
    readonly dir: string,
    private readonly quietMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.catalog = new PackCatalog(path.join(dir, 'packs'), (pack) => pack !== this.current && this.quiet(pack));
  }

  /** Packs whose index was rebuilt or repaired on open (tests, notices). */
  get repairedPacks(): number {
    return this.catalog.repairedPacks;
  }

  /** Packs whose bytes held a torn or damaged record on open (their whole records are kept). */
  get damagedPacks(): number {
    return this.catalog.damagedPacks;
  }

  private get packs(): Map<string, Pack> {
    return this.catalog.packs;
  }

  private get at(): PackPlaces {
    return this.catalog.at;
  }

  private quiet(pack: Pack): boolean {
    return pack.mtimeMs === null || this.now() - pack.mtimeMs >= this.quietMs;
  }

  private get packDir(): string {
    return this.catalog.packDir;
  }

  async listBlobs(): Promise<Map<string, number>> {
    // Under the lock: another process's compaction deletes packs and its writes leave temp files
    // for a moment; listing the folder and reading what it listed must not straddle either.
    this.loaded ??= this.withLock(() => this.load());
    await this.loaded;
    return new Map([...this.at.blobs].map(([hash, at]) => [hash, at.length]));
  }

  async writeBlobs(blobs: readonly StoredBlob[], versions: readonly SnapshotEntry[] = []): Promise<void> {
    const fresh = blobs.filter((blob) => !this.at.blobs.has(blob.hash));
    if (fresh.length === 0 && versions.length === 0) return;
    const { pack, records } = await this.append([
      ...fresh.map((blob) => ({ kind: 'blob' as const, hash: blob.hash, data: blob.compressed })),
      ...versions.map((entry) => ({ kind: 'version' as const, hash: versionKey(entry.id), data: encodeVersion(entry) })),
    ]);
    this.at.placeNew(pack, records);
  }

  recordVersions(entries: readonly SnapshotEntry[]): Promise<void> {
    return this.writeBlobs([], entries);
  }

  async dropVersions(ids: Iterable<string>): Promise<void> {
    const keys = [...new Set([...ids].map(versionKey))].filter((key) => !this.at.dropped.has(key));
    if (keys.length === 0) return;
    const { pack, records } = await this.append([{ kind: 'drop', hash: DROP_KEY, data: encodeDrop(keys) }]);
    this.at.addDrops(pack, [{ offset: records[0].offset, length: records[0].length, keys }]);
  }

  async listVersions(): Promise<PackVersions> {
    // Under the lock: another process's compaction must not remove a pack between listing and reading it.
    const entries = await this.withLock(async () => {
      const out: SnapshotEntry[] = [];
      for (const [pack, places] of this.at.liveVersions()) out.push(...(await readVersions(this.packDir, pack, places)));
      return out;
    });
    return { entries, isDropped: (id) => this.at.dropped.has(versionKey(id)) };
  }

  async countVersions(): Promise<number> {
    return this.at.countLiveVersions();
  }

  /** Appends records to this session's pack (and their entries to its index). */
  private async append(items: readonly { kind: RecordKind; hash: string; data: Uint8Array }[]): Promise<{ pack: Pack; records: PackRecord[] }> {
    // Another process sharing the store may have compacted this pack away (or it was torn): appending
    // at a size this process no longer knows would misplace every record, so a new pack starts.
    if (this.current !== null && (await this.catalog.sizeOnDisk(this.current)) !== this.current.size) this.current = null;
    if (this.current === null || this.current.size >= PACK_CAP) this.current = await this.startPack();
    const pack = this.current;
    const records: PackRecord[] = [];
    const chunks: Buffer[] = [];
    let offset = pack.size;
    for (const item of items) {
      const record = encodeRecord(item.hash, item.data, item.kind);
      records.push({ hash: item.hash, offset, length: item.data.length, kind: item.kind });
      chunks.push(record);
      offset += record.length;
    }
    try {
      await fs.promises.appendFile(this.file(pack.name, 'pack'), Buffer.concat(chunks));
      await fs.promises.appendFile(this.file(pack.name, 'idx'), encodeIndexEntries(records));
    } catch (error) {
      // The pack may hold a torn tail now: the next write starts another pack; opening skips the tail.
      this.current = null;
      throw error;
    }
    pack.size = offset;
    return { pack, records };
  }

  async readBlob(hash: string): Promise<Uint8Array | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = this.at.blobs.get(hash);
      if (at === undefined) return null;
      const bytes = await this.readRecord(at, hash);
      if (bytes !== null) return bytes;
      // Compaction moved it meanwhile (the location changed): look again; else the pack is damaged there,
      // or gone because another process sharing the store compacted it: its new packs are loaded,
      // under the lock, so no compaction removes the packs listed before they are read.
      const damaged = await this.withLock(async () => {
        if (this.at.blobs.get(hash) !== at) return false;
        if (await this.catalog.rescan(at.pack)) return this.at.blobs.get(hash) === at;
        await this.catalog.loadNewPacks(at.pack);
        return false;
      });
      if (damaged) return null;
    }
    return null;
  }

  async removeBlobs(hashes: Iterable<string>): Promise<void> {
    for (const hash of hashes) {
      const at = this.at.blobs.get(hash);
      if (at === undefined) continue;
      at.pack.dead += RECORD_HEADER + at.length;
      this.at.blobs.delete(hash);
    }
  }

  async compactStep(): Promise<boolean> {
    const group = this.compactionGroup();
    if (group.length === 0) return false;
    // Under the store lock, so no process appends meanwhile (writeBlobs runs under it too); a pack
    // another process appended to since this one loaded it holds records this one does not know:
    // rewriting it would lose them, so compaction waits for a later prune.
    for (const pack of group) if ((await this.catalog.sizeOnDisk(pack)) !== pack.size) return false;
    const moved: MovedRecord[] = [];
    for (const pack of group) {
      const bytes = await this.readPack(pack);
      if (bytes !== null) moved.push(...this.at.takeLive(pack, bytes));
    }
    // A drop record's key is still needed while the version it drops may be in a pack left as it is.
    const carried = this.at.carryDrops(group, this.at.hasDrops(group) && (await this.catalog.knowsEveryPack(group)));
    if (carried.length > 0) moved.push({ hash: DROP_KEY, kind: 'drop', record: encodeRecord(DROP_KEY, encodeDrop(carried), 'drop') });
    if (moved.length > 0) {
      const target = await this.startPack();
      const records: PackRecord[] = [];
      let offset = 0;
      for (const { hash, kind, record } of moved) {
        records.push({ hash, offset, length: record.length - RECORD_HEADER, kind });
        offset += record.length;
      }
      // The pack before its index: a crash between leaves a pack that opening scans.
      await writeAtomic(nodeWriterFs, this.file(target.name, 'pack'), Buffer.concat(moved.map((m) => m.record)));
      await writeAtomic(nodeWriterFs, this.file(target.name, 'idx'), encodeIndexEntries(records));
      target.size = offset;
      this.at.placeNew(target, records);
      const drop = records.find((r) => r.kind === 'drop');
      if (drop !== undefined) this.at.addDrops(target, [{ offset: drop.offset, length: drop.length, keys: carried }]);
    }
    for (const pack of group) {
      this.packs.delete(pack.name);
      await fs.promises.rm(this.file(pack.name, 'pack'), { force: true });
      await fs.promises.rm(this.file(pack.name, 'idx'), { force: true });
    }
    return this.compactionGroup().length > 0;
  }

  readIndex(): Promise<string> {
    return readVersionLog(this.dir);
  }

  async appendIndex(text: string): Promise<void> {
    await appendVersionLog(this.dir, text);
    await appendJournal(this.dir, this.session, text);
  }

  async rewriteIndex(text: string): Promise<void> {
    await rewriteVersionLog(this.dir, text);
    await rewriteJournal(this.dir, this.session, text, this.quietMs, this.now());
  }

  readJournal(): Promise<string> {
    return readJournals(this.dir);
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withStoreLock(this.dir, fn);
  }

  private compactionGroup(): Pack[] {
    return planCompaction(
      [...this.packs.values()].filter((pack) => pack !== this.current && this.quiet(pack)),
      PACK_CAP,
      SMALL_PACK,
    );
  }

  private async load(): Promise<void> {
    await sweepTemps(this.dir);
    await this.catalog.loadAll();
    await importLegacyBlobs(this.dir, (batch) => this.writeBlobs(batch));
  }

  private readRecord(at: Location, hash: string): Promise<Uint8Array | null> {
    return readRecord(this.packDir, at, hash);
  }

  /** The pack's bytes from `from` on; null when the pack is gone. */
  private readPack(pack: Pack, from = 0): Promise<Buffer | null> {
    return readPack(this.packDir, pack, from);
  }

  private async startPack(): Promise<Pack> {
    await fs.promises.mkdir(this.packDir, { recursive: true });
    // Names sort by creation time, so compaction takes the oldest first.
    const name = timeSortedName();
    const pack: Pack = { name, mtimeMs: null, size: 0, dead: 0 };
    this.packs.set(name, pack);
    return pack;
  }

  private file(name: string, kind: 'pack' | 'idx'): string {
    return this.catalog.file(name, kind);
  }
}
