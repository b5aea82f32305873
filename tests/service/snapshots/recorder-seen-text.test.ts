/**
 * A note the watcher saw change is kept from the text the index decoded, not read a second time
 * (a checkout changes thousands at once), and only when that text gives back the very bytes on
 * disk; otherwise the note is read. Either way the kept version restores byte for byte.
 */
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { MemorySnapshotBackend } from '../../../main/service/snapshots/snapshot-backend';
import { SnapshotRecorder } from '../../../main/service/snapshots/snapshot-recorder';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const lenient = new TextDecoder('utf-8', { fatal: false });

/** A recorder whose note reads are counted and answered from `disk`. */
function recorderOver(disk: Map<string, Uint8Array>) {
  const reads: string[] = [];
  const notices: string[] = [];
  const recorder = new SnapshotRecorder({
    backend: new MemorySnapshotBackend(),
    notice: (message) => notices.push(message),
    live: () => [],
    readCurrent: async (path) => {
      reads.push(path);
      return disk.get(path) ?? null;
    },
  });
  return { recorder, reads, notices };
}

/** What the watcher path does when another program replaces `path` (the index decoded `text` from `bytes`), then lists it. */
async function replaceAndRestore(recorder: SnapshotRecorder, path: VaultPath, bytes: Uint8Array, text: string | null): Promise<Uint8Array> {
  const hash = hashBytes(bytes);
  recorder.seen(path, hash, text);
  await recorder.flushed();
  recorder.replacedOnDisk(path, hash, bytes.length, hashBytes(utf8('replaced')));
  const [version] = await recorder.versions(path);
  expect(version?.reason).toBe('external-change');
  const read = await recorder.read(path, version!.id);
  return read!.bytes;
}

const cases: [string, Uint8Array, string][] = [
  ['plain.md', utf8('# Plain\n\nText [[Link]]\n'), '# Plain\n\nText [[Link]]\n'],
  ['crlf ünï.md', utf8('Zeile eins\r\nünïcödé ✓ 😀\r\n'), 'Zeile eins\r\nünïcödé ✓ 😀\r\n'],
  // The reader strips a BOM from the text; the hash is of the bytes with it.
  ['bom.md', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('with a BOM\n')), 'with a BOM\n'],
  ['empty.md', new Uint8Array(0), ''],
];

test.each(cases)('%s: kept from the decoded text without reading the note again, restored byte for byte', async (path, bytes, text) => {
  const disk = new Map([[path, utf8('not what was indexed')]]);
  const { recorder, reads, notices } = recorderOver(disk);
  const restored = await replaceAndRestore(recorder, vp(path), bytes, text);
  expect(Buffer.from(restored).equals(Buffer.from(bytes))).toBe(true);
  expect(reads).toEqual([]);
  expect(notices).toEqual([]);
  await recorder.close();
});

test('invalid UTF-8 (decoded with U+FFFD) does not encode back: the note is read, and its own bytes are kept', async () => {
  const bytes = Uint8Array.of(...utf8('caf'), 0xe9, ...utf8(' latin-1\n'));
  const disk = new Map([['latin.md', bytes]]);
  const { recorder, reads } = recorderOver(disk);
  const restored = await replaceAndRestore(recorder, vp('latin.md'), bytes, lenient.decode(bytes));
  expect(Buffer.from(restored).equals(Buffer.from(bytes))).toBe(true);
  expect(reads).toEqual(['latin.md']);
  await recorder.close();
});

test('text that is not the hashed bytes (changed again since) is never kept under that hash', async () => {
  const bytes = utf8('as hashed\n');
  // Neither the text nor the disk holds the hashed bytes now: nothing is kept, so nothing false is listed.
  const disk = new Map([['moved-on.md', utf8('newer still\n')]]);
  const { recorder, reads } = recorderOver(disk);
  recorder.seen(vp('moved-on.md'), hashBytes(bytes), 'newer\n');
  await recorder.flushed();
  recorder.replacedOnDisk(vp('moved-on.md'), hashBytes(bytes), bytes.length, null);
  expect(await recorder.versions(vp('moved-on.md'))).toEqual([]);
  expect(reads).toEqual(['moved-on.md']);
  await recorder.close();
});

test('no text at hand (null): the note is read, as before', async () => {
  const bytes = utf8('read from disk\n');
  const { recorder, reads } = recorderOver(new Map([['n.md', bytes]]));
  const restored = await replaceAndRestore(recorder, vp('n.md'), bytes, null);
  expect(Buffer.from(restored).equals(Buffer.from(bytes))).toBe(true);
  expect(reads).toEqual(['n.md']);
  await recorder.close();
});
