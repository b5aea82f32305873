/**
 * writeAttachment through the api handlers on a real vault and the real writer: bytes land
 * byte for byte, a taken name is numbered (never overwritten), and bad paths, notes, oversized
 * or malformed bytes and read-only hosts are refused with clear errors, leaving the disk as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiHandlers, type ApiHost } from '../../main/service/api-handlers';
import { decodeAttachment } from '../../main/service/files/attachment-bytes';
import { openNoteWriter, type NoteWriter } from '../../main/service/write/note-writer';
import { MAX_WRITE_ATTACHMENT_BYTES } from '../../main/service/write/attachment-writer';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { unchecked, vp } from '../support/vault-path';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082',
  'hex',
);

let root: string;
let outside: string;
let dataDir: string;
let service: VaultService;
let writer: NoteWriter;

beforeAll(async () => {
  root = makeVault({ 'Note.md': '# Note', 'assets/taken.png': 'old bytes', 'notes/Daily.md': 'x' });
  outside = makeTempDir();
  fs.symlinkSync(outside, path.join(root, 'escape'));
  dataDir = makeTempDir();
  service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
  writer = await openNoteWriter({ root: service.realRoot, service });
});

afterAll(async () => {
  await service.close();
  [root, outside, dataDir].forEach(removeDir);
});

const host = (extra: Partial<ApiHost> = {}): ApiHost => ({ kind: 'browser', readOnly: false, openExternal: () => undefined, dataDir, writer, ...extra });
const api = () => createApiHandlers(service, host());
const b64 = (bytes: Buffer) => bytes.toString('base64');
const onDisk = (rel: string) => fs.readFileSync(path.join(root, ...rel.split('/')));

describe('writeAttachment', () => {
  test('the bytes land byte for byte, in a new folder, and the index lists the file at once', async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(await api().writeAttachment(vp('new/folder/Pasted image 20240305143009.png'), b64(PNG))).toEqual({
      ok: true,
      value: { path: 'new/folder/Pasted image 20240305143009.png' },
    });
    expect(onDisk('new/folder/Pasted image 20240305143009.png').equals(PNG)).toBe(true);
    expect(await api().writeAttachment(vp('every-byte.bin'), b64(all))).toEqual({ ok: true, value: { path: 'every-byte.bin' } });
    expect(onDisk('every-byte.bin').equals(all)).toBe(true);
    expect(service.listFiles().find((f) => f.path === 'new/folder/Pasted image 20240305143009.png')).toMatchObject({ kind: 'attachment' });
  });

  test('a taken name is never overwritten: the file gets the next free numbered name', async () => {
    expect(await api().writeAttachment(vp('assets/taken.png'), b64(PNG))).toEqual({ ok: true, value: { path: 'assets/taken 1.png' } });
    expect(await api().writeAttachment(vp('assets/taken.png'), b64(Buffer.from('third')))).toEqual({ ok: true, value: { path: 'assets/taken 2.png' } });
    expect(onDisk('assets/taken.png').toString()).toBe('old bytes');
    expect(onDisk('assets/taken 1.png').equals(PNG)).toBe(true);
    expect(onDisk('assets/taken 2.png').toString()).toBe('third');
  });

  test('two writes to one name at once both land, under different names', async () => {
    const [a, b] = await Promise.all([
      api().writeAttachment(vp('race.png'), b64(Buffer.from('a'))),
      api().writeAttachment(vp('race.png'), b64(Buffer.from('b'))),
    ]);
    const paths = [a, b].map((r) => (r.ok ? r.value.path : r.error.message)).sort();
    expect(paths).toEqual(['race 1.png', 'race.png']);
    expect([onDisk('race.png').toString(), onDisk('race 1.png').toString()].sort()).toEqual(['a', 'b']);
  });

  test.each([
    ['../up.png', 'outside-vault'],
    ['x/../../up.png', 'outside-vault'],
    ['/abs.png', 'outside-vault'],
    ['escape/out.png', 'outside-vault'],
    ['a\\b.png', 'invalid-input'],
    ['', 'invalid-input'],
    ['x/./y.png', 'invalid-input'],
    ['Note.md', 'invalid-input'],
    ['New Note.MD', 'invalid-input'],
    ['.hidden/x.png', 'invalid-input'],
  ])('%j is refused with %s and nothing is written', async (bad, code) => {
    const before = fs.readdirSync(outside);
    expect(await api().writeAttachment(unchecked(bad), b64(PNG))).toMatchObject({ ok: false, error: { code } });
    expect(fs.readdirSync(outside)).toEqual(before);
    expect(onDisk('Note.md').toString()).toBe('# Note');
  });

  test('a note path is refused with a message that says to use createNote', async () => {
    expect(await api().writeAttachment(vp('Fresh.md'), b64(PNG))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('note') },
    });
    expect(fs.existsSync(path.join(root, 'Fresh.md'))).toBe(false);
  });

  test('over 50 MB is too-large with the limit in the message, refused before decoding', async () => {
    const justOver = 'A'.repeat(Math.ceil((MAX_WRITE_ATTACHMENT_BYTES + 3) / 3) * 4);
    const result = await api().writeAttachment(vp('big.bin'), justOver);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('50 MB') } });
    expect(fs.existsSync(path.join(root, 'big.bin'))).toBe(false);
    // Exactly at the cap is accepted by the decoder (not written here: 50 MB on a shared disk).
    expect(decodeAttachment('A'.repeat(8), 6)).toMatchObject({ ok: true });
    expect(decodeAttachment('A'.repeat(12), 6)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('bytes that are not a base64 string are invalid-input', async () => {
    for (const bad of ['not base64!', 'abc', 42, null, { 0: 1 }]) {
      expect(await api().writeAttachment(vp('bad.bin'), bad as unknown as string)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(fs.existsSync(path.join(root, 'bad.bin'))).toBe(false);
  });

  test('a read-only host, or one without a writer, refuses with read-only', async () => {
    for (const handlers of [createApiHandlers(service, host({ readOnly: true })), createApiHandlers(service, host({ writer: undefined }))]) {
      expect(await handlers.writeAttachment(vp('ro.png'), b64(PNG))).toMatchObject({ ok: false, error: { code: 'read-only' } });
    }
    expect(fs.existsSync(path.join(root, 'ro.png'))).toBe(false);
  });
});
