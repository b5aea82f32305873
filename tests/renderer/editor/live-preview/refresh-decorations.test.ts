/**
 * Live Preview after a keystroke keeps the decorations it had, mapped, and rebuilds only the
 * blocks the transaction changed (changed-blocks.ts): after every step of a long run of edits and
 * cursor moves (over the whole note and over a moving window, as the viewport moves), the
 * kept-and-rebuilt set must equal a set built from scratch, and a decoration in
 * a block the keystroke did not touch must be the very same object as before.
 */
import { EditorSelection, EditorState, StateEffect, StateField, type TransactionSpec } from '@codemirror/state';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { Decoration, type DecorationSet } from '@codemirror/view';
import { blockDecorations, inlineDecorations, type BuildInput } from '../../../../renderer/src/editor/live-preview/build-decorations';
import { refreshDecorations, toRanges } from '../../../../renderer/src/editor/live-preview/live-preview';
import { obsidianMarkdown } from '../../../../renderer/src/editor/live-preview/markdown-syntax';
import type { LivePreviewHost } from '../../../../renderer/src/editor/live-preview/widgets';
import type { LpDecoration } from '../../../../renderer/src/editor/live-preview/decoration-spec';

const host: LivePreviewHost = { openLink: () => undefined, renderMarkdown: () => () => undefined };

const NOTE = [
  '---',
  'tags: [a]',
  '---',
  '# Title',
  '',
  'Some **bold**, *italic*, ==marked== and `code` with [[Note|alias]] and [text](http://x.y) #tag.',
  '',
  '- [ ] a task',
  '- item with ~~strike~~',
  '  - nested [[Other#Heading]]',
  '',
  '> [!note] A callout',
  '> with $e^x$ math',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '$$',
  'x^2',
  '$$',
  '',
  'Setext candidate',
  '',
  '```js',
  'let x = 1;',
  '```',
  '',
  '## Last heading',
  'A closing paragraph with **more** text.',
].join('\n');

const inputOf = (state: EditorState): BuildInput => ({ doc: state.doc, tree: syntaxTree(state), selection: state.selection.ranges });
const everything = (state: EditorState) => [{ from: 0, to: state.doc.length }];
const build = (state: EditorState) => (pieces: { from: number; to: number }[]) => [
  ...pieces.flatMap((piece) => blockDecorations(inputOf(state), piece)),
  ...inlineDecorations(inputOf(state), pieces),
];

const toSet = (specs: LpDecoration[]): DecorationSet => Decoration.set(toRanges(specs, host), true);

/** The set as comparable rows: position and what the decoration draws. */
function rows(set: DecorationSet): string[] {
  const out: string[] = [];
  for (let it = set.iter(); it.value; it.next()) {
    const spec = it.value.spec as { class?: string; attributes?: object; widget?: object; block?: boolean };
    out.push(`${it.from}-${it.to} ${spec.class ?? ''} ${JSON.stringify(spec.attributes ?? {})} ${JSON.stringify(spec.widget ?? null)} ${spec.block ?? ''}`);
  }
  return out.sort();
}

const field = StateField.define<DecorationSet>({
  create: (state) => toSet(build(state)(everything(state))),
  update(set, tr) {
    if (!tr.docChanged && !tr.selection && syntaxTree(tr.startState) === syntaxTree(tr.state)) return set;
    const change = {
      startDoc: tr.startState.doc,
      doc: tr.state.doc,
      startTree: syntaxTree(tr.startState),
      tree: syntaxTree(tr.state),
      changes: tr.changes,
      startSelection: tr.startState.selection,
      selection: tr.state.selection,
    };
    return refreshDecorations(set, change, everything(tr.state), build(tr.state), host);
  },
});

/** Decorations over a window that moves (as the viewport does after a keystroke or a scroll), as the view plugin keeps them. */
const moveWindow = StateEffect.define<{ from: number; to: number }>();
const windowed = StateField.define<{ within: { from: number; to: number }[]; set: DecorationSet }>({
  create: (state) => ({ within: everything(state), set: toSet(build(state)(everything(state))) }),
  update(value, tr) {
    const effect = tr.effects.find((e) => e.is(moveWindow));
    const mapped = value.within.map((w) => ({ from: tr.changes.mapPos(w.from, -1), to: tr.changes.mapPos(w.to, 1) }));
    const within = effect ? [effect.value as { from: number; to: number }] : mapped;
    if (!effect && !tr.docChanged && !tr.selection && syntaxTree(tr.startState) === syntaxTree(tr.state)) return value;
    const change = {
      startDoc: tr.startState.doc,
      doc: tr.state.doc,
      startTree: syntaxTree(tr.startState),
      tree: syntaxTree(tr.state),
      changes: tr.changes,
      startSelection: tr.startState.selection,
      selection: tr.state.selection,
    };
    return { within, set: refreshDecorations(value.set, change, within, build(tr.state), host, effect ? value.within : undefined) };
  },
});

/** The note parsed to its end (on a loaded machine the first parse may stop early): the finished tree comes in as an update of its own, as CodeMirror's background parse does. */
function start(doc: string, cursor: number): EditorState {
  const state = EditorState.create({ doc, selection: EditorSelection.cursor(cursor), extensions: [obsidianMarkdown(), field, windowed] });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  const parsed = state.update({}).state;
  expect(syntaxTree(parsed).length).toBe(doc.length);
  expectFresh(parsed);
  return parsed;
}

function expectFresh(state: EditorState): void {
  expect(rows(state.field(field))).toEqual(rows(toSet(build(state)(everything(state)))));
  const { within, set } = state.field(windowed);
  expect(rows(set)).toEqual(rows(toSet(build(state)(within))));
}

/** A small deterministic generator, so a failure names a step that can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const PIECES = ['x', ' ', '\n', '*', '**', '`', '```', '$$', '|', '#', '# ', '=', '===', '-', '- ', '[[', ']]', '==', '~~', '>', '> ', '\n\n', '$'];

describe('Live Preview keeps untouched blocks and rebuilds the changed ones', () => {
  test.each([1, 2, 3, 4, 5, 6])('a run of edits and cursor moves, seed %i: always the same set as a full build', (seed) => {
    const next = random(seed);
    let state = start(NOTE, NOTE.indexOf('bold'));
    for (let step = 0; step < 150; step++) {
      const length = state.doc.length;
      const pos = Math.floor(next() * (length + 1));
      const roll = next();
      let spec: TransactionSpec;
      if (roll < 0.5) spec = { changes: { from: pos, insert: PIECES[Math.floor(next() * PIECES.length)] }, selection: EditorSelection.cursor(pos + 1) };
      else if (roll < 0.7) {
        const to = Math.min(length, pos + Math.floor(next() * 12));
        spec = { changes: { from: pos, to }, selection: EditorSelection.cursor(pos) };
      } else if (roll < 0.85) spec = { selection: EditorSelection.cursor(pos) };
      else spec = { selection: EditorSelection.range(pos, Math.min(length, pos + Math.floor(next() * 80))) };
      state = state.update(spec).state;
      if (next() < 0.3) {
        // The window moves: a little (the measure after a keystroke) or anywhere (a scroll).
        const { within } = state.field(windowed);
        const len = state.doc.length;
        const small = next() < 0.5;
        const from = small ? within[0].from + Math.floor(next() * 40) - 20 : Math.floor(next() * len);
        const to = small ? within[0].to + Math.floor(next() * 40) - 20 : from + Math.floor(next() * 200);
        const lo = Math.max(0, Math.min(len, from));
        state = state.update({ effects: moveWindow.of({ from: lo, to: Math.max(lo, Math.min(len, to)) }) }).state;
      }
      try {
        expectFresh(state);
      } catch (error) {
        throw new Error(`seed ${seed}, step ${step} (${JSON.stringify(spec)}, tree ${syntaxTree(state).length} of ${state.doc.length}): ${String(error)}`);
      }
    }
  });

  test('typing in a paragraph keeps the decorations of the other blocks as they were', () => {
    const at = NOTE.indexOf('A closing paragraph') + 2;
    let state = start(NOTE, at);
    const table = NOTE.indexOf('| a |');
    const before = state.field(field);
    const tableWidget = () => {
      for (let it = state.field(field).iter(table); it.value; it.next()) if (it.from === table) return it.value;
      return null;
    };
    const widget = tableWidget();
    expect(widget).not.toBeNull();
    state = state.update({ changes: { from: at, insert: 'typed' }, selection: EditorSelection.cursor(at + 5) }).state;
    expectFresh(state);
    expect(tableWidget()).toBe(widget);
    expect(state.field(field)).not.toBe(before);
  });

  test('opening a code fence redraws the blocks after it, which became code', () => {
    const at = NOTE.indexOf('## Last heading');
    let state = start(NOTE, NOTE.indexOf('bold'));
    const headingLine = () => rows(state.field(field)).filter((r) => r.includes('cm-lp-heading cm-lp-h2'));
    expect(headingLine()).toHaveLength(1);
    state = state.update({ changes: { from: at, insert: '```\n' } }).state;
    expectFresh(state);
    expect(headingLine()).toEqual([]);
  });
});
