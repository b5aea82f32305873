import {
  basename,
  dirname,
  extname,
  folderDepth,
  isNotePath,
  join,
  joinRelative,
  normalize,
  relativePath,
  stripMd,
  titleFromPath,
  topFolder,
} from '../../main/core/paths';

describe('vault paths', () => {
  test.each([
    ['a/b/C.md', 'a/b', 'C.md', '.md', 'C', 'a', 2],
    ['C.md', '', 'C.md', '.md', 'C', '', 0],
    ['img/x.PNG', 'img', 'x.PNG', '.png', 'x.PNG', 'img', 1],
    ['v1.2.md', '', 'v1.2.md', '.md', 'v1.2', '', 0],
    ['.hidden', '', '.hidden', '', '.hidden', '', 0],
    ['a/noext', 'a', 'noext', '', 'noext', 'a', 1],
    ['A/B.MD', 'A', 'B.MD', '.md', 'B', 'A', 1],
  ])('%s', (path, dir, base, ext, title, top, depth) => {
    expect(dirname(path)).toBe(dir);
    expect(basename(path)).toBe(base);
    expect(extname(path)).toBe(ext);
    expect(titleFromPath(path)).toBe(title);
    expect(topFolder(path)).toBe(top);
    expect(folderDepth(path)).toBe(depth);
  });

  test('isNotePath and stripMd ignore case and touch only a trailing .md', () => {
    expect([isNotePath('a.md'), isNotePath('a.MD'), isNotePath('a.mdx'), isNotePath('a.md.png')]).toEqual([true, true, false, false]);
    expect([stripMd('a.Md'), stripMd('a.md.md'), stripMd('amd'), stripMd('x.png')]).toEqual(['a', 'a.md', 'amd', 'x.png']);
  });

  test('join', () => {
    expect(join('', 'x.md')).toBe('x.md');
    expect(join('a/b', '')).toBe('a/b');
    expect(join('a/b', '../x.md')).toBe('a/b/../x.md');
  });

  test.each([
    ['a/./b/../c.md', 'a/c.md'],
    ['a//b/', 'a/b'],
    ['/a/b.md', 'a/b.md'],
    ['./x', 'x'],
    ['a/..', ''],
    ['..', null],
    ['a/../../x', null],
    ['../a', null],
  ])('normalize(%s)', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('joinRelative resolves a link path against a folder and refuses one that leaves the vault', () => {
    expect(joinRelative('a/b', '../c/x.md')).toBe('a/c/x.md');
    expect(joinRelative('', './x.md')).toBe('x.md');
    expect(joinRelative('a', '')).toBe('a');
    expect(joinRelative('a', '../../x.md')).toBeNull();
  });

  test('relativePath', () => {
    expect(relativePath('a/b', 'a/c/x.md')).toBe('../c/x.md');
    expect(relativePath('', 'a/x.md')).toBe('a/x.md');
    expect(relativePath('a', 'x.md')).toBe('../x.md');
    expect(relativePath('a', 'a/x.md')).toBe('x.md');
  });
});
