/**
 * The windowed highlighter hands @lezer/highlight a tree of only the top-level blocks on screen;
 * over the visible range that must give exactly the marks the whole tree gives; a keystroke
 * highlights only the blocks it changed again and must end with the same marks as a full pass.
 */
import { HighlightStyle, syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { highlightTree, tags as t } from '@lezer/highlight';
import type { Tree } from '@lezer/common';
import { obsidianMarkdown } from '../../../renderer/src/editor/live-preview/markdown-syntax';
import { treeOverlapping, windowedHighlighting } from '../../../renderer/src/editor/windowed-highlighting';

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

describe('windowed highlighting while typing', () => {
  /** The plugin's marks as rows, read from the view's decoration sources (only the highlighter here). */
  function drawn(view: EditorView): string[] {
    const out: string[] = [];
    for (const source of view.state.facet(EditorView.decorations)) {
      const set = typeof source === 'function' ? source(view) : source;
      for (let it = set.iter(); it.value; it.next()) out.push(`${it.from}-${it.to}:${(it.value.spec as { class: string }).class}`);
    }
    return out;
  }
  const fresh = (view: EditorView) => view.visibleRanges.flatMap(({ from, to }) => marks(syntaxTree(view.state), from, to));

  it('keeps the marks of untouched blocks and highlights the changed ones again: always the marks a full pass gives', () => {
    const doc = text.slice(0, 3000);
    const view = new EditorView({ parent: document.body, state: EditorState.create({ doc, extensions: [obsidianMarkdown(), windowedHighlighting(style)] }) });
    try {
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const pieces = ['x', '**', '*', '`', '```\n', '\n', '\n\n', '## ', '[[', ']]', '<b>', '> '];
      for (let step = 0; step < 200; step++) {
        const pos = Math.floor(next() * (view.state.doc.length + 1));
        if (next() < 0.7) view.dispatch({ changes: { from: pos, insert: pieces[Math.floor(next() * pieces.length)] } });
        else view.dispatch({ changes: { from: pos, to: Math.min(view.state.doc.length, pos + Math.floor(next() * 10)) } });
        if (syntaxTree(view.state).length < view.viewport.to) continue; // the unparsed-end rule keeps old marks: not this test's case
        expect([step, drawn(view).sort()]).toEqual([step, fresh(view).sort()]);
      }
    } finally {
      view.destroy();
    }
  });
});
