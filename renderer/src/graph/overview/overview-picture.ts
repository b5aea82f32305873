/**
 * One picture of the overview at one camera: edges as straight lines, nodes as discs (squares
 * once smaller than a few pixels), each layer on its own offscreen canvas. Drawing is a job
 * done in time-boxed slices across frames, nodes first so the structure shows at once, so no
 * frame waits for tens of thousands of lines. Lines go in batches of one path each: a single
 * path of every edge costs several times more to rasterise than the same lines in batches
 * (measured, software canvas), and batches overlap the way cytoscape's translucent edges do.
 *
 * Chromium records a canvas's drawing and rasterises it only when the canvas is read: without
 * a flush, a slice only recorded its lines and the whole picture's lines were rasterised in one
 * task when the picture was first copied to the screen (a long task for a dense graph, traced;
 * docs/benchmarks.md). Each batch is therefore read back by one pixel (`flush`), so the slice's clock
 * counts the rasterisation; the layer canvases are CPU canvases (`willReadFrequently`), where
 * that read is cheap.
 */
import type { CanvasPool } from './canvas-pool';
import type { OverviewModel } from './overview-model';

/** Rendered = model * zoom + pan, in CSS pixels (cytoscape's viewport). */
export interface Camera {
  zoom: number;
  panX: number;
  panY: number;
}

export interface PictureStyle {
  edge: string;
  /** Opacity of each batch of edges (cytoscape's edge style uses 0.7; the overview draws many more per pixel). */
  edgeAlpha: number;
  edgeWidth: number;
  nodeScale: number;
}

/** Lines per path. */
const EDGE_BATCH = 256;
/** Work between two looks at the clock: small enough that a slice overruns its budget by little. */
const NODES_PER_CHECK = 512;
const EDGES_PER_CHECK = 4 * EDGE_BATCH;
/** Nodes smaller than this (radius, CSS px) are drawn as squares: a tenth of the cost of arcs. */
const ARC_MIN_RADIUS = 2.5;
/** Nodes are never smaller than this on screen, so a zoomed-out graph still shows its nodes. */
const MIN_RADIUS = 1;

export class Picture {
  readonly nodes: HTMLCanvasElement;
  readonly edges: HTMLCanvasElement;
  private readonly nodeCtx: CanvasRenderingContext2D;
  private readonly edgeCtx: CanvasRenderingContext2D;
  /** Nodes in colour order, so each colour is one fill per slice. */
  private readonly order: Uint32Array;
  private nextNode = 0;
  private nextEdge = 0;

  constructor(
    private readonly pool: CanvasPool,
    readonly model: OverviewModel,
    readonly camera: Camera,
    readonly width: number,
    readonly height: number,
    readonly ratio: number,
    private readonly style: PictureStyle,
  ) {
    const make = () => pool.take(Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio)));
    this.nodes = make();
    this.edges = make();
    this.nodeCtx = this.context(this.nodes);
    this.edgeCtx = this.context(this.edges);
    this.order = colourOrder(model);
  }

  private context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
    const ctx = canvas.getContext('2d', LAYER_CONTEXT);
    if (!ctx) throw new Error('The graph overview needs a 2D canvas context.');
    const { zoom, panX, panY } = this.camera;
    ctx.setTransform(this.ratio * zoom, 0, 0, this.ratio * zoom, this.ratio * panX, this.ratio * panY);
    return ctx;
  }

  /** Not drawn from any more: its canvases go back to the pool. */
  release(): void {
    this.pool.give(this.nodes);
    this.pool.give(this.edges);
  }

  get done(): boolean {
    return this.nodesDone && this.nextEdge >= this.edgeEnd;
  }

  /** Where the edges to draw end in `model.edges` (none while the links are hidden). */
  private get edgeEnd(): number {
    return this.model.linksHidden ? 0 : this.model.edges.length;
  }

  get nodesDone(): boolean {
    return this.nextNode >= this.order.length;
  }

  /** Draws until `budgetMs` have passed (at least one batch); true when the picture is complete. */
  step(budgetMs: number, now: () => number = () => performance.now()): boolean {
    const end = now() + budgetMs;
    while (!this.nodesDone) {
      this.drawNodes(this.nextNode + NODES_PER_CHECK);
      flush(this.nodeCtx);
      if (now() >= end) return this.done;
    }
    while (this.nextEdge < this.edgeEnd) {
      this.drawEdges(this.nextEdge + 2 * EDGES_PER_CHECK);
      flush(this.edgeCtx);
      if (now() >= end) break;
    }
    return this.done;
  }

  /** The model-space rectangle this picture covers, with a margin of `pad` CSS px. */
  private bounds(pad: number) {
    const { zoom, panX, panY } = this.camera;
    return { x1: (-pad - panX) / zoom, y1: (-pad - panY) / zoom, x2: (this.width + pad - panX) / zoom, y2: (this.height + pad - panY) / zoom };
  }

  private drawNodes(until: number): void {
    const { x, y, radius, colour, palette, shown } = this.model;
    const ctx = this.nodeCtx;
    const zoom = this.camera.zoom;
    const scale = this.style.nodeScale;
    const b = this.bounds(40);
    const stop = Math.min(until, this.order.length);
    let current = -1;
    ctx.beginPath();
    for (let k = this.nextNode; k < stop; k++) {
      const i = this.order[k];
      if (!shown[i]) continue;
      const r = Math.max(radius[i] * scale, MIN_RADIUS / zoom);
      if (x[i] + r < b.x1 || x[i] - r > b.x2 || y[i] + r < b.y1 || y[i] - r > b.y2) continue;
      if (colour[i] !== current) {
        if (current >= 0) ctx.fill();
        current = colour[i];
        ctx.fillStyle = palette[current];
        ctx.beginPath();
      }
      if (r * zoom < ARC_MIN_RADIUS) ctx.rect(x[i] - r, y[i] - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(x[i] + r, y[i]);
        ctx.arc(x[i], y[i], r, 0, 2 * Math.PI);
      }
    }
    if (current >= 0) ctx.fill();
    this.nextNode = stop;
  }

  private drawEdges(until: number): void {
    const { x, y, edges } = this.model;
    const ctx = this.edgeCtx;
    const b = this.bounds(0);
    const stop = Math.min(until, edges.length);
    ctx.strokeStyle = this.style.edge;
    ctx.globalAlpha = this.style.edgeAlpha;
    // At least one device pixel wide: thinner lines cost more to rasterise and fade to nothing.
    ctx.lineWidth = Math.max(this.style.edgeWidth, 1 / this.ratio) / this.camera.zoom;
    let inPath = 0;
    ctx.beginPath();
    for (let k = this.nextEdge; k < stop; k += 2) {
      const a = edges[k];
      const c = edges[k + 1];
      const ax = x[a];
      const ay = y[a];
      const cx = x[c];
      const cy = y[c];
      // Both ends beyond the same side: the line cannot cross the picture.
      if ((ax < b.x1 && cx < b.x1) || (ax > b.x2 && cx > b.x2) || (ay < b.y1 && cy < b.y1) || (ay > b.y2 && cy > b.y2)) continue;
      ctx.moveTo(ax, ay);
      ctx.lineTo(cx, cy);
      if (++inPath === EDGE_BATCH) {
        ctx.stroke();
        ctx.beginPath();
        inPath = 0;
      }
    }
    if (inPath > 0) ctx.stroke();
    this.nextEdge = stop;
  }
}

/** The layer canvases are drawn on the CPU and read back by a pixel after every batch (flush). */
const LAYER_CONTEXT: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** Rasterises what the context has recorded so far (reading a pixel needs it done). */
function flush(ctx: CanvasRenderingContext2D): void {
  ctx.getImageData(0, 0, 1, 1);
}

/** Node indices sorted by colour (stable). */
function colourOrder(model: OverviewModel): Uint32Array {
  const n = model.ids.length;
  const counts = new Uint32Array(model.palette.length + 1);
  for (let i = 0; i < n; i++) counts[model.colour[i] + 1]++;
  for (let c = 0; c < model.palette.length; c++) counts[c + 1] += counts[c];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[counts[model.colour[i]]++] = i;
  return order;
}

/**
 * Where a picture drawn at `from` lands when shown at `to`: its top-left corner and scale, in
 * CSS pixels (panning moves it, zooming scales it about the origin of the rendered space).
 */
export function placement(from: Camera, to: Camera): { dx: number; dy: number; scale: number } {
  const scale = to.zoom / from.zoom;
  return { dx: to.panX - from.panX * scale, dy: to.panY - from.panY * scale, scale };
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.zoom === b.zoom && a.panX === b.panX && a.panY === b.panY;
}
