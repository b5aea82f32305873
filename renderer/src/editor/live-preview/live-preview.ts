/**
 * Live Preview on the one CodeMirror editor: a view plugin draws the inline decorations of the
 * visible ranges, a state field the whole-line ones (tables, `$$` blocks; CodeMirror takes
 * line-replacing decorations only from state), and a click on a rendered link follows it
 * (Ctrl/Cmd+click: in a new tab). The rules are in build-decorations.ts.
 */
import { syntaxTree } from '@codemirror/language';
import { StateEffect, StateField, type EditorState, type Extension, type Range, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { blockDecorations, inlineDecorations, type BuildInput } from './build-decorations';
import { changedBlocks, intersect, type BlockChange } from './changed-blocks';
import type { LpDecoration, Range as TextRange } from './decoration-spec';
import { widgetFor, type LivePreviewHost } from './widgets';

const hidden = Decoration.replace({});

export function toRanges(specs: LpDecoration[], host: LivePreviewHost): Range<Decoration>[] {
  const ranges: Range<Decoration>[] = [];
  for (const d of specs) {
    if (d.kind === 'hide') ranges.push(hidden.range(d.from, d.to));
    else if (d.kind === 'mark') ranges.push(Decoration.mark({ class: d.cls, attributes: d.attrs }).range(d.from, d.to));
    else if (d.kind === 'line') ranges.push(Decoration.line({ class: d.cls, attributes: d.attrs }).range(d.from));
    else if (d.widget) ranges.push(Decoration.replace({ widget: widgetFor(d.widget, host, d.from), block: d.block }).range(d.from, d.to));
  }
  return ranges;
}

function toDecorations(specs: LpDecoration[], host: LivePreviewHost): DecorationSet {
  return Decoration.set(toRanges(specs, host), true);
}

/** `set` without what lies wholly outside `within` (scrolled out of view). */
function outside(set: DecorationSet, within: readonly TextRange[]): DecorationSet {
  let out = set;
  const gaps: TextRange[] = [];
  let pos = 0;
  for (const w of within) {
    if (w.from > pos) gaps.push({ from: pos, to: w.from - 1 });
    pos = w.to + 1;
  }
  gaps.push({ from: pos, to: Number.MAX_SAFE_INTEGER });
  for (const gap of gaps) out = out.update({ filterFrom: gap.from, filterTo: gap.to, filter: (from, to) => !(from >= gap.from && to <= gap.to) });
  return out;
}

function changeOf(startState: EditorState, state: EditorState, changes: BlockChange['changes']): BlockChange {
  return {
    startDoc: startState.doc,
    doc: state.doc,
    startTree: syntaxTree(startState),
    tree: syntaxTree(state),
    changes,
    startSelection: startState.selection,
    selection: state.selection,
  };
}

/**
 * The decorations after a transaction that kept the decorated ranges (`within`, new positions):
 * the old ones mapped through the changes, those of the blocks it changed (changed-blocks.ts)
 * built again. The mapped set shares its untouched chunks with the old one, so CodeMirror's
 * comparison of the two skips them and only the changed block's lines are drawn again.
 */
export function refreshDecorations(
  set: DecorationSet,
  change: BlockChange,
  within: readonly TextRange[],
  build: (pieces: TextRange[]) => LpDecoration[],
  host: LivePreviewHost,
  before?: readonly TextRange[],
): DecorationSet {
  let mapped = set.map(change.changes);
  const dirty = changedBlocks(change, within, before);
  if (before) mapped = outside(mapped, within);
  if (dirty.length === 0) return mapped;
  const pieces = intersect(within, dirty);
  return mapped.update({
    filterFrom: dirty[0].from,
    filterTo: dirty[dirty.length - 1].to,
    filter: (from, to) => !dirty.some((d) => from <= d.to && to >= d.from),
    add: pieces.length > 0 ? toRanges(build(pieces), host) : [],
    sort: true,
  });
}

function inputOf(state: EditorState): BuildInput {
  return { doc: state.doc, tree: syntaxTree(state), selection: state.selection.ranges };
}

/** The part of the text the block field decorates: the viewport and a margin, so tables just out of sight are drawn before they scroll in. */
const setWindow = StateEffect.define<{ from: number; to: number }>();
const WINDOW_MARGIN = 5000;
const INITIAL_WINDOW = 20_000;

export function livePreview(host: LivePreviewHost): Extension {
  const inline = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      /** The visible ranges the decorations were built over. */
      private within: readonly TextRange[];
      constructor(view: EditorView) {
        this.within = view.visibleRanges;
        this.decorations = toDecorations(inlineDecorations(inputOf(view.state), this.within), host);
      }
      update(update: ViewUpdate) {
        const treeChanged = syntaxTree(update.startState) !== syntaxTree(update.state);
        if (!update.viewportChanged && !update.docChanged && !update.selectionSet && !treeChanged) return;
        // The viewport moves a little after most keystrokes (the measure after the edit): what
        // stayed in view keeps its decorations too, only the blocks that came in are built.
        const before = update.viewportChanged ? this.within : undefined;
        const input = inputOf(update.state);
        const change = changeOf(update.startState, update.state, update.changes);
        this.within = update.view.visibleRanges;
        this.decorations = refreshDecorations(this.decorations, change, this.within, (pieces) => inlineDecorations(input, pieces), host, before);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
  const refreshBlocks = (set: DecorationSet, tr: Transaction, window: TextRange): DecorationSet => {
    const input = inputOf(tr.state);
    const build = (pieces: TextRange[]) => pieces.flatMap((piece) => blockDecorations(input, piece));
    return refreshDecorations(set, changeOf(tr.startState, tr.state, tr.changes), [window], build, host);
  };
  const blocks = StateField.define<{ window: { from: number; to: number }; decorations: DecorationSet }>({
    create(state) {
      const window = { from: 0, to: Math.min(state.doc.length, INITIAL_WINDOW) };
      return { window, decorations: toDecorations(blockDecorations(inputOf(state), window), host) };
    },
    update(value, tr) {
      let window = value.window;
      let moved = false;
      for (const effect of tr.effects) if (effect.is(setWindow)) [window, moved] = [effect.value, true];
      if (tr.docChanged && !moved) window = { from: tr.changes.mapPos(window.from, -1), to: tr.changes.mapPos(window.to, 1) };
      if (window === value.window && !tr.selection && syntaxTree(tr.state) === syntaxTree(tr.startState)) return value;
      // A new window is drawn whole; a keystroke redraws the blocks it changed.
      if (moved) return { window, decorations: toDecorations(blockDecorations(inputOf(tr.state), window), host) };
      return { window, decorations: refreshBlocks(value.decorations, tr, window) };
    },
    provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
  });
  // Tells the block field where the viewport went (after the update: a dispatch may not run inside one).
  const windowReporter = ViewPlugin.fromClass(
    class {
      private pending = false;
      private destroyed = false;
      constructor(private readonly view: EditorView) {
        this.report();
      }
      update(update: ViewUpdate) {
        if (update.viewportChanged) this.report();
      }
      destroy() {
        this.destroyed = true;
      }
      private report() {
        if (this.pending) return;
        this.pending = true;
        queueMicrotask(() => {
          this.pending = false;
          if (this.destroyed) return;
          const { from, to } = this.view.viewport;
          const length = this.view.state.doc.length;
          const window = { from: Math.max(0, from - WINDOW_MARGIN), to: Math.min(length, to + WINDOW_MARGIN) };
          const current = this.view.state.field(blocks, false)?.window;
          if (current && current.from <= window.from && current.to >= window.to && current.to - current.from <= 4 * (window.to - window.from)) return;
          this.view.dispatch({ effects: setWindow.of(window) });
        });
      }
    },
  );
  const clicks = EditorView.domEventHandlers({
    mousedown(event) {
      if (event.button !== 0 || !(event.target instanceof Element)) return false;
      const link = event.target.closest<HTMLElement>('.cm-lp-link');
      if (!link) return false;
      event.preventDefault();
      const newTab = event.ctrlKey || event.metaKey;
      const url = link.dataset.lpUrl;
      if (url !== undefined) host.openLink({ url }, newTab);
      else host.openLink({ target: link.dataset.lpTarget ?? '', heading: link.dataset.lpHeading ?? null, block: link.dataset.lpBlock ?? null }, newTab);
      return true;
    },
  });
  return [inline, blocks, windowReporter, clicks, EditorView.editorAttributes.of({ class: 'cm-live-preview' })];
}
