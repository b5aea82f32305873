/** The long-note splitter: each construct that spans blank lines is never cut; note-wide ones are fed to every chunk or keep the note whole. */
import { splitForProgressive, type SplitOptions } from '../../../renderer/src/markdown/split-blocks';

/** Cut wherever allowed. */
const EVERY: SplitOptions = { minNoteSize: 0, chunkSize: 0 };
const P = 'para\n\n';

/** The note's lines where chunks start, 0-based. */
const cuts = (text: string) => splitForProgressive(text, EVERY)?.map((c) => c.startLine) ?? null;

/** A construct between paragraphs: no chunk may start inside it (lines `from`..`to` of the construct, relative). */
const UNSAFE: [construct: string, text: string][] = [
  ['fenced code with blank lines', '```js\na\n\nb\n\nc\n```'],
  ['tilde fence, longer closer needed', '~~~~\na\n\n~~~\n\nb\n~~~~'],
  ['fence in a list item', '- item\n\n  ```\n  a\n\n  b\n  ```'],
  ['math block', '$$\na\n\n\\\\ b\n\nc\n$$'],
  ['loose list', '- a\n\n- b\n\n  continued\n\n- c'],
  ['ordered list', '1. a\n\n2) b\n\n10. c'],
  ['nested list', '- a\n\n  - b\n\n    c'],
  ['list item paragraphs', '- a\n\n  second paragraph\n\n  third'],
  ['table', '| a | b |\n| --- | --- |\n| 1 | 2 |'],
  ['blockquote', '> a\n>\n> b\n>\n> c'],
  ['callout', '> [!note] Title\n> a\n>\n> b'],
  ['indented code', '    a\n\n    b\n\n    c'],
  ['HTML block', '<details>\n<summary>s</summary>\n\ninside\n\nstill\n\n</details>'],
  ['HTML comment', '<!--\na\n\nb\n\n-->'],
  ['pre', '<pre>\na\n\nb\n</pre>'],
  ['%% comment', '%%\nhidden\n\nstill hidden\n\n%%'],
  ['inline %% across paragraphs', 'a %% hidden\n\nhidden too %% b'],
];

test.each(UNSAFE)('%s is never cut', (_name, construct) => {
  const text = `${P}${construct}\n\n${P}end\n`;
  const first = 2;
  const last = first + construct.split('\n').length - 1;
  const starts = cuts(text);
  expect(starts).not.toBeNull();
  // It can be cut before it (when it starts a line of its own: no list, no indent) and after it, so the test can fail; never inside it.
  if (/^[^\s\-\d]/.test(construct)) expect(starts).toContain(first);
  expect(starts).toContain(last + 2);
  expect(starts!.filter((s) => s > first && s <= last)).toEqual([]);
});

test('frontmatter stays in the first chunk', () => {
  const starts = cuts('---\na: 1\n\nb: 2\n---\n\ntext\n\nmore\n');
  expect(starts).toEqual([0, 6, 8]);
});

test('the chunks put together are the note, and each chunk knows its first line', () => {
  const text = '# A\n\ntext\n\n```\nx\n\ny\n```\n\n- [ ] task\n\nlast';
  const chunks = splitForProgressive(text, EVERY)!;
  expect(chunks.map((c) => c.text).join('')).toBe(text);
  const lines = text.split('\n');
  for (const c of chunks) expect(lines[c.startLine]).toBe(c.text.split('\n')[0]);
});

test('chunks are at least chunkSize long (but a safe line is needed to close one)', () => {
  const text = Array.from({ length: 100 }, (_, i) => `paragraph ${i} ${'x'.repeat(90)}`).join('\n\n');
  const chunks = splitForProgressive(text, { minNoteSize: 0, chunkSize: 2000 })!;
  expect(chunks.length).toBeGreaterThan(3);
  for (const c of chunks.slice(0, -1)) expect(c.text.length).toBeGreaterThanOrEqual(2000);
  expect(splitForProgressive(text, { minNoteSize: text.length + 1, chunkSize: 0 })).toBeNull();
});

test.each([
  ['a footnote reference', 'a[^1]\n\nb\n\n[^1]: note'],
  ['an inline footnote', 'a^[inline]\n\nb\n\nc'],
  ['a definition label used twice', '[a]: /one\n\ntext\n\n[A]: /two\n\n[a]'],
  ['a definition inside a quote', '> [a]: /one\n\ntext\n\n[a]'],
  ['a definition inside a list', '- [a]: /one\n\ntext\n\n[a]'],
  ['a definition with its title on the next line', '[a]: /one\n"title"\n\ntext\n\n[a]'],
  ['a definition-like line continuing a paragraph', 'text\n[a]: /one\n\nmore\n\n[a]'],
  ['a definition after an unclosed fence', '[a]: /one\n\ntext\n\n```\nopen'],
])('a note with %s is drawn in one pass', (_name, text) => {
  expect(cuts(text)).toBeNull();
});

test('reference-link definitions are given to every chunk', () => {
  const text = '[x] early\n\nmiddle\n\n[x]: https://example.com "T"\n[y]: <other>\n\nlate [y]\n';
  const chunks = splitForProgressive(text, EVERY)!;
  expect(chunks.length).toBeGreaterThan(2);
  for (const c of chunks) expect(c.text).toMatch(/\n\n\[x\]: https:\/\/example\.com "T"\n\[y\]: <other>\n$/);
});

test('definitions in code are code, not definitions', () => {
  const chunks = splitForProgressive('```\n[a]: /x\n```\n\ntext\n\nmore\n', EVERY)!;
  expect(chunks.map((c) => c.text).join('')).toBe('```\n[a]: /x\n```\n\ntext\n\nmore\n');
});
