/**
 * The windowed highlighter hands @lezer/highlight a tree of only the top-level blocks on screen;
 * over the visible range that must give exactly the marks the whole tree gives.
 */
import { HighlightStyle } from '@codemirror/language';
import { highlightTree, tags as t } from '@lezer/highlight';
import type { Tree } from '@lezer/common';
import { obsidianMarkdown } from '../../../renderer/src/editor/live-preview/markdown-syntax';
import { treeOverlapping } from '../../../renderer/src/editor/windowed-highlighting';

const style = HighlightStyle.define([
  { tag: t.heading, fontWeight: '700' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: [t.link, t.url, t.labelName], color: 'blue' },
  { tag: [t.processingInstruction, t.meta, t.angleBracket, t.tagName], color: 'gray' },
  { tag: t.monospace, fontFamily: 'monospace' },
]);

function marks(tree: Tree, from: number, to: number): string[] {
  const out: string[] = [];
  highlightTree(tree, style, (start, end, cls) => out.push(`${start}-${end}:${cls}`), from, to);
  return out;
}

const text = Array.from(
  { length: 300 },
  (_, i) => `## Heading ${i}\n\nSome **bold**, *italic*, \`code\` and [[Note|a link]] #tag <b>html</b>\n> quote ${i}\n\n- item\n  - nested **${i}**\n`,
).join('\n');
const tree = obsidianMarkdown().language.parser.parse(text);

describe('windowed highlighting', () => {
  it.each([
    ['the start', 0, 500],
    ['the middle, cutting blocks', Math.floor(text.length / 2) - 37, Math.floor(text.length / 2) + 911],
    ['the end', text.length - 700, text.length],
    ['one position', 1234, 1234],
  ])('gives the marks of the whole tree over %s', (_name, from, to) => {
    const windowed = treeOverlapping(tree, from, to);
    expect(marks(windowed, from, to)).toEqual(marks(tree, from, to));
    expect(marks(windowed, from, to).length).toBeGreaterThan(from === to ? -1 : 0);
  });

  it('holds only the blocks overlapping the range', () => {
    const from = Math.floor(text.length / 2);
    const windowed = treeOverlapping(tree, from, from + 300);
    let blocks = 0;
    for (let node = windowed.topNode.firstChild; node; node = node.nextSibling) blocks++;
    expect(blocks).toBeGreaterThan(0);
    expect(blocks).toBeLessThan(12);
  });
});
