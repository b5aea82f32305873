/**
 * The bytes of the snapshot store's pack files (pure: buffers in, values out).
 *
 * A pack is a run of self-describing records, appended and never edited in place:
 *   "PXB1" | sha-256 of the version's bytes (32 raw bytes) | length (uint32 BE) | compressed bytes
 * so a pack alone is enough to find every blob in it. Its offset index (`.idx`) is a run of
 * 40-byte entries (hash, offset, length) written after the records: it spares reading the pack
 * on open. Anything the index cannot vouch for (missing, torn, out of order, past the end of the
 * pack) is found again by scanning the pack, which skips damaged bytes up to the next record.
 */

export const RECORD_MAGIC = Buffer.from('PXB1', 'latin1');
export const RECORD_HEADER = 4 + 32 + 4;
export const INDEX_ENTRY = 32 + 4 + 4;
/** No record is larger: a note is at most 20 MB (the contract's limit), which compresses smaller. */
export const MAX_RECORD_DATA = 64 * 1024 * 1024;

export interface PackRecord {
  hash: string;
  /** Offset of the record's header in the pack. */
  offset: number;
  /** Length of the compressed bytes (the record is RECORD_HEADER longer). */
  length: number;
}

export function encodeRecord(hash: string, compressed: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER + compressed.length);
  RECORD_MAGIC.copy(out, 0);
  writeHash(out, 4, hash);
  out.writeUInt32BE(compressed.length, 36);
  out.set(compressed, RECORD_HEADER);
  return out;
}

export function encodeIndexEntries(records: readonly PackRecord[]): Buffer {
  const out = Buffer.allocUnsafe(records.length * INDEX_ENTRY);
  records.forEach((record, i) => {
    const at = i * INDEX_ENTRY;
    writeHash(out, at, record.hash);
    out.writeUInt32BE(record.offset, at + 32);
    out.writeUInt32BE(record.length, at + 36);
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
    const length = buffer.readUInt32BE(at + 36);
    if (offset !== expected || offset + RECORD_HEADER + length > packSize) {
      return { records, coveredTo: expected, damaged: true };
    }
    records.push({ hash: buffer.toString('hex', at, at + 32), offset, length });
    expected = offset + RECORD_HEADER + length;
  }
  return { records, coveredTo: expected, damaged: buffer.length % INDEX_ENTRY !== 0 };
}

/** True when `buffer` holds a whole record of `hash` at `offset` (what a read checks before trusting an index). */
export function recordAt(buffer: Buffer, offset: number): PackRecord | null {
  if (offset + RECORD_HEADER > buffer.length || buffer.compare(RECORD_MAGIC, 0, 4, offset, offset + 4) !== 0) return null;
  const length = buffer.readUInt32BE(offset + 36);
  if (length > MAX_RECORD_DATA || offset + RECORD_HEADER + length > buffer.length) return null;
  return { hash: buffer.toString('hex', offset + 4, offset + 36), offset, length };
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
    const next = pack.indexOf(RECORD_MAGIC, at + 1);
    if (next < 0) break;
    at = next;
  }
  return { records, damaged };
}

function writeHash(out: Buffer, at: number, hash: string): void {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`invalid snapshot hash ${hash}`);
  out.write(hash, at, 32, 'hex');
}
