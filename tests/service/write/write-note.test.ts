import { makeTempVault, openWriter, sha256, type TempVault } from './writer-fixture';
import { unchecked, vp } from '../../support/vault-path';

let vault: TempVault;
afterEach(() => vault.cleanup());

describe('writeNote', () => {
  test('keeps CRLF line endings and the trailing newline', async () => {
    vault = makeTempVault({ 'A.md': '# A\r\nold\r\n' });
    const { writer } = await openWriter(vault);
    const res = await writer.writeNote(vp('A.md'), '# A\nnew line\nmore', sha256(vault.bytes('A.md')));
    expect(res.ok).toBe(true);
    expect(vault.read('A.md')).toBe('# A\r\nnew line\r\nmore\r\n');
  });

  test('keeps LF files LF, without adding a missing trailing newline, and keeps a BOM', async () => {
    vault = makeTempVault({ 'A.md': Buffer.from('\uFEFFone\ntwo', 'utf8') });
    const { writer } = await openWriter(vault);
    const res = await writer.writeNote(vp('A.md'), 'one\r\ntwo\r\nthree\n', sha256(vault.bytes('A.md')));
    expect(res.ok).toBe(true);
    expect(vault.bytes('A.md').equals(Buffer.from('\uFEFFone\ntwo\nthree', 'utf8'))).toBe(true);
  });

  test('returns the hash of the bytes on disk and announces it before writing', async () => {
    vault = makeTempVault({ 'A.md': 'x\n' });
    const { writer, service } = await openWriter(vault);
    const res = await writer.writeNote(vp('A.md'), 'y\n', null);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.hash).toBe(sha256(vault.bytes('A.md')));
    expect(res.value.mtimeMs).toBeGreaterThan(0);
    expect(service.expected).toEqual([{ path: 'A.md', hash: res.value.hash }]);
  });

  test('an external write after our last read is a conflict; both versions survive', async () => {
    vault = makeTempVault({ 'A.md': 'base\n' });
    const { writer } = await openWriter(vault);
    const seen = sha256(vault.bytes('A.md'));
    vault.write('A.md', 'theirs\n'); // another program saves meanwhile
    const mine = 'mine\n';
    const res = await writer.writeNote(vp('A.md'), mine, seen);
    expect(res).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed on disk') } });
    expect(vault.read('A.md')).toBe('theirs\n');
    // The editor keeps "mine" and the user picks Keep both: it lands in a conflict copy.
    const copy = await writer.createNote(vp('A (conflict 2024-05-01 0930).md'), mine);
    expect(copy.ok).toBe(true);
    expect(vault.read('A (conflict 2024-05-01 0930).md')).toBe(mine);
    expect(vault.read('A.md')).toBe('theirs\n');
    // Keep mine instead: overwrite knowingly, with their hash.
    const overwrite = await writer.writeNote(vp('A.md'), mine, sha256(vault.bytes('A.md')));
    expect(overwrite.ok).toBe(true);
    expect(vault.read('A.md')).toBe(mine);
  });

  test('a note deleted on disk is a conflict with a hash, and recreated with null', async () => {
    vault = makeTempVault({ 'Sub/A.md': 'x\n' });
    const { writer } = await openWriter(vault);
    const seen = sha256(vault.bytes('Sub/A.md'));
    (await import('node:fs')).rmSync(`${vault.root}/Sub`, { recursive: true });
    expect(await writer.writeNote(vp('Sub/A.md'), 'back\n', seen)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await writer.writeNote(vp('Sub/A.md'), 'back\n', null)).toMatchObject({ ok: true });
    expect(vault.read('Sub/A.md')).toBe('back\n');
  });

  test('rejects paths outside the vault and non-notes', async () => {
    vault = makeTempVault();
    const { writer } = await openWriter(vault);
    expect(await writer.writeNote(unchecked('../x.md'), 'x', null)).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await writer.writeNote(unchecked('/etc/x.md'), 'x', null)).toMatchObject({ ok: false, error: { code: 'outside-vault' } });
    expect(await writer.writeNote(vp('a.png'), 'x', null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await writer.createNote(vp('.obsidian/x.md'), 'x')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(vault.allFiles()).toEqual([]);
  });

  // The writer uses the same guard as the API, so a direct caller cannot make a folder called 'c:'.
  test('refuses what toVaultPath refuses: drive letters and control characters', async () => {
    vault = makeTempVault();
    const { writer } = await openWriter(vault);
    expect(await writer.createNote(unchecked('c:/x.md'), 'x')).toMatchObject({
      ok: false,
      error: { code: 'outside-vault', message: expect.stringContaining('is absolute') },
    });
    expect(await writer.createNote(unchecked('a\u0001b.md'), 'x')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('control characters') },
    });
    expect(vault.allFiles()).toEqual([]);
  });

  test('keeps the file mode across the replace', async () => {
    vault = makeTempVault({ 'A.md': 'x\n' });
    const fs = await import('node:fs');
    fs.chmodSync(`${vault.root}/A.md`, 0o600);
    const { writer } = await openWriter(vault);
    await writer.writeNote(vp('A.md'), 'y\n', null);
    expect(fs.statSync(`${vault.root}/A.md`).mode & 0o777).toBe(0o600);
  });
});

describe('createNote', () => {
  test('creates parent folders and refuses to overwrite', async () => {
    vault = makeTempVault({ 'B.md': 'keep\n' });
    const { writer } = await openWriter(vault);
    expect((await writer.createNote(vp('Deep/Er/New.md'), 'hello')).ok).toBe(true);
    expect(vault.read('Deep/Er/New.md')).toBe('hello');
    expect(await writer.createNote(vp('B.md'), 'clobber')).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(vault.read('B.md')).toBe('keep\n');
    expect(vault.allFiles()).toEqual(['B.md', 'Deep/Er/New.md']);
  });
});
