/**
 * The pack store's file reads (pack-snapshot-backend.ts): where a pack and its index live, the
 * packs folder's listing, one record or a pack's bytes read back, and a pack's index on open,
 * rebuilt from the pack's bytes where the index does not vouch for them (missing, damaged or
 * behind a torn append). They hold no state, so the backend class keeps only what it knows about
 * the packs (which blob is where, which pack is this session's) and when to act on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { errorCode } from '../file-reports';
import { writeAtomic } from '../write/note-writer-atomic';
import { nodeWriterFs } from '../write/note-writer-fs';
import type { PackUsage } from './pack-compaction';
import type { SnapshotEntry } from './snapshot-types';
import { decodeVersion, versionKey } from './version-records';
import { RECORD_HEADER, decodeIndex, encodeIndexEntries, recordAt, scanPack, type PackRecord, type RecordKind } from './pack-format';

export interface Pack extends PackUsage {
  /** When another session last wrote it (packs of this session: null). */
  mtimeMs: number | null;
}

export interface Location {
  pack: Pack;
  offset: number;
  length: number;
}

/** A new name that sorts by creation time (packs: compaction takes the oldest first). */
export function timeSortedName(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

export function packFile(packDir: string, name: string, kind: 'pack' | 'idx'): string {
  return path.join(packDir, `${name}.${kind}`);
}

/** The packs folder's entries; null when there is no packs folder yet. */
export async function listPackDir(packDir: string): Promise<string[] | null> {
  try {
    return await fs.promises.readdir(packDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** The data of the record at `at` when it is the `kind` record of `hash`; null when it is not, or the pack is gone. */
export async function readRecord(packDir: string, at: Location, hash: string, kind: RecordKind = 'blob'): Promise<Buffer | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(packFile(packDir, at.pack.name, 'pack'), 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const record = Buffer.alloc(RECORD_HEADER + at.length);
    const { bytesRead } = await handle.read(record, 0, record.length, at.offset);
    const found = recordAt(record.subarray(0, bytesRead), 0);
    return found !== null && found.kind === kind && found.hash === hash && found.length === at.length ? record.subarray(RECORD_HEADER) : null;
  } finally {
    await handle.close();
  }
}

/** The pack's bytes from `from` on; null when the pack is gone. */
export async function readPack(packDir: string, pack: Pack, from = 0): Promise<Buffer | null> {
  try {
    if (from === 0) return await fs.promises.readFile(packFile(packDir, pack.name, 'pack'));
    const handle = await fs.promises.open(packFile(packDir, pack.name, 'pack'), 'r');
    try {
      const length = Math.max(0, (await handle.stat()).size - from);
      const out = Buffer.alloc(length);
      const { bytesRead } = await handle.read(out, 0, length, from);
      return out.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** The versions recorded at `places` in `pack` (damaged records skipped); [] when the pack is gone. */
export async function readVersions(packDir: string, pack: Pack, places: readonly Location[]): Promise<SnapshotEntry[]> {
  const bytes = await readPack(packDir, pack);
  if (bytes === null) return [];
  const out: SnapshotEntry[] = [];
  for (const at of places) {
    const record = recordAt(bytes, at.offset);
    if (record === null || record.kind !== 'version') continue;
    const entry = decodeVersion(bytes.subarray(at.offset + RECORD_HEADER, at.offset + RECORD_HEADER + at.length));
    if (entry !== null && versionKey(entry.id) === record.hash) out.push(entry);
  }
  return out;
}

/**
 * A pack's records on open: the index's, and a scan of the part it does not vouch for (all of
 * the pack when there is no index). What the scan found is written down when `mayRewrite()`
 * allows (the pack is quiet), so the next open need not scan again; bytes it could not read (a
 * torn tail) count as dead and go at the next compaction. `repaired` when the index was rewritten;
 * `damaged` when the scan had to skip bytes (a torn or damaged record: the whole ones are kept).
 */
export async function loadPackIndex(
  packDir: string,
  pack: Pack,
  mayRewrite: () => boolean,
): Promise<{ records: PackRecord[]; repaired: boolean; damaged: boolean }> {
  let index: Uint8Array;
  try {
    index = await fs.promises.readFile(packFile(packDir, pack.name, 'idx'));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    index = new Uint8Array(0);
  }
  const trusted = decodeIndex(index, pack.size);
  let records = trusted.records;
  if (trusted.coveredTo < pack.size || trusted.damaged) {
    const tail = await readPack(packDir, pack, trusted.coveredTo);
    const scan = tail === null ? { records: [], damaged: false } : scanPack(tail);
    const found = scan.records.map((r) => ({ ...r, offset: r.offset + trusted.coveredTo }));
    records = [...records, ...found];
    if ((found.length > 0 || trusted.damaged) && mayRewrite()) {
      await writeAtomic(nodeWriterFs, packFile(packDir, pack.name, 'idx'), encodeIndexEntries(records));
      return { records, repaired: true, damaged: scan.damaged };
    }
    return { records, repaired: false, damaged: scan.damaged };
  }
  return { records, repaired: false, damaged: false };
}
