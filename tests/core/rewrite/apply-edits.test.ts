import { applyEdits } from '../../../main/core/rewrite/apply-edits';
import { encodeDest, findMarkdownDest, findWikiTarget } from '../../../main/core/rewrite/link-source';
import { relativePath } from '../../../main/core/paths';

describe('applyEdits', () => {
  test('applies edits in any order', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 5, replacement: 'E' },
        { start: 0, end: 1, replacement: 'AA' },
      ]),
    ).toBe('AAbcdEf');
  });
  test('no edits returns the text unchanged', () => {
    expect(applyEdits('same', [])).toBe('same');
  });
  test('overlapping or out-of-range edits are planner bugs and throw', () => {
    expect(() =>
      applyEdits('abc', [
        { start: 0, end: 2, replacement: '' },
        { start: 1, end: 3, replacement: '' },
      ]),
    ).toThrow(/overlapping/);
    expect(() => applyEdits('abc', [{ start: 2, end: 9, replacement: '' }])).toThrow();
  });
});

describe('link source spans', () => {
  test.each([
    ['[[Note]]', 'Note'],
    ['![[Note#H|a]]', 'Note'],
    ['[[ Note ]]', 'Note'],
    ['[[Note\\|a]]', 'Note'],
    ['[[#H]]', ''],
  ])('wiki %s', (slice, written) => {
    const span = findWikiTarget(slice);
    expect(span?.written).toBe(written);
    if (span) expect(slice.slice(span.start, span.end)).toBe(written);
  });

  test.each([
    ['[a](x%20y.md#h)', 'x%20y.md', false],
    ['![a [b]](p.png "t")', 'p.png', false],
    ['[a](<x y.md>)', 'x y.md', true],
    ['[a](f(1).md)', 'f(1).md', false],
  ])('markdown %s', (slice, raw, angle) => {
    expect(findMarkdownDest(slice)).toMatchObject({ raw, angle });
  });

  test('encodes what would break a destination', () => {
    expect(encodeDest('a b/c(1)#%.md', false)).toBe('a%20b/c%281%29%23%25.md');
    expect(encodeDest('a b.md', true)).toBe('a b.md');
  });

  test('relative paths', () => {
    expect(relativePath('A/B', 'A/C/x.md')).toBe('../C/x.md');
    expect(relativePath('', 'A/x.md')).toBe('A/x.md');
    expect(relativePath('A', 'A/x.md')).toBe('x.md');
  });
});
