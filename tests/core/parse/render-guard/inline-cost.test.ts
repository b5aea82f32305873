/**
 * The inline-markup guard: a linear estimate of micromark's emphasis/strikethrough/label
 * resolution work. It must refuse the quadratic families (nested or unmatched delimiters) at
 * sizes that take remark well over 200 ms, and accept large ordinary notes.
 */
import { inlineCost, inlineCostReason } from '../../../../main/core/parse/render-guard/inline-cost';
import { realisticNote } from '../../../renderer/markdown/realistic-notes';

/**
 * Each family at a size measured to take remark + the hast passes 0.3-3 s on a 2-core machine
 * (the issue's `*a … x … a*` at n=3000 took 2.1 s in the app, n=10000 froze it for 29 s).
 */
const pathological: [string, string][] = [
  ['nested * (n=10000, the reported note)', '*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000)],
  ['nested * (n=1000)', '*a '.repeat(1000) + 'x' + ' a*'.repeat(1000)],
  ['nested _ (n=1000)', '_a '.repeat(1000) + 'x' + ' a_'.repeat(1000)],
  ['nested ** (n=1000)', '**a '.repeat(1000) + 'x' + ' a**'.repeat(1000)],
  ['nested ~~ (n=1000)', '~~a '.repeat(1000) + 'x' + ' a~~'.repeat(1000)],
  ['nested *_ (n=500)', '*_a '.repeat(500) + 'x' + ' a_*'.repeat(500)],
  ['nested links (n=2000)', '[a '.repeat(2000) + 'x' + '](u) '.repeat(2000)],
  ['nested images (n=1000)', '![a '.repeat(1000) + 'x' + '](u) '.repeat(1000)],
  ['closers without openers: * (n=8000)', 'a* '.repeat(8000)],
  ['closers without openers: ~ (n=8000)', 'a~ '.repeat(8000)],
  ['closers without openers: ] (n=8000)', 'a] '.repeat(8000)],
  ['closers walking past openers of another marker', '*a '.repeat(1000) + '_b '.repeat(1000) + ' c*'.repeat(1000)],
  ['rule-of-3 mismatches', '*x ' + 'a**b c*d '.repeat(3000)],
  ['stray stars in one 68 KB paragraph (each `a*b` walks back to its start)', 'snake_case_name 5* rating a*b x_1 '.repeat(2000)],
  ['one paragraph over many quoted lines', '> a* \n'.repeat(5000)],
  // Every `](` reads its `(` title to the paragraph's end (3000 took 2.5-3 s): the corpus note.
  ['unclosed ( link titles (n=3000, tests/fixtures/pathological/unclosed-link-titles.md)', '[a](b ('.repeat(3000)],
  ['unclosed ( link titles over many lines (n=1000)', '[a](b\n(\n'.repeat(1000)],
  ['unclosed ( link titles in image resources (n=3000)', '![a](<b> ('.repeat(3000)],
  ['the family inside a large ordinary note', realisticNote(100_000, 9) + '\n\n' + '*a '.repeat(3000) + 'x' + ' a*'.repeat(3000) + '\n'],
];

const ordinary: [string, string][] = [
  ['a 200 KB note', realisticNote(200_000, 1)],
  ['a 500 KB note', realisticNote(500_000, 2)],
  ['a 1 MB note', realisticNote(1_000_000, 3)],
  [
    'a 1 MB note in bold italics',
    Array.from({ length: 4000 }, (_, i) => `***line ${i} of a long poem, **with** some *inner* emphasis and a [link](u)***`).join('\n\n'),
  ],
  ['20,000 emphasised words in one paragraph', '*a* '.repeat(20_000)],
  ['10,000 links in one paragraph', '[a](u) '.repeat(10_000)],
  ['10,000 links with titles of every kind in one paragraph', '[a](u "t") [b](<v> \'t\') ![c](w (t)) '.repeat(3_400)],
  ['5,000 unclosed " titles (each read only to the next ")', '[a](b "'.repeat(5_000)],
  ['a 5,000-line list of links with titles on the next line', Array.from({ length: 5000 }, (_, i) => `- [item ${i}](u/${i}.md\n  "title ${i}")`).join('\n')],
  ['a 5,000-item tight list with bold in every item', Array.from({ length: 5000 }, (_, i) => `- **item ${i}** and *more* of it`).join('\n')],
  ['shallow nesting (n=50)', '*a '.repeat(50) + 'x' + ' a*'.repeat(50)],
  ['code with pointers and globs', '```c\n' + 'int *p = a * b[i]; /* **x** */ x_y = *q;\n'.repeat(10_000) + '```\n'],
  ['snake_case and stray stars in 1,000 paragraphs', ('snake_case_name 5* rating a*b x_1 '.repeat(20) + '\n\n').repeat(1000)],
];

describe.each(pathological)('refuses %s', (_name, text) => {
  test('the guard trips', () => {
    expect(inlineCostReason(text)).toMatch(/too heavily/);
  });
});

describe.each(ordinary)('accepts %s', (_name, text) => {
  test('the guard does not trip', () => {
    expect(inlineCostReason(text)).toBeNull();
  });
});

test('the estimate grows with nesting like remark does (quadratically), not with size alone', () => {
  const nested = (n: number) => '*a '.repeat(n) + 'x' + ' a*'.repeat(n);
  expect(inlineCost(nested(2000)) / inlineCost(nested(1000))).toBeGreaterThan(3.5);
  expect(inlineCost('*a* '.repeat(20_000)) / inlineCost('*a* '.repeat(10_000))).toBeLessThan(2.2);
});

test('link titles are charged for what micromark reads: to the closing marker, or the paragraph end', () => {
  const unclosed = (n: number) => '[a](b ('.repeat(n);
  // Quadratic like remark: every attempt reads the rest of the paragraph.
  expect(inlineCost(unclosed(2000)) / inlineCost(unclosed(1000))).toBeGreaterThan(3.5);
  // A blank line ends the paragraph, and with it every open title.
  expect(inlineCost(('[a](b (' + '\n\n').repeat(2000)) / inlineCost(('[a](b (' + '\n\n').repeat(1000))).toBeLessThan(2.2);
  // A `"` title ends at the next `"`; a destination with an unbalanced `(` or a space has no title.
  expect(inlineCost('[a](b "'.repeat(2000)) / inlineCost('[a](b "'.repeat(1000))).toBeLessThan(2.2);
  expect(inlineCost('[a](b(c (x'.repeat(2000))).toBe(inlineCost('[a](b(c  x'.repeat(2000)));
});

test('the scan itself is linear: 8x the input within 16x the time (quadratic would be 64x)', () => {
  const hostile = (n: number) => ('*a '.repeat(n) + 'x' + ' a*'.repeat(n) + '\n\n' + 'a] _b ~~c '.repeat(n) + '\n\n' + 'plain words '.repeat(n)).repeat(4);
  const small = hostile(5_000);
  const large = hostile(40_000);
  // Best of several, interleaved, after a warm-up: the machine may be busy with other work.
  const best = [Infinity, Infinity];
  for (let i = 0; i < 3; i++) inlineCost(small);
  inlineCost(large);
  for (let i = 0; i < 9; i++) {
    [small, large].forEach((text, k) => {
      const started = performance.now();
      inlineCost(text);
      best[k] = Math.min(best[k], performance.now() - started);
    });
  }
  expect(best[1] / Math.max(best[0], 0.5)).toBeLessThan(16);
});
