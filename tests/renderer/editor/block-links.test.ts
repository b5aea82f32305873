import { blockAt, blockIdsIn, ensureBlockId, headingAt, headingSubpath, newBlockId } from '../../../renderer/src/editor/block-links';

const lines = (text: string) => text.split('\n');

describe('blockAt: where the block at a line starts and ends', () => {
  const doc = lines(
    [
      '---', //            0
      'title: x', //       1
      '---', //            2
      '# Heading', //      3
      'First line of', //  4
      'a paragraph.', //   5
      '', //               6
      '- item one', //     7
      '  continued', //    8
      '  - nested', //     9
      '- item two ^abc', // 10
      '', //               11
      '> quote a', //      12
      '> quote b', //      13
      '', //               14
      '```js', //          15
      'code();', //        16
      '```', //            17
      '', //               18
      '| a | b |', //      19
      '| - | - |', //      20
      '| 1 | 2 |', //      21
      '^tbl', //           22
      '', //               23
      '---', //            24
      'Last', //           25
    ].join('\n'),
  );
  test.each([
    [0, null],
    [1, null],
    [6, null],
    [24, null],
    [3, { kind: 'heading', startLine: 3, endLine: 3, id: null }],
    [4, { kind: 'paragraph', startLine: 4, endLine: 5, id: null, placement: 'end-of-line' }],
    [5, { kind: 'paragraph', startLine: 4, endLine: 5 }],
    [7, { kind: 'list-item', startLine: 7, endLine: 8, id: null }],
    [8, { kind: 'list-item', startLine: 7, endLine: 8 }],
    [9, { kind: 'list-item', startLine: 9, endLine: 9 }],
    [10, { kind: 'list-item', startLine: 10, endLine: 10, id: 'abc' }],
    [13, { kind: 'quote', startLine: 12, endLine: 13 }],
    [16, { kind: 'code', startLine: 15, endLine: 17, placement: 'own-line', id: null }],
    [20, { kind: 'table', startLine: 19, endLine: 21, placement: 'own-line', id: 'tbl' }],
    [22, { kind: 'table', startLine: 19, endLine: 21, id: 'tbl' }],
    [25, { kind: 'paragraph', startLine: 25, endLine: 25 }],
  ])('line %d', (line, expected) => {
    const block = blockAt(doc, line);
    if (expected === null) expect(block).toBeNull();
    else expect(block).toMatchObject(expected);
  });
});

describe('ensureBlockId', () => {
  const fixed = (s: string) => {
    let i = 0;
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
    return () => chars.indexOf(s[i++ % s.length]) / chars.length + 1e-9;
  };

  test('adds " ^id" at the end of the block\'s last line, trailing spaces dropped', () => {
    expect(ensureBlockId(lines('one\ntwo  \n\nthree'), 0, fixed('x1y2z3'))).toEqual({ id: 'x1y2z3', change: { line: 1, column: 3, insert: ' ^x1y2z3' } });
  });

  test('a list item gets its id at the end of its own text, not after its children', () => {
    expect(ensureBlockId(lines('- a\n  more\n  - child'), 0, fixed('aaaaaa'))).toEqual({ id: 'aaaaaa', change: { line: 1, column: 6, insert: ' ^aaaaaa' } });
  });

  test('a block with an id keeps it: nothing is changed', () => {
    expect(ensureBlockId(lines('para ^old-1'), 0)).toEqual({ id: 'old-1', change: null });
  });

  test('code blocks and tables get the id on a line of their own after them', () => {
    expect(ensureBlockId(lines('```\nx\n```'), 1, fixed('cccccc'))).toEqual({ id: 'cccccc', change: { line: 2, column: 3, insert: '\n^cccccc' } });
  });

  test('no id on a blank line or a heading (that is a heading link)', () => {
    expect(ensureBlockId(lines('# H\n\ntext'), 0)).toBeNull();
    expect(ensureBlockId(lines('# H\n\ntext'), 1)).toBeNull();
  });

  test('a new id is never one the note already has', () => {
    // The random source first repeats an id in the note (case-insensitively), then gives a new one.
    const seq = 'abc123' + 'zzzzzz';
    const text = lines('x ^ABC123\n\ny');
    expect(ensureBlockId(text, 2, fixed(seq))).toMatchObject({ id: 'zzzzzz' });
  });
});

describe('block ids', () => {
  test('blockIdsIn finds ids at line ends, lower-cased, and skips code', () => {
    expect([...blockIdsIn(lines('a ^One\n```\nb ^two\n```\n^three\nc^no'))].sort()).toEqual(['one', 'three']);
  });

  test('newBlockId is 6 chars of [a-z0-9], and many are unique', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = newBlockId(taken);
      expect(id).toMatch(/^[a-z0-9]{6}$/);
      expect(taken.has(id)).toBe(false);
      taken.add(id);
    }
  });

  test('a random source that only repeats taken ids is an error, not a loop', () => {
    expect(() => newBlockId(new Set(['aaaaaa']), () => 0)).toThrow(/no free block id/);
  });
});

describe('headingAt and headingSubpath', () => {
  const doc = lines('intro\n# One\ntext\n```\n# not a heading\n```\n## Two [[x]] #tag\nunder two');
  test.each([
    [0, null],
    [1, 'One'],
    [2, 'One'],
    [4, 'One'],
    [6, 'Two [[x]] #tag'],
    [7, 'Two [[x]] #tag'],
  ])('line %d is under %j', (line, heading) => expect(headingAt(doc, line)).toBe(heading));

  test('closing #s are not part of the heading', () => {
    expect(headingAt(lines('### Three ###'), 0)).toBe('Three');
  });

  test('characters a link cannot hold become spaces', () => {
    expect(headingSubpath('Two [[x]] #tag')).toBe('Two x tag');
    expect(headingSubpath('a|b^c')).toBe('a b c');
  });
});
