/**
 * A uniform grid over node centres: which node is under the pointer (hit-testing on the
 * overview, which has no per-element drawing to ask) and how many nodes a viewport holds (the
 * level-of-detail choice). Built once per model in O(n); a query looks only at the cells near
 * the point or inside the rectangle, so it costs the same at 1k and 50k nodes.
 */

export interface GridInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Each node's radius in graph units (its drawn disc). */
  radius: ArrayLike<number>;
  /** Nodes not shown are left out (0); all are in when absent. */
  shown?: ArrayLike<number>;
}

/** About this many nodes per cell: few enough to scan, few enough cells to count a whole viewport quickly. */
const PER_CELL = 2;

export class SpatialGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Cell c holds items[start[c]] .. items[start[c + 1] - 1]. */
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;
  private readonly maxRadius: number;
  readonly size: number;

  constructor(private readonly input: GridInput) {
    const { x, y, radius, shown } = input;
    const n = x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let maxRadius = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (shown && !shown[i]) continue;
      size++;
      if (x[i] < minX) minX = x[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i];
      if (y[i] > maxY) maxY = y[i];
      if (radius[i] > maxRadius) maxRadius = radius[i];
    }
    this.size = size;
    this.maxRadius = maxRadius;
    if (size === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
    const width = Math.max(maxX - minX, 1);
    const height = Math.max(maxY - minY, 1);
    this.cell = Math.max(Math.sqrt((width * height * PER_CELL) / Math.max(size, 1)), 1e-6);
    this.cols = Math.max(1, Math.min(4096, Math.ceil(width / this.cell) + 1));
    this.rows = Math.max(1, Math.min(4096, Math.ceil(height / this.cell) + 1));
    this.minX = minX;
    this.minY = minY;
    // Counting sort into cells: two passes, no per-cell arrays.
    const cells = this.cols * this.rows;
    const cellOf = new Uint32Array(n);
    const start = new Uint32Array(cells + 1);
    for (let i = 0; i < n; i++) {
      if (shown && !shown[i]) continue;
      const c = this.cellIndex(this.colOf(x[i]), this.rowOf(y[i]));
      cellOf[i] = c;
      start[c + 1]++;
    }
    for (let c = 0; c < cells; c++) start[c + 1] += start[c];
    const fill = start.slice(0, cells);
    const items = new Uint32Array(size);
    for (let i = 0; i < n; i++) {
      if (shown && !shown[i]) continue;
      items[fill[cellOf[i]]++] = i;
    }
    this.start = start;
    this.items = items;
  }

  private colOf(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
  }

  private rowOf(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
  }

  private cellIndex(col: number, row: number): number {
    return row * this.cols + col;
  }

  /**
   * The node whose disc is nearest to (x, y), counting a point inside a disc as distance 0,
   * within `tolerance` graph units of its edge; -1 when there is none. Of overlapping discs the
   * one whose centre is closest wins (the small node drawn over a hub stays clickable).
   */
  nearest(x: number, y: number, tolerance: number): number {
    if (this.size === 0) return -1;
    const reach = this.maxRadius + tolerance;
    const { x: xs, y: ys, radius } = this.input;
    let best = -1;
    let bestGap = Infinity;
    let bestCentre = Infinity;
    for (let row = this.rowOf(y - reach); row <= this.rowOf(y + reach); row++) {
      for (let col = this.colOf(x - reach); col <= this.colOf(x + reach); col++) {
        const c = this.cellIndex(col, row);
        for (let k = this.start[c]; k < this.start[c + 1]; k++) {
          const i = this.items[k];
          const centre = Math.hypot(xs[i] - x, ys[i] - y);
          const gap = Math.max(0, centre - radius[i]);
          if (gap > tolerance) continue;
          if (gap < bestGap || (gap === bestGap && centre < bestCentre)) {
            best = i;
            bestGap = gap;
            bestCentre = centre;
          }
        }
      }
    }
    return best;
  }

  /** How many node centres lie in the rectangle (inclusive). Whole cells inside it are counted without looking at their nodes. */
  countIn(x1: number, y1: number, x2: number, y2: number): number {
    if (this.size === 0 || x2 < x1 || y2 < y1) return 0;
    const { x: xs, y: ys } = this.input;
    let count = 0;
    const c1 = this.colOf(x1);
    const c2 = this.colOf(x2);
    const r1 = this.rowOf(y1);
    const r2 = this.rowOf(y2);
    for (let row = r1; row <= r2; row++) {
      const top = this.minY + row * this.cell;
      // Edge rows and columns are clamped, so they can hold points outside the grid's span.
      const rowInside = row > 0 && row < this.rows - 1 && top >= y1 && top + this.cell <= y2;
      for (let col = c1; col <= c2; col++) {
        const c = this.cellIndex(col, row);
        const left = this.minX + col * this.cell;
        if (rowInside && col > 0 && col < this.cols - 1 && left >= x1 && left + this.cell <= x2) {
          count += this.start[c + 1] - this.start[c];
          continue;
        }
        for (let k = this.start[c]; k < this.start[c + 1]; k++) {
          const i = this.items[k];
          if (xs[i] >= x1 && xs[i] <= x2 && ys[i] >= y1 && ys[i] <= y2) count++;
        }
      }
    }
    return count;
  }
}
