/**
 * Which labels to draw so that no two are drawn on top of each other: a greedy pass over the
 * label boxes in priority order (the must-show ones first, then the best-connected nodes),
 * keeping a label only where it overlaps none kept before. A uniform grid over the boxes keeps
 * each test to the few boxes nearby, so a medium graph (a couple of thousand labels) is a
 * millisecond or two. Pure: the graph wiring is label-cull.ts.
 */

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher goes first. */
  priority: number;
  /** Always shown (and an obstacle for the others), whatever it overlaps. */
  keep?: boolean;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The ids of the labels to show: every `keep` box, and each other box that overlaps none shown before it. */
export function labelsToShow(boxes: readonly LabelBox[]): Set<string> {
  const shown = new Set<string>();
  if (boxes.length === 0) return shown;
  // Cells about the size of a typical label: a box touches a handful of them.
  let totalW = 0;
  let totalH = 0;
  for (const b of boxes) {
    totalW += b.x2 - b.x1;
    totalH += b.y2 - b.y1;
  }
  const cellW = Math.max(1e-6, totalW / boxes.length);
  const cellH = Math.max(1e-6, totalH / boxes.length);
  // A spatial hash in flat arrays (bucket heads, then a linked list of entries): no allocation
  // per cell, so the cost stays linear in the labels (a Map of arrays spent most of its time in
  // allocation and GC at 8k labels). Cells sharing a bucket only add candidates: the overlap
  // test itself is exact.
  let buckets = 1;
  while (buckets < 4 * boxes.length) buckets *= 2;
  const mask = buckets - 1;
  const head = new Int32Array(buckets).fill(-1);
  let next = new Int32Array(4 * boxes.length + 16);
  let item = new Int32Array(next.length);
  let entries = 0;
  const bucket = (x: number, y: number) => (Math.imul(x, 73856093) ^ Math.imul(y, 19349663)) & mask;
  const ordered = [...boxes].sort(
    (a, b) => Number(b.keep ?? false) - Number(a.keep ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const hits = (b: LabelBox, cx1: number, cx2: number, cy1: number, cy2: number): boolean => {
    for (let x = cx1; x <= cx2; x++) {
      for (let y = cy1; y <= cy2; y++) {
        for (let e = head[bucket(x, y)]; e !== -1; e = next[e]) if (overlaps(b, ordered[item[e]])) return true;
      }
    }
    return false;
  };
  const place = (i: number, cx1: number, cx2: number, cy1: number, cy2: number) => {
    shown.add(ordered[i].id);
    for (let x = cx1; x <= cx2; x++) {
      for (let y = cy1; y <= cy2; y++) {
        if (entries === next.length) {
          const grow = (old: Int32Array) => {
            const bigger = new Int32Array(old.length * 2);
            bigger.set(old);
            return bigger;
          };
          next = grow(next);
          item = grow(item);
        }
        const h = bucket(x, y);
        item[entries] = i;
        next[entries] = head[h];
        head[h] = entries++;
      }
    }
  };
  for (let i = 0; i < ordered.length; i++) {
    const b = ordered[i];
    if (!(b.x2 > b.x1 && b.y2 > b.y1)) continue; // no room taken, nothing drawn
    const cx1 = Math.floor(b.x1 / cellW);
    const cx2 = Math.floor(b.x2 / cellW);
    const cy1 = Math.floor(b.y1 / cellH);
    const cy2 = Math.floor(b.y2 / cellH);
    if (b.keep || !hits(b, cx1, cx2, cy1, cy2)) place(i, cx1, cx2, cy1, cy2);
  }
  return shown;
}

/** Average glyph width of the UI font as a share of its size (a title's width is close enough for collisions). */
export const GLYPH_WIDTH = 0.6;
/** Line height as a share of the font size. */
export const LINE_HEIGHT = 1.25;

/**
 * The box (model coordinates) of a label drawn the way the stylesheet draws them: centred
 * under the node (text-valign bottom) after `marginY`, one line of `text` at `fontSize`.
 */
export function labelBoxUnder(
  node: { x: number; y: number; height: number },
  text: string,
  fontSize: number,
  marginY: number,
): { x1: number; y1: number; x2: number; y2: number } {
  const w = text.length * fontSize * GLYPH_WIDTH;
  const y1 = node.y + node.height / 2 + marginY;
  return { x1: node.x - w / 2, y1, x2: node.x + w / 2, y2: y1 + fontSize * LINE_HEIGHT };
}
