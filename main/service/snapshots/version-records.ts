/**
 * The data of a pack's version and drop records (pack-format.ts), pure. A version record holds
 * what an index.jsonl line holds, packed in binary rather than JSON (it is written at every
 * snapshot, beside the line):
 *   blob hash (32 raw bytes) | time (float64 BE) | size (uint48 BE) | reason (uint8)
 *   | id length (uint16 BE) | id (utf-8) | path (utf-8, the rest)
 * A drop record is the keys (32 raw bytes each) of versions a prune dropped.
 */
import { createHash } from 'node:crypto';
import { toVaultPath } from '../../core/vault-path';
import { SNAPSHOT_REASONS, type SnapshotEntry } from './snapshot-types';

const FIXED = 32 + 8 + 6 + 1 + 2;
const HASH = /^[0-9a-f]{64}$/;

/** A version record's key: the id's digest, so the pack's offset index names the version without its data. */
export function versionKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

export function encodeVersion(entry: SnapshotEntry): Buffer {
  const id = Buffer.from(entry.id, 'utf8');
  const notePath = Buffer.from(entry.path, 'utf8');
  if (id.length > 0xffff) throw new Error(`snapshot version id too long: ${entry.id.slice(0, 40)}`);
  const out = Buffer.allocUnsafe(FIXED + id.length + notePath.length);
  if (!HASH.test(entry.hash)) throw new Error(`invalid snapshot hash ${entry.hash}`);
  out.write(entry.hash, 0, 32, 'hex');
  out.writeDoubleBE(entry.time, 32);
  out.writeUIntBE(entry.size, 40, 6);
  out.writeUInt8(SNAPSHOT_REASONS.indexOf(entry.reason), 46);
  out.writeUInt16BE(id.length, 47);
  id.copy(out, FIXED);
  notePath.copy(out, FIXED + id.length);
  return out;
}

/** The version a record's data describes; null when the data cannot be one (damaged). */
export function decodeVersion(data: Buffer): SnapshotEntry | null {
  if (data.length < FIXED) return null;
  const reason = SNAPSHOT_REASONS[data.readUInt8(46)];
  const idLength = data.readUInt16BE(47);
  if (reason === undefined || FIXED + idLength >= data.length) return null;
  const time = data.readDoubleBE(32);
  if (!Number.isFinite(time)) return null;
  const path = toVaultPath(data.toString('utf8', FIXED + idLength));
  if (!path.ok) return null;
  return {
    id: data.toString('utf8', FIXED, FIXED + idLength),
    path: path.value,
    time,
    size: data.readUIntBE(40, 6),
    hash: data.toString('hex', 0, 32),
    reason,
  };
}

export function encodeDrop(keys: readonly string[]): Buffer {
  const out = Buffer.allocUnsafe(keys.length * 32);
  keys.forEach((key, i) => out.write(key, i * 32, 32, 'hex'));
  return out;
}

export function decodeDrop(data: Buffer): string[] {
  const keys: string[] = [];
  for (let at = 0; at + 32 <= data.length; at += 32) keys.push(data.toString('hex', at, at + 32));
  return keys;
}
