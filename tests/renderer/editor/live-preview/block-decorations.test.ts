/**
 * Live Preview's whole-line widgets: tables and `$$` blocks at the top level and inside list
 * items, quotes and callouts, and `$$` blocks holding blank lines. Each case gives the text
 * (the cursor on a line of its own after it) and the widgets out: the lines they replace, the
 * markdown handed to the reading view's renderer, and the container look they keep.
 */
import { Text } from '@codemirror/state';
import { parser } from '@lezer/markdown';
import { cleanup, waitFor } from '@testing-library/react';
import { blockDecorations } from '../../../../renderer/src/editor/live-preview/build-decorations';
import { livePreviewSyntax } from '../../../../renderer/src/editor/live-preview/markdown-syntax';
import { renderMarkdown } from '../../markdown/render-markdown';

afterEach(cleanup);

const lpParser = parser.configure(livePreviewSyntax);

function widgets(text: string, cursor: number) {
  const input = { doc: Text.of(text.split('\n')), tree: lpParser.parse(text), selection: [{ from: cursor, to: cursor }] };
  return blockDecorations(input).map((d) => ({ lines: JSON.stringify(text.slice(d.from, d.to)), widget: d.widget }));
}
const away = (text: string) => widgets(`${text}\n\nx`, text.length + 2);

const TABLE = '| a | b |\n| - | - |\n| 1 | 2 |';
const quoted = (text: string) => text.replace(/^/gm, '> ');
const indented = (text: string, by: number) => text.replace(/^/gm, ' '.repeat(by));

describe('tables', () => {
  test.each<[string, string, string, object | undefined]>([
    ['at the top level', TABLE, TABLE, undefined],
    ['in a list item', `- item\n\n${indented(TABLE, 2)}`, indented(TABLE, 2), { indent: 2 }],
    ['in a nested list item', `- a\n  - b\n\n${indented(TABLE, 4)}`, indented(TABLE, 4), { indent: 4 }],
    ['in an ordered list item', `1. item\n\n${indented(TABLE, 3)}`, indented(TABLE, 3), { indent: 3 }],
    ['in a quote', quoted(TABLE), quoted(TABLE), { cls: 'cm-lp-quote' }],
    ['in a callout', `> [!tip] Title\n${quoted(TABLE)}`, quoted(TABLE), { cls: 'cm-lp-callout', attrs: { 'data-callout-kind': 'tip', 'data-callout': 'tip' } }],
    ['in a list item in a quote', `> - item\n>\n${quoted(indented(TABLE, 2))}`, quoted(indented(TABLE, 2)), { cls: 'cm-lp-quote', indent: 2 }],
  ])('%s', (_what, text, replaced, frame) => {
    const found = away(text);
    expect(found).toEqual([{ lines: JSON.stringify(replaced), widget: { type: 'table', source: TABLE, ...(frame ? { frame } : {}) } }]);
  });

  test('the cursor on a table in a list item shows its source', () => {
    const text = `- item\n\n${indented(TABLE, 2)}\n\nx`;
    expect(widgets(text, text.indexOf('| 1'))).toEqual([]);
  });
});

describe('$$ math blocks', () => {
  test.each<[string, string, string, string, object | undefined]>([
    ['over lines', '$$\na\\\\b\n$$', '$$\na\\\\b\n$$', '\na\\\\b\n', undefined],
    ['holding blank lines', '$$\na\n\nb\n$$', '$$\na\n\nb\n$$', '\na\n\nb\n', undefined],
    ['after a paragraph line', 'para\n$$\nx\n\ny\n$$', '$$\nx\n\ny\n$$', '\nx\n\ny\n', undefined],
    ['with a longer closing fence', '$$\nx\n\n$$$', '$$\nx\n\n$$$', '\nx\n\n', undefined],
    ['in a quote, blank quote lines inside', '> $$\n> a\n>\n> b\n> $$', '> $$\n> a\n>\n> b\n> $$', '\na\n\nb\n', { cls: 'cm-lp-quote' }],
    ['in a list item', '- item\n\n  $$\n  a\n\n  b\n  $$', '  $$\n  a\n\n  b\n  $$', '\na\n\nb\n', { indent: 2 }],
    // Unclosed, a block runs to its container's end (at the top level: the note's, where the cursor is).
    ['unclosed in a quote, to the quote end', '> $$\n> x\n>\n> y', '> $$\n> x\n>\n> y', '\nx\n\ny\n', { cls: 'cm-lp-quote' }],
  ])('%s', (_what, text, replaced, tex, frame) => {
    expect(away(text)).toEqual([{ lines: JSON.stringify(replaced), widget: { type: 'math', tex, display: true, ...(frame ? { frame } : {}) } }]);
  });

  test.each([
    ['one line, which is inline display math', '$$a+b$$'],
    ['dollars with a dollar after the opening run', '$$ a $ b'],
    ['indented four spaces: code', '    $$\n    x\n    $$'],
  ])('no block: %s', (_what, text) => {
    expect(away(text).filter((w) => w.widget?.type === 'math' && w.widget.tex.includes('\n\n'))).toEqual([]);
    expect(lpParser.parse(text).toString()).not.toContain('MathBlock');
  });

  test('the cursor inside a math block shows its source', () => {
    const text = '$$\na\n\nb\n$$\n\nx';
    expect(widgets(text, text.indexOf('b'))).toEqual([]);
  });
});

describe("the widgets' markdown is what the reading view draws", () => {
  test.each([
    ['a table from a callout', `> [!tip] Title\n${quoted(TABLE)}`, 'table td'],
    ['a table from a list item', `- item\n\n${indented(TABLE, 2)}`, 'table td'],
    ['a math block with a blank line, from a quote', '> $$\n> a\n>\n> b\n> $$', '.katex'],
  ])('%s', async (_what, text, selector) => {
    const [found] = away(text);
    const widget = found.widget!;
    const markdown = widget.type === 'table' ? widget.source : widget.type === 'math' ? `$$${widget.tex}$$` : '';
    const { body } = renderMarkdown(markdown);
    await waitFor(() => expect(body().querySelector(selector)).not.toBeNull());
  });
});
