/**
 * Which parts of the text a transaction may have changed Live Preview's decorations in, so a
 * keystroke redraws the block it is in instead of the whole viewport (rebuilding every visible
 * decoration also made CodeMirror compare the old and new sets over the whole viewport).
 *
 * The unit is a top-level block of the syntax tree (a paragraph, a heading, a list, a table...):
 * its decorations depend only on its own text, its subtree and whether the selection's lines
 * touch it, and lie inside it. So a block needs redrawing when its text was changed, when the new
 * tree has no block of the same type over the same (mapped) extent (an opened code fence turns
 * the rest into code; a setext underline merges a line into a heading), or when the selection's
 * lines touch it before or after. Top-level blocks never touch (at least a line break lies
 * between them), so a decoration lies in exactly one block or in none.
 */
import type { ChangeDesc, EditorSelection, Text } from '@codemirror/state';
import type { NodeType, Tree } from '@lezer/common';
import type { Range } from './decoration-spec';

export interface BlockChange {
  startDoc: Text;
  doc: Text;
  startTree: Tree;
  tree: Tree;
  changes: ChangeDesc;
  /** The selections before and after, for decorations that depend on the selection's lines (Live Preview's do, highlighting does not). */
  startSelection?: EditorSelection;
  selection?: EditorSelection;
}

interface Block extends Range {
  type: NodeType;
}

/** The top-level blocks that overlap or touch [from, to]. */
function blocksIn(tree: Tree, from: number, to: number): Block[] {
  const out: Block[] = [];
  // The block starting before `from` may end at it or after; childAfter would skip one that ends at it.
  const first = tree.topNode.childBefore(from) ?? tree.topNode.firstChild;
  for (let node = first; node && node.from <= to; node = node.nextSibling) if (node.to >= from) out.push({ from: node.from, to: node.to, type: node.type });
  return out;
}

function selectionLines(doc: Text, selection: EditorSelection | undefined): Range[] {
  if (!selection) return [];
  return selection.ranges.map((r) => ({ from: doc.lineAt(r.from).from, to: doc.lineAt(r.to).to }));
}

/** Sorted, overlapping or touching ranges merged. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** `ranges` (old positions) mapped through `changes`, or null when that gives `to`. */
function movedRanges(changes: ChangeDesc, ranges: readonly Range[], to: readonly Range[]): Range[] | null {
  const mapped = ranges.map((r) => ({ from: changes.mapPos(r.from, -1), to: changes.mapPos(r.to, 1) }));
  const same = mapped.length === to.length && mapped.every((r, i) => r.from === to[i].from && r.to === to[i].to);
  return same ? null : mapped;
}

/**
 * The ranges of the new text, within `within` (new positions), whose decorations must be rebuilt;
 * everything else keeps its decorations mapped through the changes. Sorted and disjoint.
 * `before` is what the old decorations were built over (old positions) when that was not simply
 * `within` before the changes (the viewport moved): then the blocks that came into view, and
 * those cut by the old or new edges (built only as far as the edge), are rebuilt too.
 */
export function changedBlocks(change: BlockChange, within: readonly Range[], before?: readonly Range[]): Range[] {
  const { changes, doc, tree } = change;
  const back = changes.invertedDesc;
  const dirty: Range[] = [];
  const oldLines = selectionLines(change.startDoc, change.startSelection);
  for (const w of within) {
    const unchanged = new Map<number, Block>();
    for (const b of blocksIn(change.startTree, back.mapPos(w.from, -1), back.mapPos(w.to, 1))) {
      const mapped = { from: changes.mapPos(b.from, -1), to: changes.mapPos(b.to, 1), type: b.type };
      // Edited, on the old selection's lines (its markup was shown there), or past the end of the
      // new tree (a parse cut short: a full build would draw nothing there either): redrawn.
      const redrawn = changes.touchesRange(b.from, b.to) || oldLines.some((l) => l.from <= b.to && l.to >= b.from) || mapped.to >= tree.length;
      if (redrawn) dirty.push(mapped);
      else unchanged.set(mapped.from, mapped);
    }
    for (const b of blocksIn(tree, w.from, w.to)) {
      const old = unchanged.get(b.from);
      if (!old || old.to !== b.to || old.type !== b.type) dirty.push(b);
    }
  }
  const moved = before && movedRanges(changes, before, within);
  if (moved) {
    const inside = (b: Range) => moved.some((m) => m.from <= b.from && b.to <= m.to);
    const cut = (b: Range, edges: readonly Range[]) => edges.some((e) => (b.from < e.from && e.from <= b.to) || (b.from <= e.to && e.to < b.to));
    for (const w of within) for (const b of blocksIn(tree, w.from, w.to)) if (!inside(b) || cut(b, within) || cut(b, moved)) dirty.push(b);
  }
  // The new selection's lines show their markup: the blocks they touch are redrawn.
  for (const line of selectionLines(doc, change.selection)) {
    dirty.push(line);
    for (const b of blocksIn(tree, line.from, line.to)) dirty.push(b);
  }
  return mergeRanges(dirty);
}

/** `within` less everything outside `dirty`: the pieces to build decorations for. */
export function intersect(within: readonly Range[], dirty: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const w of within)
    for (const d of dirty) {
      const from = Math.max(w.from, d.from);
      const to = Math.min(w.to, d.to);
      if (from <= to) out.push({ from, to });
    }
  return out;
}
