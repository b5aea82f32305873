/**
 * Generated nests and floods of every delimiter the hand-written scanners look at, by size. The
 * linearity test times each scanner on them at n and 4n; the pathological corpus
 * (tests/fixtures/pathological/) holds small instances of the worst ones.
 */

const repeat = (text: string, n: number): string => text.repeat(Math.max(0, n));

/** One line (or one paragraph) of inline syntax; `n` is the number of repetitions. */
export const inlinePayloads: Record<string, { n: number; generate: (n: number) => string }> = {
  // Nests: a link in every label, so every outer pair of brackets is text (the exponential case).
  'link nest within the depth cap': { n: 8, generate: (n) => repeat('[', n) + 'x' + repeat('](y)', n) },
  'link nest past the depth cap': { n: 250, generate: (n) => repeat('[', n) + 'x' + repeat('](y)', n) },
  'image nest': { n: 250, generate: (n) => repeat('![', n) + 'x' + repeat('](y)', n) },
  'link nest around a wiki link': { n: 8, generate: (n) => repeat('[', n) + '[[x]]' + repeat('](y.md)', n) },
  'link nest with a tag at every level': { n: 8, generate: (n) => repeat('[#t ', n) + 'x' + repeat('](y)', n) },
  // A label whose token closes past its end is read again at the outer level: quadratic in the
  // depth, but the depth is capped at 32 (MAX_LABEL_DEPTH), so these are timed past the cap.
  'link nest with code closing past each label': { n: 250, generate: (n) => repeat('[`', n) + 'x' + repeat('](y)', n) + '`' },
  'link nest with comments closing past each label': { n: 250, generate: (n) => repeat('[<!--', n) + 'x' + repeat('](y)', n) + '-->' },
  'nest of many nests': { n: 100, generate: (n) => repeat(repeat('[', 20) + 'x' + repeat('](y)', 20) + ' ', n) },
  // Floods of one delimiter.
  'flood of [': { n: 2000, generate: (n) => repeat('[', n) },
  'flood of ](': { n: 2000, generate: (n) => repeat('](', n) },
  'flood of [[': { n: 2000, generate: (n) => repeat('[[', n) },
  'flood of [[ then ]]': { n: 1000, generate: (n) => repeat('[[', n) + repeat(']]', n) },
  'flood of [ with text between': { n: 100, generate: (n) => repeat('[' + 'a'.repeat(30), n) },
  'flood of backticks': { n: 4000, generate: (n) => repeat('`', n) },
  // Runs of 1, 2, ... k backticks (n characters in all): every length is a different closer.
  'backtick runs of growing length': {
    n: 2000,
    generate: (n) => Array.from({ length: Math.floor(Math.sqrt(2 * n)) }, (_, i) => '`'.repeat(i + 1) + 'a').join(''),
  },
  'alternating backtick runs': { n: 1000, generate: (n) => Array.from({ length: n }, (_, i) => '`'.repeat((i % 7) + 1) + 'a').join('') },
  'emphasis nest with *': { n: 1000, generate: (n) => repeat('*a ', n) + 'x' + repeat(' a*', n) },
  'emphasis nest with _': { n: 1000, generate: (n) => repeat('_a ', n) + 'x' + repeat(' a_', n) },
  'flood of $': { n: 4000, generate: (n) => repeat('$', n) },
  'flood of $ openers whose closers are rejected': { n: 1000, generate: (n) => repeat('$1', n) + 'x$' },
  'flood of %%': { n: 2000, generate: (n) => repeat('%%', n) },
  'flood of ==': { n: 2000, generate: (n) => repeat('==', n) },
  'flood of <': { n: 4000, generate: (n) => repeat('<', n) },
  'flood of unclosed tags': { n: 1000, generate: (n) => repeat('<a ', n) },
  'flood of unclosed attribute quotes': { n: 600, generate: (n) => repeat("<a b='", n) },
  'flood of <!--': { n: 1000, generate: (n) => repeat('<!--', n) },
  'flood of >': { n: 4000, generate: (n) => repeat('>', n) },
  'flood of tags': { n: 2000, generate: (n) => repeat(' #a', n) },
  'tag with a long run of /': { n: 4000, generate: (n) => '#a' + repeat('/', n) + 'b' },
  'flood of backslashes': { n: 4000, generate: (n) => repeat('\\', n) },
  'flood of unclosed link titles': { n: 500, generate: (n) => repeat('[a](b (', n) },
  'flood of unclosed link destinations': { n: 500, generate: (n) => repeat('[a](x', n) },
  'flood of links': { n: 500, generate: (n) => repeat('[y](y.md) [[y]] ', n) },
  mixed: { n: 300, generate: (n) => repeat('[`$<*_=%![[](', n) },
};

/** Many lines: what the block scanner and the prose mask see line by line. */
export const linePayloads: Record<string, { n: number; generate: (n: number) => string }> = {
  'lines of [': { n: 1000, generate: (n) => repeat('[\n', n) },
  'lines of >': { n: 1000, generate: (n) => repeat('> x\n', n) },
  'deep quote marker run': { n: 2000, generate: (n) => repeat('>', n) + ' x\n' + repeat('> ', n) + 'y\n' },
  'lines of fences': { n: 1000, generate: (n) => repeat('```\n', n) },
  'lines of $$': { n: 1000, generate: (n) => repeat('$$\n', n) },
  'lines of html blocks': { n: 1000, generate: (n) => repeat('<div>\nx\n\n', n) },
  'line of html attributes': { n: 300, generate: (n) => '<a' + repeat(' b', n) + ' c="x\n' },
  'lines of <!--': { n: 1000, generate: (n) => repeat('<!--\n', n) },
  'lines of list items': { n: 1000, generate: (n) => repeat('- a\n', n) },
  'thematic break run': { n: 2000, generate: (n) => repeat('* ', n) + 'x\n' },
  'setext run': { n: 4000, generate: (n) => 'a\n' + repeat('=', n) + 'x\n' },
  'heading with a long closing run': { n: 2000, generate: (n) => '# a ' + repeat('#', n) + 'x\n' },
  'lines of headings': { n: 1000, generate: (n) => repeat('# a #\n', n) },
  'indented lines': { n: 1000, generate: (n) => repeat('    x\n', n) },
};
