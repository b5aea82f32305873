/**
 * The editor's reparse after an edit (block-splice-parse.ts) must give the tree a full parse of
 * the new text gives, node for node (nested HTML included), and take the quick way for ordinary
 * typing in a long note.
 */
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { TreeFragment, type Input, type Tree } from '@lezer/common';
import { spliceReparse } from '../../../../renderer/src/editor/live-preview/block-splice-parse';
import { obsidianMarkdown } from '../../../../renderer/src/editor/live-preview/markdown-syntax';

const parser = obsidianMarkdown().language.parser;

/** Every node, mounted (nested) trees included, with its position: balancing nodes are not in it. */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.name}:${n.from}-${n.to}`) });
  return out;
}

function block(i: number): string {
  return [
    `## Section ${i}`,
    '',
    `Some **bold ${i}**, *italic*, ==marked== [[Welcome|a link]] #tag/n${i} <b>html</b>.`,
    `- [ ] task ${i}`,
    `  - nested ${i}`,
    `> [!note] Callout ${i}`,
    '> $e^x$ inline',
    '',
    `| a | b |\n| - | - |\n| ${i} | ${i * 2} |`,
    '',
    i % 3 ? 'A paragraph\nover two lines.' : '```js\ncode\n```',
    '',
    i % 4 ? '$$\nx^2\n$$' : '<div>\nblock html\n</div>',
    '',
  ].join('\n');
}

const inputOf = (text: string): Input => ({
  length: text.length,
  lineChunks: false,
  chunk: (from) => text.slice(from),
  read: (from, to) => text.slice(from, to),
});

const note = (blocks: number) => Array.from({ length: blocks }, (_, i) => block(i)).join('\n');

function edit(text: string, tree: Tree, from: number, to: number, insert: string) {
  const next = text.slice(0, from) + insert + text.slice(to);
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(tree), [{ fromA: from, toA: to, fromB: from, toB: from + insert.length }]);
  return { next, fragments };
}

describe('block-splice reparse', () => {
  it('gives the full parse after random edits, markdown that changes what follows included', () => {
    const inserts = ['x', '\n', '\n\n', '- ', '# ', '---', '===', '>', '|', '*', '**', '$$', '<div>', '\n```\n', '    ', '[[', ']]', '\n- a\n'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let text = note(40);
    let tree = parser.parse(text);
    for (let k = 0; k < 250; k++) {
      const from = Math.floor(random() * text.length);
      const to = Math.min(text.length, from + (random() < 0.3 ? Math.floor(random() * 6) : 0));
      const insert = inserts[Math.floor(random() * inserts.length)];
      const { next, fragments } = edit(text, tree, from, to, insert);
      const incremental = parser.parse(next, fragments);
      expect({ k, nodes: nodes(incremental) }).toEqual({ k, nodes: nodes(parser.parse(next)) });
      text = next;
      tree = incremental;
    }
  });

  it('takes the quick way for typing in the middle of a long note, and the result is the full parse', () => {
    const text = note(400);
    const tree = parser.parse(text);
    const at = text.indexOf('Some **bold 200**');
    const { next, fragments } = edit(text, tree, at, at, 'x');
    const spliced = spliceReparse(inputOf(next), fragments, null, (from, to) => parser.parse(next, [], [{ from, to }]));
    expect(spliced).not.toBeNull();
    expect(nodes(spliced!)).toEqual(nodes(parser.parse(next)));
  });

  it('hands over to the normal parse when the edit changes the note to its end (an opened code fence)', () => {
    const text = note(400);
    const tree = parser.parse(text);
    const at = text.indexOf('## Section 100');
    const { next, fragments } = edit(text, tree, at, at, '```\n');
    expect(spliceReparse(inputOf(next), fragments, null, (from, to) => parser.parse(next, [], [{ from, to }]))).toBeNull();
    expect(nodes(parser.parse(next, fragments))).toEqual(nodes(parser.parse(next)));
  });

  it('keeps CodeMirror’s tree equal to a full parse while typing in the editor state', () => {
    let state = EditorState.create({ doc: note(120), extensions: [obsidianMarkdown()] });
    ensureSyntaxTree(state, state.doc.length, 1e9);
    let at = state.doc.toString().indexOf('## Section 60');
    for (const key of ['x', '\n', '\n', '- a', '\n> [!tip] t', '\n$$\nq\n$$', '\n\n', '\n```', '\n']) {
      state = state.update({ changes: { from: at, insert: key } }).state;
      at += key.length;
      const tree = ensureSyntaxTree(state, state.doc.length, 1e9) ?? syntaxTree(state);
      expect(nodes(tree)).toEqual(nodes(parser.parse(state.doc.toString())));
    }
  });
});
