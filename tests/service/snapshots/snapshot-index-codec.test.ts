/**
 * The index log's lines read back as the versions written; a line whose path the guard refuses
 * (damaged, or edited by hand to point out of the vault) counts as damaged, never as a version.
 */
import { decodeEntries, encodeEntries } from '../../../main/service/snapshots/snapshot-index-codec';
import type { SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import { unchecked, vp } from '../../support/vault-path';

const entry = (path: string, id = 'a-1'): SnapshotEntry => ({ id, path: unchecked(path), time: 5, size: 3, hash: 'e'.repeat(64), reason: 'before-save' });

test('lines read back as the entries written', () => {
  const entries = [entry('a.md'), entry('Notes/ünï — 笔记.md', 'b-2')];
  expect(decodeEntries(encodeEntries(entries))).toEqual({ entries, damaged: 0 });
  expect(decodeEntries(encodeEntries(entries)).entries[1].path).toBe(vp('Notes/ünï — 笔记.md'));
});

test.each(['../outside.md', '/etc/passwd', 'a//b.md', 'a\\b.md', ''])('a line naming %j is damaged, not a version', (bad) => {
  expect(decodeEntries(encodeEntries([entry('a.md'), entry(bad, 'b-2')]))).toEqual({ entries: [entry('a.md')], damaged: 1 });
});
