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
 * The file reads, and a pack's index rebuilt on open, are in pack-files.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTempName, writeAtomic } from '../write/note-writer-atomic';
import { nodeWriterFs } from '../write/note-writer-fs';
import { importLegacyBlobs } from './legacy-blobs';
import { appendJournal, appendVersionLog, readJournals, readVersionLog, rewriteJournal, rewriteVersionLog, sweepTemps } from './version-log-file';
import { planCompaction } from './pack-compaction';
import { RECORD_HEADER, encodeIndexEntries, encodeRecord, recordAt, scanPack, type PackRecord } from './pack-format';
import { listPackDir, loadPackIndex, packFile, readPack, readRecord, timeSortedName, type Location, type Pack } from './pack-files';
import type { SnapshotBackend, StoredBlob } from './snapshot-backend';
import { withStoreLock } from './store-lock';

/** A pack is sealed (a new one started) once it holds this much. */
export const PACK_CAP = 8 * 1024 * 1024;
/** Sealed packs smaller than this are merged by compaction. */
const SMALL_PACK = 1024 * 1024;

export class PackSnapshotBackend implements SnapshotBackend {
  private readonly packs = new Map<string, Pack>();
  private readonly where = new Map<string, Location>();
  /** The pack this session appends to; null until the first write (or after a failed one). */
  private current: Pack | null = null;
  private loaded: Promise<void> | null = null;
  /** Packs whose index was rebuilt or repaired on open (tests, notices). */
  repairedPacks = 0;
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
  ) {}

  /** The pack file's size now: 0 when there is no file (gone, or started and not yet written). */
  private async sizeOnDisk(pack: Pack): Promise<number> {
    try {
      return (await fs.promises.stat(this.file(pack.name, 'pack'))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  }

  private quiet(pack: Pack): boolean {
    return pack.mtimeMs === null || this.now() - pack.mtimeMs >= this.quietMs;
  }

  private get packDir(): string {
    return path.join(this.dir, 'packs');
  }

  async listBlobs(): Promise<Map<string, number>> {
    // Under the lock: another process's compaction deletes packs and its writes leave temp files
    // for a moment; listing the folder and reading what it listed must not straddle either.
    this.loaded ??= this.withLock(() => this.load());
    await this.loaded;
    return new Map([...this.where].map(([hash, at]) => [hash, at.length]));
  }

  async writeBlobs(blobs: readonly StoredBlob[]): Promise<void> {
    const fresh = blobs.filter((blob) => !this.where.has(blob.hash));
    if (fresh.length === 0) return;
    // Another process sharing the store may have compacted this pack away (or it was torn): appending
    // at a size this process no longer knows would misplace every record, so a new pack starts.
    if (this.current !== null && (await this.sizeOnDisk(this.current)) !== this.current.size) this.current = null;
    if (this.current === null || this.current.size >= PACK_CAP) this.current = await this.startPack();
    const pack = this.current;
    const records: PackRecord[] = [];
    const chunks: Buffer[] = [];
    let offset = pack.size;
    for (const blob of fresh) {
      const record = encodeRecord(blob.hash, blob.compressed);
      records.push({ hash: blob.hash, offset, length: blob.compressed.length });
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
    for (const record of records) this.where.set(record.hash, { pack, offset: record.offset, length: record.length });
  }

  async readBlob(hash: string): Promise<Uint8Array | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = this.where.get(hash);
      if (at === undefined) return null;
      const bytes = await this.readRecord(at, hash);
      if (bytes !== null) return bytes;
      // Compaction moved it meanwhile (the location changed): look again; else the pack is damaged there,
      // or gone because another process sharing the store compacted it: its new packs are loaded,
      // under the lock, so no compaction removes the packs listed before they are read.
      const damaged = await this.withLock(async () => {
        if (this.where.get(hash) !== at) return false;
        if (await this.rescan(at.pack)) return this.where.get(hash) === at;
        await this.loadNewPacks(at.pack);
        return false;
      });
      if (damaged) return null;
    }
    return null;
  }

  async removeBlobs(hashes: Iterable<string>): Promise<void> {
    for (const hash of hashes) {
      const at = this.where.get(hash);
      if (at === undefined) continue;
      at.pack.dead += RECORD_HEADER + at.length;
      this.where.delete(hash);
    }
  }

  async compactStep(): Promise<boolean> {
    const group = this.compactionGroup();
    if (group.length === 0) return false;
    // Under the store lock, so no process appends meanwhile (writeBlobs runs under it too); a pack
    // another process appended to since this one loaded it holds records this one does not know:
    // rewriting it would lose them, so compaction waits for a later prune.
    for (const pack of group) if ((await this.sizeOnDisk(pack)) !== pack.size) return false;
    const moved: { hash: string; record: Buffer }[] = [];
    for (const pack of group) {
      const bytes = await this.readPack(pack);
      if (bytes === null) continue;
      for (const [hash, at] of this.where) {
        if (at.pack !== pack) continue;
        const record = recordAt(bytes, at.offset);
        // A record the index misplaced is dropped here; its blob is simply no longer stored.
        if (record === null || record.hash !== hash) this.where.delete(hash);
        else moved.push({ hash, record: bytes.subarray(at.offset, at.offset + RECORD_HEADER + at.length) });
      }
    }
    if (moved.length > 0) {
      const target = await this.startPack();
      const records: PackRecord[] = [];
      let offset = 0;
      for (const { hash, record } of moved) {
        records.push({ hash, offset, length: record.length - RECORD_HEADER });
        offset += record.length;
      }
      // The pack before its index: a crash between leaves a pack that opening scans.
      await writeAtomic(nodeWriterFs, this.file(target.name, 'pack'), Buffer.concat(moved.map((m) => m.record)));
      await writeAtomic(nodeWriterFs, this.file(target.name, 'idx'), encodeIndexEntries(records));
      target.size = offset;
      for (const record of records) this.where.set(record.hash, { pack: target, offset: record.offset, length: record.length });
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
    const names = (await listPackDir(this.packDir)) ?? [];
    const packNames = new Set(names.filter((n) => n.endsWith('.pack')).map((n) => n.slice(0, -5)));
    await sweepTemps(this.dir);
    for (const name of names) {
      // A crashed compaction's temp file, or an index whose pack a compaction already removed.
      if (isTempName(name) || (name.endsWith('.idx') && !packNames.has(name.slice(0, -4))))
        await fs.promises.rm(path.join(this.packDir, name), { force: true });
    }
    for (const name of [...packNames].sort()) await this.loadPack(name);
    await importLegacyBlobs(this.dir, (batch) => this.writeBlobs(batch));
  }

  private async loadPack(name: string): Promise<void> {
    const stats = await fs.promises.stat(this.file(name, 'pack'));
    const pack: Pack = { name, mtimeMs: stats.mtimeMs, size: stats.size, dead: 0 };
    this.packs.set(name, pack);
    const { records, repaired } = await loadPackIndex(this.packDir, pack, () => this.quiet(pack));
    if (repaired) this.repairedPacks++;
    this.place(pack, records);
  }

  /** A pack vanished under this process: forget it, and load the packs it does not know yet. */
  private async loadNewPacks(gone: Pack): Promise<void> {
    this.packs.delete(gone.name);
    for (const [hash, at] of this.where) if (at.pack === gone) this.where.delete(hash);
    const names = await listPackDir(this.packDir);
    if (names === null) return;
    for (const name of names
      .filter((n) => n.endsWith('.pack') && !isTempName(n))
      .map((n) => n.slice(0, -5))
      .sort()) {
      if (!this.packs.has(name)) await this.loadPack(name);
    }
  }

  /** Rebuilds a pack's locations from its bytes (a read found a record the index misplaced); false when the pack is gone. */
  private async rescan(pack: Pack): Promise<boolean> {
    const bytes = await this.readPack(pack);
    if (bytes === null) return false;
    for (const [hash, at] of this.where) if (at.pack === pack) this.where.delete(hash);
    pack.size = bytes.length;
    pack.dead = 0;
    const { records } = scanPack(bytes);
    this.place(pack, records);
    if (this.packs.has(pack.name) && pack !== this.current && this.quiet(pack))
      await writeAtomic(nodeWriterFs, this.file(pack.name, 'idx'), encodeIndexEntries(records));
    this.repairedPacks++;
    return true;
  }

  private place(pack: Pack, records: readonly PackRecord[]): void {
    let live = 0;
    for (const record of records) {
      if (this.where.has(record.hash)) continue;
      this.where.set(record.hash, { pack, offset: record.offset, length: record.length });
      live += RECORD_HEADER + record.length;
    }
    pack.dead = pack.size - live;
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
    return packFile(this.packDir, name, kind);
  }
}
