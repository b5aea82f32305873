import {
  attachmentFolder,
  cleanFolder,
  freePath,
  imageExtension,
  numberedPath,
  pastedImageName,
  safeFileName,
} from '../../../main/core/attachments/attachment-names';
import { vp } from '../../support/vault-path';

describe('pastedImageName', () => {
  test.each([
    [new Date(2024, 2, 5, 14, 30, 9), 'Pasted image 20240305143009.png'],
    [new Date(2023, 11, 31, 23, 59, 59), 'Pasted image 20231231235959.png'],
    [new Date(2025, 0, 1, 0, 0, 0), 'Pasted image 20250101000000.png'],
  ])('%s -> %s (local time, zero-padded)', (when, name) => {
    expect(pastedImageName(when)).toBe(name);
  });

  test('keeps the extension it is given', () => {
    expect(pastedImageName(new Date(2024, 0, 2, 3, 4, 5), 'jpg')).toBe('Pasted image 20240102030405.jpg');
  });
});

test.each([
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/svg+xml', 'svg'],
  ['image/webp', 'webp'],
  ['image/x-weird', 'png'],
])('imageExtension(%s) = %s', (mime, ext) => expect(imageExtension(mime)).toBe(ext));

describe('numberedPath and freePath', () => {
  test.each([
    ['a/b.png', 0, 'a/b.png'],
    ['a/b.png', 1, 'a/b 1.png'],
    ['a/b.png', 12, 'a/b 12.png'],
    ['Pasted image 20240305143009.png', 2, 'Pasted image 20240305143009 2.png'],
    ['archive.tar.gz', 1, 'archive.tar 1.gz'],
    ['README', 3, 'README 3'],
    ['.env', 1, '.env 1'],
  ])('%s numbered %d is %s', (path, n, expected) => expect(numberedPath(vp(path), n)).toBe(expected));

  test('the first free name, counting up from the bare name', () => {
    const taken = new Set(['x.png', 'x 1.png', 'x 3.png']);
    expect(freePath(vp('x.png'), (p) => taken.has(p))).toBe('x 2.png');
    expect(freePath(vp('y.png'), (p) => taken.has(p))).toBe('y.png');
    expect(freePath(vp('x.png'), () => true, 5)).toBeNull();
  });
});

describe('attachmentFolder', () => {
  test.each([
    [{ kind: 'root' } as const, 'a/b/Note.md', ''],
    [{ kind: 'folder', folder: 'assets' } as const, 'a/b/Note.md', 'assets'],
    [{ kind: 'folder', folder: '/assets/img/ ' } as const, 'Note.md', 'assets/img'],
    [{ kind: 'folder', folder: '' } as const, 'Note.md', ''],
    [{ kind: 'note-folder' } as const, 'a/b/Note.md', 'a/b'],
    [{ kind: 'note-folder' } as const, 'Note.md', ''],
  ])('%j for %s is %j', (location, note, folder) => expect(attachmentFolder(location, vp(note))).toBe(folder));

  test('cleanFolder drops "." and empty segments and turns backslashes into slashes', () => {
    expect(cleanFolder('./a\\b//c/')).toBe('a/b/c');
  });
});

test.each([
  ['photo.jpg', 'photo.jpg'],
  ['a/b\\c.png', 'a b c.png'],
  ['..hidden.png', 'hidden.png'],
  ['  ', 'Attachment'],
  ['what?.pdf', 'what .pdf'],
])('safeFileName(%j) = %j', (name, safe) => expect(safeFileName(name)).toBe(safe));
