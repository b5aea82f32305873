/**
 * readAttachment and openAttachment through the api handlers, on a real vault: any indexed
 * attachment's bytes up to the 50 MB cap with the MIME its extension gives; notes, unindexed
 * and escaping paths refused; opening in the OS default app only for plain documents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiHandlers, type ApiHost } from '../../main/service/api-handlers';
import { checkOpenable } from '../../main/service/files/open-attachment';
import { MAX_ATTACHMENT_BYTES } from '../../main/service/files/vault-reads';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { unchecked, vp } from '../support/vault-path';
import type { VaultPath } from '../../main/core/types';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]);
// Over the old 10 MB note cap, far under the attachment cap.
const BIG_PDF_BYTES = 12 * 1024 * 1024;

let root: string;
let outside: string;
let dataDir: string;
let service: VaultService;
let opened: string[];

beforeAll(async () => {
  root = makeVault({
    'A.md': '# A',
    'assets/pic.png': PNG,
    'assets/sound.wav': WAV,
    'assets/report.pdf': Buffer.alloc(BIG_PDF_BYTES, 0x25),
    'assets/data.xyz': 'opaque',
    'assets/run.sh': 'echo hi',
    'assets/setup.exe.': 'MZ',
    'assets/README': 'no extension',
    'assets/huge.mp4': '',
  });
  // Sparse: the size is over the cap without writing 50 MB.
  fs.truncateSync(path.join(root, 'assets', 'huge.mp4'), MAX_ATTACHMENT_BYTES + 1);
  outside = makeTempDir();
  fs.writeFileSync(path.join(outside, 'secret.pdf'), 'secret');
  dataDir = makeTempDir();
  service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
});

afterAll(async () => {
  await service.close();
  [root, outside, dataDir].forEach(removeDir);
});

beforeEach(() => {
  opened = [];
});

const host = (extra: Partial<ApiHost> = {}): ApiHost => ({ kind: 'electron', readOnly: false, openExternal: () => undefined, dataDir, ...extra });
const electron = () => createApiHandlers(service, host({ openPath: async (absolute) => (opened.push(absolute), '') }));

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

describe('readAttachment', () => {
  test.each([
    ['assets/pic.png', 'image/png', PNG],
    ['assets/sound.wav', 'audio/wav', WAV],
    ['assets/data.xyz', 'application/octet-stream', Buffer.from('opaque')],
  ])('%s comes back whole as a %s data URL', async (file, mime, bytes) => {
    const result = await createApiHandlers(service, host()).readAttachment(vp(file));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.mime).toBe(mime);
    expect(result.value.dataUrl.startsWith(`data:${mime};base64,`)).toBe(true);
    expect(bytesOf(result.value.dataUrl).equals(bytes)).toBe(true);
  });

  test('attachments over the note size cap but under 50 MB are served', async () => {
    expect(service.maxBytes).toBeLessThan(BIG_PDF_BYTES);
    const result = await createApiHandlers(service, host()).readAttachment(vp('assets/report.pdf'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.mime).toBe('application/pdf');
    expect(bytesOf(result.value.dataUrl).length).toBe(BIG_PDF_BYTES);
  });

  test('a file over 50 MB is too-large, with a message that says the limit', async () => {
    const result = await createApiHandlers(service, host()).readAttachment(vp('assets/huge.mp4'));
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok) expect(result.error.message).toMatch(/50 MB/);
  });

  test('notes, unindexed files and paths outside the vault are refused', async () => {
    const api = createApiHandlers(service, host());
    expect(await api.readAttachment(vp('A.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.readAttachment(vp('assets/missing.png'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.readAttachment(unchecked('../secret.pdf'))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await api.readAttachment(unchecked(path.join(outside, 'secret.pdf')))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
  });
});

describe('openAttachment', () => {
  test('opens an indexed document by its real path inside the vault', async () => {
    expect(await electron().openAttachment(vp('assets/data.xyz'))).toEqual({ ok: true, value: null });
    expect(await electron().openAttachment(vp('assets/report.pdf'))).toEqual({ ok: true, value: null });
    expect(opened).toEqual([path.join(root, 'assets', 'data.xyz'), path.join(root, 'assets', 'report.pdf')]);
  });

  test('a read-only desktop host still opens files (nothing is written)', async () => {
    const api = createApiHandlers(service, host({ readOnly: true, openPath: async (absolute) => (opened.push(absolute), '') }));
    expect(await api.openAttachment(vp('assets/pic.png'))).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
  });

  test('browser mode (no openPath) refuses and says to download instead', async () => {
    const result = await createApiHandlers(service, host({ kind: 'browser' })).openAttachment(vp('assets/data.xyz'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/download/);
  });

  test('programs, scripts and extensionless files are never handed to the OS', async () => {
    for (const file of ['assets/run.sh', 'assets/setup.exe.', 'assets/README']) {
      expect(await electron().openAttachment(vp(file))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(opened).toEqual([]);
  });

  test('notes, unindexed and escaping paths are refused before the OS is asked', async () => {
    const api = electron();
    expect(await api.openAttachment(vp('A.md'))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.openAttachment(vp('assets/missing.pdf'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.openAttachment(unchecked('../secret.pdf'))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await api.openAttachment(42 as unknown as VaultPath)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(opened).toEqual([]);
  });

  test('an indexed file that became a symlink out of the vault is refused', async () => {
    const link = path.join(root, 'assets', 'data.xyz');
    const saved = fs.readFileSync(link);
    fs.rmSync(link);
    fs.symlinkSync(path.join(outside, 'secret.pdf'), link);
    try {
      expect(await electron().openAttachment(vp('assets/data.xyz'))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
      expect(opened).toEqual([]);
    } finally {
      fs.rmSync(link);
      fs.writeFileSync(link, saved);
    }
  });

  test('the OS failing to open the file is an io-error with its reason', async () => {
    const api = createApiHandlers(service, host({ openPath: async () => 'No application is registered for this file type' }));
    expect(await api.openAttachment(vp('assets/data.xyz'))).toEqual({
      ok: false,
      error: { code: 'io-error', message: 'could not open "assets/data.xyz": No application is registered for this file type' },
    });
  });
});

describe('checkOpenable', () => {
  test.each(['a.pdf', 'b/c.docx', 'song.mp3', 'archive.zip', 'x.tar.gz', 'Sheet.XLSX'])('%s may be opened', (file) => {
    expect(checkOpenable(vp(file)).ok).toBe(true);
  });
  test.each([
    'a.exe',
    'a.EXE',
    'a.bat',
    'a.cmd',
    'a.ps1',
    'a.lnk',
    'a.url',
    'a.app',
    'a.command',
    'a.sh',
    'a.desktop',
    'a.AppImage',
    'a.jar',
    'a.vbs',
    'a.msi',
    'a.pdf.exe',
    'a.exe.',
    'a.exe .',
    'Makefile',
    '.hidden',
  ])('%s is refused', (file) => {
    expect(checkOpenable(vp(file))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
