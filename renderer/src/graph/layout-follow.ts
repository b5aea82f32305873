/**
 * Keeping a streaming layout in view. A fresh ForceAtlas2 run starts from a provisional disc and
 * spreads the graph out (or pulls it in) as it goes, so the camera fitted to the disc soon shows
 * a corner of the graph or a speck. Before each batch of streamed positions is drawn, the camera
 * is refitted when the graph no longer fits the viewport or fills less than half of it; a
 * camera the user moved meanwhile (a pan, a zoom) is left alone for the rest of the run.
 * Refitting only past those bounds, not at every batch, keeps the overview's pictures valid
 * between batches (a new camera means a new picture).
 */
import type { Core } from 'cytoscape';
import { fitToCentres } from './fit-centres';

/** Below this share of the viewport (in both directions) the graph is refitted. */
export const FOLLOW_MIN_FILL = 0.35;
/** A refit leaves this much room around the graph (a share of its size on each side), so a spreading layout stays in view a while. */
export const FOLLOW_ROOM = 0.25;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box around x then y pairs, or undefined when there are none. */
export function extentOfPairs(xy: Float64Array): Box | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let k = 0; k + 1 < xy.length; k += 2) {
    const x = xy[k];
    const y = xy[k + 1];
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  return Number.isFinite(x1) ? { x1, y1, x2, y2 } : undefined;
}

/** Whether a graph spanning `box` needs a refit in a viewport showing `view` (both in graph coordinates). */
export function needsRefit(box: Box, view: Box): boolean {
  const outside = box.x1 < view.x1 || box.y1 < view.y1 || box.x2 > view.x2 || box.y2 > view.y2;
  const fillX = (box.x2 - box.x1) / Math.max(1e-9, view.x2 - view.x1);
  const fillY = (box.y2 - box.y1) / Math.max(1e-9, view.y2 - view.y1);
  return outside || Math.max(fillX, fillY) < FOLLOW_MIN_FILL;
}

export class LayoutFollow {
  /** The camera this left after its last batch; null before the first batch of a run. */
  private last: { zoom: number; x: number; y: number } | null = null;
  private moved = false;

  /** Whether the user moved the camera during this run. */
  get userMoved(): boolean {
    return this.moved;
  }

  constructor(private readonly core: () => Core) {}

  /** A new run (a load, a dropped layout): follow again from the camera as it is. */
  reset(): void {
    this.last = null;
    this.moved = false;
  }

  /** Before a batch of positions (x then y pairs) is drawn. */
  before(xy: Float64Array): void {
    const cy = this.core();
    if (this.last && !this.moved && !sameCamera(this.last, cy)) this.moved = true;
    if (this.moved) return;
    const box = extentOfPairs(xy);
    if (box && needsRefit(box, cy.extent())) {
      const dx = (box.x2 - box.x1) * FOLLOW_ROOM;
      const dy = (box.y2 - box.y1) * FOLLOW_ROOM;
      fitToCentres(cy, [
        { x: box.x1 - dx, y: box.y1 - dy },
        { x: box.x2 + dx, y: box.y2 + dy },
      ]);
    }
    const pan = cy.pan();
    this.last = { zoom: cy.zoom(), x: pan.x, y: pan.y };
  }
}

function sameCamera(a: { zoom: number; x: number; y: number }, cy: Core): boolean {
  const pan = cy.pan();
  return a.zoom === cy.zoom() && a.x === pan.x && a.y === pan.y;
}
