/**
 * The overview renderer: one canvas over cytoscape's, drawing a big graph zoomed out as points
 * and lines from positions. The screen is the last complete picture composited at a camera (two
 * bitmap copies, whatever the graph's size); while the camera moves, that composite is only
 * moved and scaled on screen (overview-stage.ts), and composited again at the exact camera once
 * it rests, when a picture completes, or when the canvas is resized. A new picture is drawn in
 * slices (overview-picture.ts) once the camera rests or the model changes, and replaces the old
 * one when complete, so a pan or zoom never waits for the graph to be drawn again. Input goes to
 * the handlers: pans move cytoscape's viewport (cytoscape zooms by the wheel itself), which comes
 * back through setCamera.
 */
import { CanvasPool } from './canvas-pool';
import { attachInput } from './overview-input';
import type { OverviewModel } from './overview-model';
import { placement, Picture, sameCamera, type Camera, type PictureStyle } from './overview-picture';
import { SpatialGrid } from './spatial-grid';
import { OverviewStage } from './overview-stage';
import type { OverviewOptions } from './overview-options';

export type { Camera } from './overview-picture';

/** The camera must rest this long before the picture is drawn again for it. */
export const REST_MS = 120;
/**
 * Drawing time per frame for a new picture while an old one is on screen (the view keeps
 * moving), and for the first one and the first of a layout's positions (nothing worth showing
 * yet: fewer, longer frames finish it sooner, within the 150 ms a frame may take; the slices
 * count the lines' rasterisation, overview-picture.ts).
 */
const SLICE_MS = 8;
const FIRST_SLICE_MS = 100;
/** Extra CSS px around a node that still count as a hit. */
const HIT_TOLERANCE_PX = 3;

export class OverviewView {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private model: OverviewModel | null = null;
  private grid: SpatialGrid | null = null;
  private camera: Camera = { zoom: 1, panX: 0, panY: 0 };
  /** The camera the canvas was last composited at (null: it must be composited again). */
  private composited: Camera | null = null;
  private canvasResized = false;
  /** The last complete picture. */
  private shown: Picture | null = null;
  /** The picture being drawn. */
  private pending: Picture | null = null;
  private active = false;
  private raf: number | null = null;
  private rest: ReturnType<typeof setTimeout> | null = null;
  private hovered: string | null = null;
  private frameCount = 0;
  private readonly frameListeners = new Set<() => void>();
  private drawnWaiters: Array<() => void> = [];
  /** The model changed while `pending` was drawn over a shown picture: a new one follows when it completes. */
  private modelAfterPending = false;
  private layoutPictureCount = 0;
  private readonly pool: CanvasPool;
  private readonly stage: OverviewStage;
  private readonly detachInput: () => void;

  constructor(
    private readonly container: HTMLElement,
    private options: OverviewOptions,
  ) {
    this.pool = new CanvasPool(container.ownerDocument);
    this.stage = new OverviewStage(container, options.colours.background);
    this.canvas = this.stage.canvas;
    this.ctx = this.stage.ctx;
    const h = options.handlers;
    this.detachInput = attachInput(this.stage.surface, {
      pan: (dx, dy) => h.pan(dx, dy),
      tap: (x, y, newTab) => {
        const id = this.hitAt(x, y);
        if (id) h.tap(id, newTab);
      },
      doubleTap: (x, y) => {
        const id = this.hitAt(x, y);
        if (id) h.doubleTap(id);
      },
      hover: (x, y) => this.setHovered(this.hitAt(x, y)),
      leave: () => this.setHovered(null),
    });
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Frames drawn since creation (the bench counts them as cytoscape's 'render' events). */
  get frames(): number {
    return this.frameCount;
  }

  onFrame(listener: () => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Complete pictures shown so far whose model had a layout's positions. */
  get layoutPictures(): number {
    return this.layoutPictureCount;
  }

  setModel(model: OverviewModel): void {
    this.model = model;
    const scale = this.options.nodeScale;
    this.grid = new SpatialGrid({ x: model.x, y: model.y, radius: model.radius.map((r) => r * scale), shown: model.shown });
    // A running layout sends new positions every few hundred ms, often sooner than a picture of
    // a dense graph is drawn in slices: restarting it each time would never show one. The
    // picture in progress is finished (the shown one stays meanwhile), then the newest model is drawn.
    if (this.pending && this.shown && this.active && sameCamera(this.pending.camera, this.camera)) {
      this.modelAfterPending = true;
      return;
    }
    this.startPicture();
  }

  /** Theme colours, node size or link thickness changed: a new picture. */
  setOptions(next: Omit<OverviewOptions, 'handlers'>): void {
    this.options = { ...this.options, ...next };
    this.stage.setBackground(this.options.colours.background);
    if (this.model) this.setModel(this.model);
  }

  setCamera(camera: Camera): void {
    this.camera = camera;
    if (!this.active) return;
    this.requestFrame();
    if (this.rest !== null) clearTimeout(this.rest);
    this.rest = setTimeout(() => {
      this.rest = null;
      // The gesture paused: the screen is composited again at the exact camera, the shown picture's
      // marks and edges where they belong, before a new picture for this camera is drawn.
      if (this.composited && !sameCamera(this.composited, this.camera)) {
        this.composited = null;
        this.requestFrame();
      }
      const target = this.pending ?? this.shown;
      if (!target || !sameCamera(target.camera, this.camera)) this.startPicture();
    }, REST_MS);
  }

  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    this.composited = null;
    this.stage.show(on);
    if (!on) {
      this.setHovered(null);
      // cytoscape draws now: nobody should wait for a picture that is no longer shown.
      for (const w of this.drawnWaiters.splice(0)) w();
      return;
    }
    const target = this.pending ?? this.shown;
    if (!target || !sameCamera(target.camera, this.camera)) this.startPicture();
    this.requestFrame();
  }

  /** Shown nodes whose centre is in this model-space rectangle. */
  countIn(x1: number, y1: number, x2: number, y2: number): number {
    return this.grid?.countIn(x1, y1, x2, y2) ?? 0;
  }

  /** The node under (x, y), CSS px in the canvas, or null. */
  hitAt(x: number, y: number): string | null {
    if (!this.grid || !this.model) return null;
    const { zoom, panX, panY } = this.camera;
    const i = this.grid.nearest((x - panX) / zoom, (y - panY) / zoom, HIT_TOLERANCE_PX / zoom);
    return i < 0 ? null : this.model.ids[i];
  }

  /** Resolves once a complete picture of the latest model is on screen, or at once when the overview is not drawing. */
  whenDrawn(): Promise<void> {
    if (!this.active || (this.shown && this.shown.model === this.model && !this.pending)) return Promise.resolve();
    return new Promise((resolve) => this.drawnWaiters.push(resolve));
  }

  destroy(): void {
    if (this.raf !== null) cancelAnimationFrame(this.raf);
    if (this.rest !== null) clearTimeout(this.rest);
    this.detachInput();
    this.stage.destroy();
    this.frameListeners.clear();
    // Nobody waits forever on a view that is gone.
    for (const w of this.drawnWaiters.splice(0)) w();
  }

  private setHovered(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.options.handlers.hover(id);
  }

  private size(): { width: number; height: number; ratio: number } {
    const ratio = this.container.ownerDocument.defaultView?.devicePixelRatio || 1;
    return { width: this.container.clientWidth, height: this.container.clientHeight, ratio };
  }

  private startPicture(): void {
    if (!this.model) return;
    const { width, height, ratio } = this.size();
    const { colours, nodeScale, edgeWidth } = this.options;
    const style: PictureStyle = { edge: colours.edge, edgeAlpha: 0.55, edgeWidth, nodeScale };
    this.modelAfterPending = false;
    // A picture replaced before it was complete is never drawn from again.
    this.pending?.release();
    this.pending = new Picture(this.pool, this.model, { ...this.camera }, width, height, ratio, style);
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.raf !== null || !this.active) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = null;
      this.frame();
    });
  }

  private frame(): void {
    if (!this.active) return;
    const { width, height, ratio } = this.size();
    const w = Math.max(1, Math.round(width * ratio));
    const h = Math.max(1, Math.round(height * ratio));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvasResized = true;
      if (!this.pending || this.pending.width !== width || this.pending.height !== height) this.startPicture();
    }
    // The canvas is composited again when a picture completed, the first one grew, the canvas was
    // resized or the camera came to rest; a frame that only drew a slice of a picture behind the
    // shown one copies nothing (two full-size bitmap copies per frame, ~40% of the main thread
    // while a layout streamed: profiled), and one in a gesture only moves the last composite.
    let changed = !this.shown || !this.composited || this.canvasResized;
    this.canvasResized = false;
    if (this.pending) {
      // The first picture of a layout's positions replaces only the provisional start: it is drawn like a first picture.
      const first = !this.shown || (this.pending.model.fromLayout && !this.shown.model.fromLayout);
      this.pending.step(first ? FIRST_SLICE_MS : SLICE_MS);
      if (this.pending.done) {
        changed = true;
        this.shown?.release();
        this.shown = this.pending;
        this.pending = null;
        if (this.shown.model.fromLayout) this.layoutPictureCount++;
        if (this.modelAfterPending) this.startPicture();
      }
    }
    if (changed) {
      this.composite(ratio);
      this.composited = { ...this.camera };
      this.stage.drawnNow();
    } else if (this.composited) this.stage.place(this.composited, this.camera);
    this.frameCount++;
    for (const l of this.frameListeners) l();
    if (this.shown && this.shown.model === this.model && !this.pending) for (const w of this.drawnWaiters.splice(0)) w();
    if (this.pending) this.requestFrame();
  }

  private composite(ratio: number): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = this.options.colours.background;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    // Until the first picture is complete, the one being drawn shows the graph as it fills in.
    const picture = this.shown ?? this.pending;
    if (picture) {
      const { dx, dy, scale } = placement(picture.camera, this.camera);
      const w = picture.edges.width * scale;
      const h = picture.edges.height * scale;
      ctx.drawImage(picture.edges, dx * ratio, dy * ratio, w, h);
      ctx.drawImage(picture.nodes, dx * ratio, dy * ratio, w, h);
    }
    this.drawMarks(ratio);
  }

  /** Rings around the current note and a highlighted path: few nodes, drawn every frame at the exact camera. */
  private drawMarks(ratio: number): void {
    const m = this.model;
    if (!m || m.marked.length === 0) return;
    const ctx = this.ctx;
    const { zoom, panX, panY } = this.camera;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.strokeStyle = this.options.colours.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const i of m.marked) {
      const r = Math.max(m.radius[i] * this.options.nodeScale * zoom, 1) + 3;
      const x = m.x[i] * zoom + panX;
      const y = m.y[i] * zoom + panY;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
}
