/**
 * The overview's place in the graph's container: a surface over cytoscape's canvases that takes
 * the pointer and shows the background, and on it the canvas the overview composites into.
 *
 * While the camera moves, the canvas is not drawn again: its last composite is moved and scaled
 * by a CSS transform, which the compositor applies without the main thread, and the view draws
 * it exactly once the camera rests (overview-view.ts). Compositing each frame anew (two
 * full-size bitmap copies, then the canvas's rasterisation and its hand-over to the compositor)
 * was most of the main thread's time in a pan of the dense 10k graph (traced; docs/benchmarks.md).
 * Pointer input is read on the surface, which never moves, so positions do not follow the picture.
 */
import { placement, sameCamera, type Camera } from './overview-picture';

/** The identity: the canvas shows its composite where it was drawn. */
const NONE = 'none';

export class OverviewStage {
  /** Takes the pointer and shows the background where the moved composite does not reach. */
  readonly surface: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  private transform = NONE;

  constructor(
    private readonly container: HTMLElement,
    background: string,
  ) {
    const doc = container.ownerDocument;
    this.surface = doc.createElement('div');
    this.surface.dataset.testid = 'graph-overview-surface';
    // Above cytoscape's canvases; cytoscape keeps its container's own stacking.
    Object.assign(this.surface.style, { position: 'absolute', inset: '0', zIndex: '1', display: 'none', overflow: 'hidden', touchAction: 'none' });
    this.canvas = doc.createElement('canvas');
    this.canvas.dataset.testid = 'graph-overview';
    // Its own compositor layer from the start, so the first transform does not repaint the page.
    Object.assign(this.canvas.style, {
      position: 'absolute',
      inset: '0',
      width: '100%',
      height: '100%',
      transformOrigin: '0 0',
      willChange: 'transform',
      display: 'none',
    });
    this.surface.appendChild(this.canvas);
    container.appendChild(this.surface);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('The graph overview needs a 2D canvas context.');
    this.ctx = ctx;
    this.setBackground(background);
  }

  setBackground(colour: string): void {
    this.surface.style.backgroundColor = colour;
  }

  show(on: boolean): void {
    this.surface.style.display = on ? 'block' : 'none';
    this.canvas.style.display = on ? 'block' : 'none';
    // cytoscape's canvases under this one are not drawn meanwhile; hidden, the browser does not
    // composite them every frame either (several full-size layers, in software compositing).
    for (const child of this.container.children) {
      if (child !== this.surface && child instanceof HTMLElement && child.querySelector('canvas')) child.style.visibility = on ? 'hidden' : '';
    }
  }

  /** Shows the composite drawn at camera `drawnAt` as camera `now` sees it: moved and scaled, not drawn again. */
  place(drawnAt: Camera, now: Camera): void {
    if (sameCamera(drawnAt, now)) return this.setTransform(NONE);
    const { dx, dy, scale } = placement(drawnAt, now);
    const ratio = this.container.ownerDocument.defaultView?.devicePixelRatio || 1;
    const px = (v: number) => Math.round(v * ratio) / ratio;
    this.setTransform(scale === 1 ? `translate(${px(dx)}px, ${px(dy)}px)` : `translate(${dx}px, ${dy}px) scale(${scale})`);
  }

  /** The canvas was just composited at the current camera. */
  drawnNow(): void {
    this.setTransform(NONE);
  }

  /** True while the canvas shows an earlier composite moved by a transform. */
  get moved(): boolean {
    return this.transform !== NONE;
  }

  destroy(): void {
    this.surface.remove();
  }

  private setTransform(next: string): void {
    if (next === this.transform) return;
    this.transform = next;
    this.canvas.style.transform = next;
  }
}
