/**
 * Offscreen canvases for the overview's pictures, reused: each picture takes two full-size
 * canvases (edges and nodes), and a new picture starts whenever the camera comes to rest.
 * Allocating them each time left the old bitmaps (several megabytes each at a device pixel
 * ratio of 2) for the garbage collector, which pauses the page to free them.
 */
export class CanvasPool {
  private readonly free: HTMLCanvasElement[] = [];
  private created = 0;

  /** Keeps at most `keep` canvases for reuse: a shown and a pending picture's worth. */
  constructor(
    private readonly doc: Document,
    private readonly keep = 4,
  ) {}

  /** A blank canvas of this size (device pixels) whose context is in its initial state. */
  take(width: number, height: number): HTMLCanvasElement {
    const canvas = this.free.pop();
    if (!canvas) {
      this.created++;
      const fresh = this.doc.createElement('canvas');
      fresh.width = width;
      fresh.height = height;
      return fresh;
    }
    // Setting the size, even to the same one, clears the bitmap and resets the context's state.
    canvas.width = width;
    canvas.height = height;
    return canvas;
  }

  /** The canvas is no longer drawn from; it may come back from take(). */
  give(canvas: HTMLCanvasElement): void {
    if (this.free.length < this.keep && !this.free.includes(canvas)) this.free.push(canvas);
  }

  /** Canvases created so far (reused ones are not counted again). */
  get createdCount(): number {
    return this.created;
  }
}
