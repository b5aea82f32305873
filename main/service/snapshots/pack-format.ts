/**
 * The bytes of the snapshot store's pack files (pure: buffers in, values out).
 *
 * A pack is a run of self-describing records, appended and never edited in place, each
 *   magic (4 bytes) | key (32 raw bytes) | length (uint32 BE) | data
 * of one of three kinds (format 2; packs of format 1 hold only blobs, and read as before):
 *   "PXB1" a blob: key = sha-256 of the version's bytes, data = the compressed bytes;
 *   "PXV1" a version (what an index.jsonl line says, version-records.ts): key = sha-256 of its id;
 *   "PXD1" versions a prune dropped: data = their keys, so a rebuild does not bring them back.
 * so a pack alone is enough to find every blob and version in it. Its offset index (`.idx`) is a
 * run of 40-byte entries (key, offset, length with the kind in its top bits) written after the
 * records: it spares reading the pack on open. Anything the index cannot vouch for (missing,
 * torn, out of order, past the end of the pack) is found again by scanning the pack, which skips
 * damaged bytes up to the next record.
 */

export const RECORD_MAGIC = Buffer.from('PXB1', 'latin1');
const MAGICS = { blob: RECORD_MAGIC, version: Buffer.from('PXV1', 'latin1'), drop: Buffer.from('PXD1', 'latin1') } as const;
/** What every magic starts with: a scan looks for it to find the next record. */
const MAGIC_PREFIX = Buffer.from('PX', 'latin1');
export const RECORD_HEADER = 4 + 32 + 4;
export const INDEX_ENTRY = 32 + 4 + 4;
/** No record is larger: a note is at most 20 MB (the contract's limit), which compresses smaller. */
export const MAX_RECORD_DATA = 64 * 1024 * 1024;
/** An index entry's length keeps the record's kind in the bits above MAX_RECORD_DATA (format 1: 0, a blob). */
const KIND_SHIFT = 30;
const LENGTH_MASK = (1 << KIND_SHIFT) - 1;
const KINDS = ['blob', 'version', 'drop'] as const;

export type RecordKind = (typeof KINDS)[number];

export interface PackRecord {
  /** A blob's hash; a version's key (versionKey()); a drop record's: zeros. */
  hash: string;
  /** Offset of the record's header in the pack. */
  offset: number;
  /** Length of the record's data (the record is RECORD_HEADER longer). */
  length: number;
  kind: RecordKind;
}

export const DROP_KEY = '0'.repeat(64);

export function encodeRecord(hash: string, data: Uint8Array, kind: RecordKind = 'blob'): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER + data.length);
  MAGICS[kind].copy(out, 0);
  writeHash(out, 4, hash);
  out.writeUInt32BE(data.length, 36);
  out.set(data, RECORD_HEADER);
  return out;
}

export function encodeIndexEntries(records: readonly PackRecord[]): Buffer {
  const out = Buffer.allocUnsafe(records.length * INDEX_ENTRY);
  records.forEach((record, i) => {
    const at = i * INDEX_ENTRY;
    writeHash(out, at, record.hash);
    out.writeUInt32BE(record.offset, at + 32);
    out.writeUInt32BE((KINDS.indexOf(record.kind) * 2 ** KIND_SHIFT + record.length) >>> 0, at + 36);
  });
  return out;
}

/**
 * The index's entries that can be trusted for a pack of `packSize` bytes: a prefix in which each
 * record starts where the previous one ended and fits in the pack. `coveredTo` is where the first
 * untrusted byte of the pack is (the pack's size when the index covers all of it).
 */
export function decodeIndex(index: Uint8Array, packSize: number): { records: PackRecord[]; coveredTo: number; damaged: boolean } {
  const buffer = Buffer.from(index.buffer, index.byteOffset, index.byteLength);
  const records: PackRecord[] = [];
  let expected = 0;
  const whole = Math.floor(buffer.length / INDEX_ENTRY);
  for (let i = 0; i < whole; i++) {
    const at = i * INDEX_ENTRY;
    const offset = buffer.readUInt32BE(at + 32);
    const word = buffer.readUInt32BE(at + 36);
    const length = word & LENGTH_MASK;
    const kind = KINDS[Math.floor(word / 2 ** KIND_SHIFT)];
    if (offset !== expected || kind === undefined || offset + RECORD_HEADER + length > packSize) {
      return { records, coveredTo: expected, damaged: true };
    }
    records.push({ hash: buffer.toString('hex', at, at + 32), offset, length, kind });
    expected = offset + RECORD_HEADER + length;
  }
  return { records, coveredTo: expected, damaged: buffer.length % INDEX_ENTRY !== 0 };
}

/** The whole record at `offset`, if `buffer` holds one there (what a read checks before trusting an index). */
export function recordAt(buffer: Buffer, offset: number): PackRecord | null {
  if (offset + RECORD_HEADER > buffer.length) return null;
  const kind = KINDS.find((k) => buffer.compare(MAGICS[k], 0, 4, offset, offset + 4) === 0);
  if (kind === undefined) return null;
  const length = buffer.readUInt32BE(offset + 36);
  if (length > MAX_RECORD_DATA || offset + RECORD_HEADER + length > buffer.length) return null;
  return { hash: buffer.toString('hex', offset + 4, offset + 36), offset, length, kind };
}

/**
 * Every whole record in `pack` from `from` on. Damaged bytes (a torn write, a flipped bit in a
 * header) are skipped up to the next record's magic, so one bad record costs only itself.
 * `damaged` says whether anything had to be skipped.
 */
export function scanPack(pack: Buffer, from = 0): { records: PackRecord[]; damaged: boolean } {
  const records: PackRecord[] = [];
  let damaged = false;
  let at = from;
  while (at < pack.length) {
    const record = recordAt(pack, at);
    if (record !== null) {
      records.push(record);
      at += RECORD_HEADER + record.length;
      continue;
    }
    damaged = true;
    const next = pack.indexOf(MAGIC_PREFIX, at + 1);
    if (next < 0) break;
    at = next;
  }
  return { records, damaged };
}

function writeHash(out: Buffer, at: number, hash: string): void {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`invalid snapshot hash ${hash}`);
  out.write(hash, at, 32, 'hex');
}
