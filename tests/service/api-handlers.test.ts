import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiHandlers, type ApiHost } from '../../main/service/api-handlers';
import type { NoteWriter } from '../../main/service/write/note-writer';
import { isAllowedExternalUrl, resolveForWrite, validateVaultPath } from '../../main/service/files/path-validation';
import { VaultService } from '../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { unchecked, vp } from '../support/vault-path';
import type { VaultPath } from '../../main/core/types';

describe('validateVaultPath', () => {
  test.each([
    ['../x', 'outside-vault'],
    ['/etc/passwd', 'outside-vault'],
    ['..\\x', 'outside-vault'],
    ['C:\\x', 'outside-vault'],
    ['c:/x', 'outside-vault'],
    ['a/../../b', 'outside-vault'],
    ['a\\b.md', 'invalid-input'],
    ['a\0b.md', 'invalid-input'],
    ['a//b.md', 'invalid-input'],
    ['./a.md', 'invalid-input'],
    ['', 'invalid-input'],
    ['x'.repeat(2000), 'invalid-input'],
  ])('%j is rejected as %s', (input, code) => {
    expect(validateVaultPath(input)).toMatchObject({ ok: false, error: { code } });
  });

  // Vault paths are names, not URLs: percent signs are literal and are never decoded into '..'.
  test.each([
    'A.md',
    'Folder/Sub/Note with spaces.md',
    'Ünïcode/日本.md',
    'a..b.md',
    '100% done.md',
    'img.png',
    '%2e%2e%2fescape.md',
    '%2e%2e/x',
    '%252e%252e/x',
    '..%2fx.md',
    'a%00b.md',
    'a%5cb.md',
  ])('%j is a valid path', (input) => {
    expect(validateVaultPath(input)).toEqual({ ok: true, value: input });
  });

  test.each([42, null, undefined, {}, ['A.md']])('non-strings (%p) are invalid input', (input) => {
    expect(validateVaultPath(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('isAllowedExternalUrl', () => {
  test.each([
    ['https://example.com/a?b', true],
    ['http://localhost:3000', true],
    ['mailto:someone@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['vscode://x', false],
    ['obsidian://open', false],
    ['not a url', false],
    [12, false],
  ])('%p -> %p', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('createApiHandlers', () => {
  let root: string;
  let outside: string;
  let dataDir: string;
  let service: VaultService;
  const opened: string[] = [];
  const host = (extra: Partial<ApiHost> = {}): ApiHost => ({
    kind: 'browser',
    readOnly: false,
    openExternal: (url) => void opened.push(url),
    dataDir,
    ...extra,
  });

  beforeAll(async () => {
    root = makeVault({
      'A.md': 'see [[B]] and B again',
      'B.md': '---\naliases: [Bee]\n---\n# B',
      'C.md': 'mentions bee here, not [[Bee]]',
      'img.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    outside = makeTempDir();
    dataDir = makeTempDir();
    fs.symlinkSync(outside, path.join(root, 'escape'));
    service = await VaultService.open(root, { cacheDir: null, workers: 0, watch: false });
  });
  afterAll(async () => {
    await service.close();
    [root, outside, dataDir].forEach(removeDir);
  });

  test('reads validate paths and require indexed files', async () => {
    const api = createApiHandlers(service, host());
    expect(await api.readNote(unchecked('../A.md'))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await api.readNote(vp('Z.md'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.readNote(vp('img.svg'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.readNote(7 as unknown as VaultPath)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.readNote(vp('A.md'))).toMatchObject({ ok: true, value: { content: 'see [[B]] and B again' } });
    const backlinks = await api.getBacklinks(vp('B.md'));
    expect(backlinks.ok && backlinks.value.map((g) => [g.source, g.links.length])).toEqual([['A.md', 1]]);
    expect(await api.resolveLink(vp('A.md'), 'B')).toEqual({ resolved: 'B.md', kind: 'note', createPath: null });
    expect(await api.resolveLink(vp('A.md'), 'New Note')).toEqual({ resolved: null, kind: null, createPath: 'New Note.md' });
    // A target no vault path can name ('\\', a control character) is offered for no creation.
    expect(await api.resolveLink(vp('A.md'), 'New\\Note')).toEqual({ resolved: null, kind: null, createPath: null });
    expect(await api.resolveLink(vp('A.md'), 'New\u0001Note')).toEqual({ resolved: null, kind: null, createPath: null });
    expect(await api.search(5 as unknown as string)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.search('x'.repeat(5000))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('too long') } });
    expect(await api.getVaultInfo()).toMatchObject({ host: 'browser', readOnly: false, status: { state: 'ready', notes: 3 } });
  });

  test('unlinked mentions (title or alias, whole word) skip notes that link and single letters', async () => {
    const api = createApiHandlers(service, host());
    const mentions = await api.getUnlinkedMentions(vp('B.md'));
    expect(mentions).toEqual({
      ok: true,
      value: [
        {
          source: 'C.md',
          sourceTitle: 'C',
          line: 1,
          context: 'mentions bee here, not [[Bee]]',
          matched: 'Bee',
          column: 9,
          written: 'bee',
          snippet: 'mentions \uE000bee\uE001 here, not Bee',
        },
      ],
    });
  });

  test('svg attachments are served as image/svg+xml data URLs', async () => {
    const api = createApiHandlers(service, host());
    const result = await api.readAttachment(vp('img.svg'));
    expect(result).toMatchObject({ ok: true, value: { mime: 'image/svg+xml' } });
    if (result.ok) expect(Buffer.from(result.value.dataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
  });

  test('writes are read-only without a writer or on a read-only host', async () => {
    for (const api of [createApiHandlers(service, host()), createApiHandlers(service, host({ readOnly: true, writer: {} as NoteWriter }))]) {
      expect(await api.writeNote(vp('A.md'), 'x', null)).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(await api.deleteNote(vp('A.md'))).toMatchObject({ ok: false, error: { code: 'read-only' } });
    }
  });

  test('writes resolve symlinks and refuse targets outside the vault', async () => {
    const calls: string[] = [];
    const writer = { createNote: async (p: string) => (calls.push(p), { ok: true, value: { hash: 'h', mtimeMs: 1 } }) } as unknown as NoteWriter;
    const api = createApiHandlers(service, host({ writer }));
    expect(await api.createNote(vp('escape/x.md'), 'x')).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await api.createNote(unchecked('../x.md'), 'x')).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await api.createNote(vp('new/folder/x.md'), 'x')).toEqual({ ok: true, value: { hash: 'h', mtimeMs: 1 } });
    expect(calls).toEqual(['new/folder/x.md']);
    expect(resolveForWrite(root, vp('escape/deeper/y.md'))).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
  });

  test('openExternal allows only http(s) and mailto', async () => {
    const api = createApiHandlers(service, host());
    expect(await api.openExternal('file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.openExternal('https://example.com')).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://example.com']);
  });

  test('graph layout and settings persist in the data dir, not the vault', async () => {
    const api = createApiHandlers(service, host());
    expect(await api.getGraphLayout()).toBeNull();
    const layout = { positions: { 'A.md': { x: 1, y: 2 } }, pinned: ['A.md'] };
    expect(await api.saveGraphLayout(layout)).toEqual({ ok: true, value: null });
    expect(await createApiHandlers(service, host()).getGraphLayout()).toEqual(layout);
    expect(await api.saveGraphLayout({ positions: { a: { x: Infinity, y: 0 } }, pinned: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.saveGraphSettings({ showTags: true })).toEqual({ ok: true, value: null });
    expect(await api.getGraphSettings()).toEqual({ showTags: true });
    expect(fs.readdirSync(root).sort()).toEqual(['A.md', 'B.md', 'C.md', 'escape', 'img.svg']);
  });
});
