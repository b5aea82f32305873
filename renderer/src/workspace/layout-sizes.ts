/**
 * Resizing splits, as pure transitions like the rest of the layout model: a separator between
 * two children of a split moves to a position (a fraction of the split's length), and only those
 * two children change size. Each keeps at least MIN_SHARE of the split, so no pane can be dragged
 * shut (closing is what the tab's × is for).
 */
import type { Layout } from './layout-model';
import { findSplit, mapSplit, shares } from './layout-tree';
import type { Split } from './layout-types';

export const MIN_SHARE = 0.1;

export interface SeparatorRange {
  /** Where the separator is, as a fraction of the split's length from its start. */
  position: number;
  min: number;
  max: number;
}

/** The separator after child `index` of `split`: where it is and how far it may go. */
export function separatorRange(split: Split, index: number): SeparatorRange {
  const f = shares(split);
  if (index < 0 || index >= f.length - 1) throw new Error(`layout: split ${split.id} has no separator ${index}`);
  const start = f.slice(0, index).reduce((a, b) => a + b, 0);
  const end = start + f[index] + f[index + 1];
  const position = start + f[index];
  // A pair already smaller than two minimums can still be moved within itself, not grown.
  const room = Math.min(MIN_SHARE, (end - start) / 2);
  return { position, min: start + room, max: end - room };
}

/** Moves the separator after child `index` of split `splitId` to `position` (clamped); anything unknown leaves the layout as it is. */
export function resizeSplit(layout: Layout, splitId: string, index: number, position: number): Layout {
  const split = findSplit(layout.root, splitId);
  if (!split || index < 0 || index >= split.children.length - 1 || !Number.isFinite(position)) return layout;
  const { min, max, position: now } = separatorRange(split, index);
  const to = Math.min(max, Math.max(min, position));
  if (to === now) return layout;
  const f = shares(split);
  const start = now - f[index];
  const end = now + f[index + 1];
  const sizes = f.map((x, i) => (i === index ? to - start : i === index + 1 ? end - to : x));
  return { ...layout, root: mapSplit(layout.root, splitId, (s) => ({ ...s, sizes })) };
}
