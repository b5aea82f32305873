/** The storage port's in-memory adapter, alone and under a real VaultService. */
import * as fs from 'node:fs';
import type { VaultEvent } from '../../../main/contract/api-contract';
import { hashText } from '../../../main/service/files/read-vault-file';
import { MemoryVaultFs } from '../../../main/service/files/memory-vault-fs';
import { VaultService } from '../../../main/service/vault-service';
import { openMemoryVault, type MemoryVault } from '../memory-vault';
import { until } from '../temp-vault';
import { vp } from '../../support/vault-path';

describe('MemoryVaultFs', () => {
  test('gives the errors node:fs gives, messages starting with the code', async () => {
    const memory = new MemoryVaultFs({ '/v/a.md': 'A', '/v/sub/b.md': 'B' });
    await expect(memory.readFile('/v/none.md')).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/^ENOENT: /) });
    await expect(memory.writeNewFile('/v/a.md', new Uint8Array([1]), undefined)).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(memory.writeNewFile('/v/no/c.md', new Uint8Array([1]), undefined)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(memory.link('/v/a.md', '/v/sub/b.md')).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(memory.rename('/v/a.md', '/v/sub')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(() => memory.statSync('/v/a.md/x')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(memory.readdirSync('/v').map((e) => [e.name, e.isFile(), e.isDirectory()])).toEqual([
      ['a.md', true, false],
      ['sub', false, true],
    ]);
  });

  test('a folder rename moves everything below it; mtimes never repeat', async () => {
    const memory = new MemoryVaultFs({ '/v/sub/b.md': 'B', '/v/sub/deep/c.md': 'C' });
    const before = memory.statSync('/v/sub/b.md').mtimeMs;
    await memory.rename('/v/sub', '/v/moved');
    expect(memory.files()).toEqual(['/v/moved/b.md', '/v/moved/deep/c.md']);
    memory.writeFileSync('/v/moved/b.md', 'B');
    expect(memory.statSync('/v/moved/b.md').mtimeMs).toBeGreaterThan(before);
  });
});

describe('a VaultService over the memory adapter', () => {
  let vault: MemoryVault;
  afterEach(() => vault.close());

  test('opens, indexes and reads without touching the disk', async () => {
    vault = await openMemoryVault(
      { 'A.md': 'Links [[B]].\n', 'Sub/B.md': '# B\n', 'img.png': new Uint8Array([1, 2, 3]) },
      { root: '/no-such-folder-on-disk/Vault' },
    );
    expect(fs.existsSync('/no-such-folder-on-disk')).toBe(false);
    expect((await vault.handlers.getVaultInfo()).name).toBe('Vault');
    expect((await vault.handlers.listFiles()).map((f) => [f.path, f.kind])).toEqual([
      ['A.md', 'note'],
      ['Sub/B.md', 'note'],
      ['img.png', 'attachment'],
    ]);
    expect(await vault.handlers.readNote(vp('A.md'))).toMatchObject({ ok: true, value: { content: 'Links [[B]].\n', hash: hashText('Links [[B]].\n') } });
    expect(await vault.handlers.getBacklinks(vp('Sub/B.md'))).toMatchObject({ ok: true, value: [{ source: 'A.md' }] });
    expect(await vault.handlers.readAttachment(vp('img.png'))).toEqual({ ok: true, value: { mime: 'image/png', dataUrl: 'data:image/png;base64,AQID' } });
  });

  test('writes, creates, renames and deletes go through the port; no temp file is left', async () => {
    vault = await openMemoryVault({ 'A.md': 'Links [[B]].\n', 'B.md': 'b\n' });
    const { handlers } = vault;
    expect(await handlers.writeNote(vp('A.md'), 'Links [[B]] again.\n', hashText('Links [[B]].\n'))).toMatchObject({ ok: true });
    expect(vault.fs.readText(vault.abs('A.md'))).toBe('Links [[B]] again.\n');
    expect(await handlers.writeNote(vp('A.md'), 'stale\n', hashText('Links [[B]].\n'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await handlers.createNote(vp('New/C.md'), 'c\n')).toMatchObject({ ok: true });
    expect(await handlers.createNote(vp('New/C.md'), 'again\n')).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await handlers.renameNote(vp('B.md'), vp('Renamed.md'))).toMatchObject({ ok: true, value: { changed: ['A.md'] } });
    expect(vault.fs.readText(vault.abs('A.md'))).toBe('Links [[Renamed]] again.\n');
    expect(await handlers.deleteNote(vp('New/C.md'))).toMatchObject({ ok: true });
    expect(vault.fs.files()).toEqual(['/vault/.trash/C.md', '/vault/A.md', '/vault/Renamed.md']);
    // The removal reaches the index through the watch, as on disk.
    await until(() => vault.service.fileKind(vp('New/C.md')) === null);
    expect((await handlers.listFiles()).map((f) => f.path)).toEqual(['A.md', 'Renamed.md']);
  });

  test('a change made by another program arrives through the memory watch', async () => {
    vault = await openMemoryVault({ 'A.md': 'plain\n', 'B.md': 'b\n' });
    await vault.service.whenWatching();
    const events: VaultEvent[] = [];
    vault.service.onEvent((event) => events.push(event));
    vault.fs.writeFileSync(vault.abs('A.md'), 'now links [[B]]\n');
    await until(() => events.some((e) => e.type === 'external-change' && e.path === 'A.md'));
    expect(await vault.handlers.getBacklinks(vp('B.md'))).toMatchObject({ ok: true, value: [{ source: 'A.md' }] });
    vault.fs.removeSync(vault.abs('B.md'));
    await until(() => events.some((e) => e.type === 'external-change' && e.path === 'B.md' && e.deleted));
    expect(vault.service.fileKind(vp('B.md'))).toBeNull();
  });

  test('workers are not used for a vault that is not on disk', async () => {
    const memory = new MemoryVaultFs({ '/v/A.md': 'a' });
    const service = await VaultService.open('/v', { fs: memory, workers: 4, cacheDir: null, watch: false });
    expect(service.readNote(vp('A.md'))).toMatchObject({ ok: true, value: { content: 'a' } });
    await service.close();
  });
});
