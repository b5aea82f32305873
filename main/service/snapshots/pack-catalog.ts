/**
 * Which packs the snapshot store holds and where each record is in them (pack-places.ts), as this
 * process knows it: loaded from the packs folder on open, repaired from a pack's bytes when a read
 * finds its index wrong, and widened when another process sharing the store replaced packs. The
 * backend (pack-snapshot-backend.ts) reads, appends and compacts through it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTempName, writeAtomic } from '../write/note-writer-atomic';
import { nodeWriterFs } from '../write/note-writer-fs';
import { DROP_KEY, RECORD_HEADER, encodeIndexEntries, scanPack } from './pack-format';
import { listPackDir, loadPackIndex, packFile, readPack, readRecord, type Pack } from './pack-files';
import { PackPlaces, type DropRecord } from './pack-places';
import { decodeDrop } from './version-records';

export class PackCatalog {
  readonly packs = new Map<string, Pack>();
  readonly at = new PackPlaces();
  /** Packs whose index was rebuilt or repaired on open (tests, notices). */
  repairedPacks = 0;
  /** Packs whose bytes held a torn or damaged record on open (their whole records are kept). */
  damagedPacks = 0;

  /**
   * `mayRewrite(pack)`: no process may still append to the pack (not this session's own, and
   * quiet long enough), so its index may be rewritten.
   */
  constructor(
    readonly packDir: string,
    private readonly mayRewrite: (pack: Pack) => boolean,
  ) {}

  file(name: string, kind: 'pack' | 'idx'): string {
    return packFile(this.packDir, name, kind);
  }

  /** The pack file's size now: 0 when there is no file (gone, or started and not yet written). */
  async sizeOnDisk(pack: Pack): Promise<number> {
    try {
      return (await fs.promises.stat(this.file(pack.name, 'pack'))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  }

  /** Every pack in the folder, after removing what a crashed compaction left. */
  async loadAll(): Promise<void> {
    const names = (await listPackDir(this.packDir)) ?? [];
    const packNames = new Set(names.filter((n) => n.endsWith('.pack')).map((n) => n.slice(0, -5)));
    for (const name of names) {
      // A crashed compaction's temp file, or an index whose pack a compaction already removed.
      if (isTempName(name) || (name.endsWith('.idx') && !packNames.has(name.slice(0, -4))))
        await fs.promises.rm(path.join(this.packDir, name), { force: true });
    }
    for (const name of [...packNames].sort()) await this.loadPack(name);
    this.at.settleDrops();
  }

  /** A pack vanished under this process: forget it, and load the packs it does not know yet. */
  async loadNewPacks(gone: Pack): Promise<void> {
    this.forget(gone);
    const names = await listPackDir(this.packDir);
    if (names === null) return;
    for (const name of names
      .filter((n) => n.endsWith('.pack') && !isTempName(n))
      .map((n) => n.slice(0, -5))
      .sort()) {
      if (!this.packs.has(name)) await this.loadPack(name);
    }
  }

  forget(pack: Pack): void {
    this.packs.delete(pack.name);
    this.at.unplace(pack);
  }

  /** True when the packs folder holds only the packs this process knows, at the sizes it knows (`group`: being rewritten, checked already). */
  async knowsEveryPack(group: readonly Pack[]): Promise<boolean> {
    const names = (await listPackDir(this.packDir)) ?? [];
    if (names.some((n) => n.endsWith('.pack') && !isTempName(n) && !this.packs.has(n.slice(0, -5)))) return false;
    for (const pack of this.packs.values()) if (!group.includes(pack) && (await this.sizeOnDisk(pack)) !== pack.size) return false;
    return true;
  }

  /** Rebuilds a pack's locations from its bytes (a read found a record the index misplaced); false when the pack is gone. */
  async rescan(pack: Pack): Promise<boolean> {
    const bytes = await readPack(this.packDir, pack);
    if (bytes === null) return false;
    this.at.unplace(pack);
    pack.size = bytes.length;
    pack.dead = 0;
    const { records } = scanPack(bytes);
    this.at.addDrops(
      pack,
      records
        .filter((r) => r.kind === 'drop')
        .map((r) => ({ offset: r.offset, length: r.length, keys: decodeDrop(bytes.subarray(r.offset + RECORD_HEADER, r.offset + RECORD_HEADER + r.length)) })),
    );
    this.at.place(pack, records);
    if (this.packs.has(pack.name) && this.mayRewrite(pack)) await writeAtomic(nodeWriterFs, this.file(pack.name, 'idx'), encodeIndexEntries(records));
    this.repairedPacks++;
    return true;
  }

  private async loadPack(name: string): Promise<void> {
    const stats = await fs.promises.stat(this.file(name, 'pack'));
    const pack: Pack = { name, mtimeMs: stats.mtimeMs, size: stats.size, dead: 0 };
    this.packs.set(name, pack);
    const { records, repaired, damaged } = await loadPackIndex(this.packDir, pack, () => this.mayRewrite(pack));
    if (repaired) this.repairedPacks++;
    if (damaged) this.damagedPacks++;
    const drops: DropRecord[] = [];
    for (const record of records) {
      if (record.kind !== 'drop') continue;
      const data = await readRecord(this.packDir, { pack, offset: record.offset, length: record.length }, DROP_KEY, 'drop');
      if (data !== null) drops.push({ offset: record.offset, length: record.length, keys: decodeDrop(data) });
    }
    this.at.addDrops(pack, drops);
    this.at.place(pack, records);
  }
}
