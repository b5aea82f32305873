import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { nodeWriterFs, type WriterFs } from '../../../main/service/write/note-writer-fs';
import { makeTempVault, openWriter, sha256, type TempVault } from './writer-fixture';
import { vp } from '../../support/vault-path';

let vault: TempVault;
afterEach(() => vault.cleanup());

function errno(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The real fs with one call replaced by a failure. */
function failing(call: keyof WriterFs, code: string, message: string): WriterFs {
  return {
    ...nodeWriterFs,
    [call]: async () => {
      throw errno(code, message);
    },
  };
}

describe('write failures leave the original intact and no temp file', () => {
  test.each([
    ['writeNewFile', 'ENOSPC', 'no space left on device, write', 'the disk is full'],
    ['writeNewFile', 'EACCES', 'permission denied, open', 'permission denied'],
    ['rename', 'EACCES', 'permission denied, rename', 'permission denied'],
    ['rename', 'EROFS', 'read-only file system, rename', 'read-only'],
  ] as const)('%s fails with %s', async (call, code, message, reason) => {
    vault = makeTempVault({ 'A.md': 'original\n' });
    const { writer } = await openWriter(vault, { fs: failing(call, code, message) });
    const res = await writer.writeNote(vp('A.md'), 'new\n', sha256('original\n'));
    expect(res).toEqual({ ok: false, error: { code: 'io-error', message: expect.stringContaining(reason) } });
    if (!res.ok) expect(res.error.message).toContain('"A.md"');
    expect(vault.read('A.md')).toBe('original\n');
    expect(vault.allFiles()).toEqual(['A.md']);
  });

  test('a write that fails half-way (disk full after some bytes) cleans up its partial temp file', async () => {
    vault = makeTempVault({ 'A.md': 'original\n' });
    const io: WriterFs = {
      ...nodeWriterFs,
      async writeNewFile(abs, data, mode) {
        await nodeWriterFs.writeNewFile(abs, data.subarray(0, 2), mode);
        throw errno('ENOSPC', 'no space left on device, write');
      },
    };
    const { writer } = await openWriter(vault, { fs: io });
    expect((await writer.writeNote(vp('A.md'), 'much longer new text\n', null)).ok).toBe(false);
    expect(vault.allFiles()).toEqual(['A.md']);
    expect(vault.read('A.md')).toBe('original\n');
  });

  test('the folder was deleted: an io-error explaining it, nothing created', async () => {
    vault = makeTempVault({ 'Gone/A.md': 'x\n' });
    const { writer } = await openWriter(vault, {
      fs: {
        ...nodeWriterFs,
        mkdir: async () => {
          throw errno('ENOENT', 'no such file or directory, mkdir');
        },
      },
    });
    (await import('node:fs')).rmSync(`${vault.root}/Gone`, { recursive: true });
    const res = await writer.writeNote(vp('Gone/A.md'), 'mine\n', null);
    expect(res).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('no longer exists') } });
  });

  test('throwing between temp write and rename leaves the old file whole and no temp file', async () => {
    vault = makeTempVault({ 'A.md': 'old\n' });
    let sawTemp: string[] = [];
    const { writer } = await openWriter(vault, {
      hooks: {
        beforeRename(temp) {
          sawTemp = vault.allFiles();
          expect(path.basename(temp)).toMatch(/^\.A\.md\.[0-9a-f]+\.plexus-tmp$/);
          throw errno('EIO', 'simulated crash point');
        },
      },
    });
    const res = await writer.writeNote(vp('A.md'), 'new\n', null);
    expect(res).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(sawTemp).toHaveLength(2); // the temp file existed at the hook point, next to the note
    expect(vault.read('A.md')).toBe('old\n');
    expect(vault.allFiles()).toEqual(['A.md']);
  });

  test('a process killed (SIGKILL) between temp write and rename: old file whole; temp swept on next open', async () => {
    vault = makeTempVault({ 'Sub/A.md': 'old\n' });
    const script = path.join(__dirname, 'kill-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, vault.root], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('AT-HOOK')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(vault.read('Sub/A.md')).toBe('old\n');
    const stale = vault.allFiles().filter((f) => f.endsWith('.plexus-tmp'));
    expect(stale).toHaveLength(1);
    expect(vault.read(stale[0])).toBe('new content\n'); // the new file was whole in its temp
    await openWriter(vault); // opening sweeps stale temp files
    expect(vault.allFiles()).toEqual(['Sub/A.md']);
  });
});
