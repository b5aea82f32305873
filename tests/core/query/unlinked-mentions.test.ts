import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { findMentionsInText, findUnlinkedMentions, mentionTerms } from '../../../main/core/query/unlinked-mentions';
import { makeNote } from '../graph/make-note';
import { vp } from '../../support/vault-path';

const target = { path: vp('Math/Vectors.md'), title: 'Vectors', aliases: ['vector space', 'VS'] };

describe('findMentionsInText', () => {
  test.each([
    ['title, any case', 'We use vectors here.', [[1, 'Vectors']]],
    ['alias with a space', 'A Vector  space? No: a vector space.', [[1, 'vector space']]],
    ['whole words only', 'Vectorspace and subVectors and VS2 and _VS', []],
    ['unicode word boundary', 'überVectors Vectorsé Vectors!', [[1, 'Vectors']]],
    [
      'one per line, the leftmost term (title and alias on one line: listed once)',
      'Vectors, vectors; VS and VS\nVS then Vectors',
      [
        [1, 'Vectors'],
        [2, 'VS'],
      ],
    ],
    [
      'not in links, code or frontmatter',
      '---\naliases: [Vectors]\n---\n[[Vectors]] `Vectors` [v](Vectors.md)\n```\nVectors\n```\nplain Vectors',
      [[8, 'Vectors']],
    ],
  ] as const)('%s', (_what, text, expected) => {
    expect(findMentionsInText(text, ['vector space', 'Vectors', 'VS']).map((m) => [m.line, m.matched])).toEqual(expected);
  });

  test('terms: title and aliases, distinct ignoring case, two characters or more, longest first', () => {
    expect(mentionTerms({ path: vp('x.md'), title: 'Vectors', aliases: ['vectors', 'V', ' vector space ', 'VS'] })).toEqual(['vector space', 'Vectors', 'VS']);
  });

  test('context is the trimmed line, or a window around the mention in a long line', () => {
    expect(findMentionsInText('   about Vectors   ', ['Vectors'])[0].context).toBe('about Vectors');
    const long = `${'x '.repeat(300)}Vectors${' y'.repeat(300)}`;
    const context = findMentionsInText(long, ['Vectors'])[0].context;
    expect(context).toContain('Vectors');
    expect(context.length).toBeLessThanOrEqual(202);
    expect(context.startsWith('…') && context.endsWith('…')).toBe(true);
  });

  test('CRLF lines', () => {
    expect(findMentionsInText('a\r\nb Vectors\r\n', ['Vectors'])).toEqual([
      { line: 2, context: 'b Vectors', matched: 'Vectors', column: 2, written: 'Vectors' },
    ]);
  });

  test('regex characters in a title are literal', () => {
    expect(findMentionsInText('C++ (and C) or Cxx', ['C++']).map((m) => m.line)).toEqual([1]);
    expect(findMentionsInText('Cxx', ['C++'])).toEqual([]);
  });
});

describe('findUnlinkedMentions', () => {
  const graph = new VaultGraph();
  graph.applyChanges({ upsertNotes: [makeNote(vp('Math/Vectors.md')), makeNote(vp('Linker.md'), ['Vectors']), makeNote(vp('b.md')), makeNote(vp('a.md'))] });
  const notes = [
    { path: vp('b.md'), title: 'b', text: 'x\nvectors are arrows' },
    { path: vp('Linker.md'), title: 'Linker', text: 'Vectors [[Vectors]]' },
    { path: vp('Math/Vectors.md'), title: 'Vectors', text: 'Vectors talk about Vectors' },
    { path: vp('a.md'), title: 'a', text: 'a VS b\nnothing\nvector space' },
  ];

  test('skips the note itself and notes that already link; sorted by source then line', () => {
    expect(findUnlinkedMentions(target, notes, graph)).toEqual([
      { source: 'a.md', sourceTitle: 'a', line: 1, context: 'a VS b', matched: 'VS', column: 2, written: 'VS', snippet: 'a \uE000VS\uE001 b' },
      {
        source: 'a.md',
        sourceTitle: 'a',
        line: 3,
        context: 'vector space',
        matched: 'vector space',
        column: 0,
        written: 'vector space',
        snippet: '\uE000vector space\uE001',
      },
      {
        source: 'b.md',
        sourceTitle: 'b',
        line: 2,
        context: 'vectors are arrows',
        matched: 'Vectors',
        column: 0,
        written: 'vectors',
        snippet: '\uE000vectors\uE001 are arrows',
      },
    ]);
  });

  test('a new link removes the mentions of that note', () => {
    const g = new VaultGraph();
    g.applyChanges({ upsertNotes: [makeNote(vp('Math/Vectors.md')), makeNote(vp('b.md'), ['Math/Vectors'])] });
    expect(
      findUnlinkedMentions(
        target,
        notes.filter((n) => n.path === 'b.md'),
        g,
      ),
    ).toEqual([]);
  });

  test('empty title and aliases find nothing', () => {
    expect(findUnlinkedMentions({ path: vp('x.md'), title: ' ', aliases: [''] }, notes, graph)).toEqual([]);
  });
});
