import { creationTimes } from '../../../main/service/files/creation-times';
import type { VaultFsStat } from '../../../main/service/files/vault-fs';
import { vp } from '../../support/vault-path';

const stat = (birthtimeMs: number | undefined, mtimeMs: number): VaultFsStat => ({
  size: 1,
  ino: 1,
  mode: 0o100644,
  mtimeMs,
  birthtimeMs,
  isFile: () => true,
  isDirectory: () => false,
  isSymbolicLink: () => false,
});

const fail = (code: string) => Object.assign(new Error(code), { code });

describe('creationTimes', () => {
  const files: Record<string, VaultFsStat | Error> = {
    '/v/born.md': stat(100, 900),
    '/v/zero.md': stat(0, 800),
    '/v/none.md': stat(undefined, 700),
    '/v/gone.md': fail('ENOENT'),
  };
  const fs = {
    statSync(abs: string) {
      const f = files[abs];
      if (f instanceof Error) throw f;
      return f;
    },
  };

  it('gives the birthtime where the file system has one, else the mtime, and leaves out files gone since', () => {
    expect(creationTimes(fs, '/v', [vp('born.md'), vp('zero.md'), vp('none.md'), vp('gone.md')])).toEqual({ 'born.md': 100, 'zero.md': 800, 'none.md': 700 });
  });

  it('does not hide other stat errors', () => {
    files['/v/denied.md'] = fail('EACCES');
    expect(() => creationTimes(fs, '/v', [vp('denied.md')])).toThrow('EACCES');
  });
});
