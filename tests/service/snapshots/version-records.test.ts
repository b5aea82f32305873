/**
 * The bytes of a pack's version and drop records: a version reads back as the index line it
 * stands for (non-ASCII paths, long ids, every reason), damaged data reads as nothing rather
 * than as a wrong version, and the offset index keeps each record's kind (blobs as in format 1).
 */
import { RECORD_HEADER, decodeIndex, encodeIndexEntries, encodeRecord, scanPack, type PackRecord } from '../../../main/service/snapshots/pack-format';
import { SNAPSHOT_REASONS, type SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import { decodeDrop, decodeVersion, encodeDrop, encodeVersion, versionKey } from '../../../main/service/snapshots/version-records';
import { unchecked, vp } from '../../support/vault-path';

const hash = (c: string) => c.repeat(64);

test('a version reads back as it was written', () => {
  for (const [i, reason] of SNAPSHOT_REASONS.entries()) {
    const entry: SnapshotEntry = {
      id: `mx${i}-ab12cd34${'z'.repeat(i * 50)}`,
      path: vp(`dossier/ünï ${i}/note — 笔记.md`),
      time: 1_765_000_000_123 + i,
      size: 20 * 1024 * 1024 + i,
      hash: hash('0123456789abcdef'[i]),
      reason,
    };
    expect(decodeVersion(encodeVersion(entry))).toEqual(entry);
  }
});

test('damaged version data reads as nothing', () => {
  const data = encodeVersion({ id: 'a-1', path: vp('a.md'), time: 5, size: 3, hash: hash('e'), reason: 'before-save' });
  expect(decodeVersion(data.subarray(0, 30))).toBeNull();
  const badReason = Buffer.from(data);
  badReason.writeUInt8(200, 46);
  expect(decodeVersion(badReason)).toBeNull();
  const longId = Buffer.from(data);
  longId.writeUInt16BE(data.length, 47);
  expect(decodeVersion(longId)).toBeNull();
});

test.each(['../outside.md', '/etc/passwd', 'a//b.md'])('a version naming %j (no vault path) reads as nothing', (bad) => {
  const data = encodeVersion({ id: 'a-1', path: unchecked(bad), time: 5, size: 3, hash: hash('e'), reason: 'before-save' });
  expect(decodeVersion(data)).toBeNull();
});

test('drop records list keys, and the offset index keeps every record kind', () => {
  const keys = [versionKey('a-1'), versionKey('b-2')];
  expect(decodeDrop(encodeDrop(keys))).toEqual(keys);
  const version = encodeVersion({ id: 'a-1', path: vp('a.md'), time: 5, size: 3, hash: hash('e'), reason: 'deleted' });
  const parts = [encodeRecord(hash('e'), Buffer.from('gz')), encodeRecord(keys[0], version, 'version'), encodeRecord(hash('0'), encodeDrop(keys), 'drop')];
  const pack = Buffer.concat(parts);
  const { records } = scanPack(pack);
  expect(records.map((r) => r.kind)).toEqual(['blob', 'version', 'drop']);
  expect(decodeIndex(encodeIndexEntries(records), pack.length)).toEqual({ records, coveredTo: pack.length, damaged: false });
  // A blob's entry is format 1's, byte for byte: the kind's bits are 0.
  const blobEntry = encodeIndexEntries([records[0]]);
  expect(blobEntry.readUInt32BE(36)).toBe(2);
  // Garbage before a record costs only itself.
  const damaged = scanPack(Buffer.concat([Buffer.from('PXjunk'), pack]));
  expect({ kinds: damaged.records.map((r: PackRecord) => r.kind), damaged: damaged.damaged }).toEqual({ kinds: ['blob', 'version', 'drop'], damaged: true });
  expect(records[1].length + RECORD_HEADER).toBe(parts[1].length);
});
