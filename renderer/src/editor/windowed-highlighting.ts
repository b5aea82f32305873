/**
 * Syntax highlighting that looks only at the blocks on screen. CodeMirror's own
 * syntaxHighlighting hands @lezer/highlight the whole tree, and highlightTree steps through
 * every top-level block before the visible range to get there: on a long note that walk, not
 * the highlighting, is most of a keystroke. Here each visible range gets a tree holding just the
 * top-level blocks that overlap it (found by position, through the tree's balanced index), so the
 * work follows the screen, not the note. Same classes, same marks as syntaxHighlighting.
 */
import { syntaxTree, type HighlightStyle } from '@codemirror/language';
import { Prec, RangeSetBuilder, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { Tree } from '@lezer/common';
import { highlightTree } from '@lezer/highlight';
import { changedBlocks, intersect } from './live-preview/changed-blocks';

/**
 * `tree` cut down to its top-level children overlapping [from, to] (positions kept), or the tree
 * itself when a child has no tree of its own (a buffer node: then the walk is short anyway).
 */
export function treeOverlapping(tree: Tree, from: number, to: number): Tree {
  const children: Tree[] = [];
  const positions: number[] = [];
  for (let node = tree.topNode.childAfter(from); node && node.from <= to; node = node.nextSibling) {
    const own = node.tree;
    if (!own) return tree;
    children.push(own);
    positions.push(node.from);
  }
  return new Tree(tree.type, children, positions, tree.length);
}

export function windowedHighlighting(style: HighlightStyle): Extension {
  // High precedence, as syntaxHighlighting: the syntax marks wrap the other marks the same way.
  const plugin = Prec.high(
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        private tree: Tree;
        private decoratedTo: number;
        /** False while the marks are old ones mapped over a parse still short of the viewport: they are not `tree`'s, so the next tree is highlighted in full. */
        private exact = true;
        private readonly marks: Record<string, Decoration> = Object.create(null) as Record<string, Decoration>;
        constructor(view: EditorView) {
          this.tree = syntaxTree(view.state);
          this.decorations = this.build(view.visibleRanges);
          this.decoratedTo = view.viewport.to;
        }
        update(update: ViewUpdate) {
          const tree = syntaxTree(update.state);
          const { viewport } = update.view;
          const decoratedTo = update.changes.mapPos(this.decoratedTo, 1);
          // As syntaxHighlighting does: while the parse has not reached the viewport's end, keep the
          // marks already drawn there (mapped) rather than dropping them for a shorter tree.
          if (tree.length < viewport.to && tree.type === this.tree.type && decoratedTo >= viewport.to) {
            this.decorations = this.decorations.map(update.changes);
            this.decoratedTo = decoratedTo;
            this.exact = false;
          } else if (update.viewportChanged || decoratedTo < viewport.to || !this.exact) {
            this.tree = tree;
            this.exact = true;
            this.decorations = this.build(update.view.visibleRanges);
            this.decoratedTo = viewport.to;
          } else if (tree !== this.tree) {
            // A keystroke: the blocks it changed are highlighted again, the rest keep their marks (mapped).
            const change = { startDoc: update.startState.doc, doc: update.state.doc, startTree: this.tree, tree, changes: update.changes };
            const { visibleRanges } = update.view;
            const dirty = changedBlocks(change, visibleRanges);
            this.tree = tree;
            this.decoratedTo = decoratedTo;
            const mapped = this.decorations.map(update.changes);
            if (dirty.length === 0) this.decorations = mapped;
            else {
              const add: Range<Decoration>[] = [];
              for (let it = this.build(intersect(visibleRanges, dirty)).iter(); it.value; it.next()) add.push(it.value.range(it.from, it.to));
              this.decorations = mapped.update({
                filterFrom: dirty[0].from,
                filterTo: dirty[dirty.length - 1].to,
                filter: (from, to) => !dirty.some((d) => from <= d.to && to >= d.from),
                add,
              });
            }
          }
        }
        private build(ranges: readonly { from: number; to: number }[]): DecorationSet {
          if (!this.tree.length) return Decoration.none;
          const builder = new RangeSetBuilder<Decoration>();
          for (const { from, to } of ranges) {
            highlightTree(
              treeOverlapping(this.tree, from, to),
              style,
              (start, end, cls) => builder.add(start, end, this.marks[cls] ?? (this.marks[cls] = Decoration.mark({ class: cls }))),
              from,
              to,
            );
          }
          return builder.finish();
        }
      },
      { decorations: (value) => value.decorations },
    ),
  );
  return style.module ? [plugin, EditorView.styleModule.of(style.module)] : plugin;
}
