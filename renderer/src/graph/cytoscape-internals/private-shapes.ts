/**
 * The parts of cytoscape's canvas renderer (3.35) that the layer code reaches into: its layered
 * texture cache (LayeredTextureCache) and a few renderer methods. Every use checks they exist,
 * so another version or renderer (headless, WebGL) falls back to cytoscape's own behaviour.
 */
import type { Core } from 'cytoscape';

export interface Layer {
  level: number;
  reqs: number;
  invalid?: boolean;
  eles: unknown[];
  elesQueue: unknown[];
  /** Model-space box the bitmap covers (makeLayer). */
  bb?: Box;
  canvas?: HTMLCanvasElement;
  context?: CanvasRenderingContext2D;
}
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}
/** What getLayers uses of an element. */
export interface LayerEle {
  boundingBox(): Box;
  _private: { rscratch: { imgLayerCaches?: Record<number, Layer | null> } };
}
export interface LayerCache {
  firstGet: boolean;
  skipping?: boolean;
  layersByLevel?: Record<number, Layer[] | undefined>;
  layersQueue?: { size(): number };
  getLayers?(eles: unknown, pxRatio: number, lvl?: number): unknown;
  makeLayer?(bb: Box, lvl: number): Layer;
  invalidateLayer?(layer: Layer): void;
  drawEleInLayer?(layer: Layer, ele: unknown, lvl: number, pxRatio: number): void;
  dequeue?(pxRatio: number): unknown;
  validateLayersElesOrdering?(lvl: number, eles: unknown): void;
  levelIsComplete?(lvl: number, eles: unknown): boolean;
}
export interface CanvasRendererInternals {
  data?: { lyrTxrCache?: LayerCache };
  redrawHint?(group: string, value: boolean): void;
  redraw?(): void;
  flushRenderedStyleQueue?(): void;
  getCachedZSortedEles?(): { nondrag?: unknown } | undefined;
  getPixelRatio?(): number;
}

export function internals(cy: Core): { renderer: CanvasRendererInternals; cache: LayerCache } | null {
  if (cy.destroyed()) return null;
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals | undefined }).renderer?.();
  const cache = renderer?.data?.lyrTxrCache;
  return renderer && cache && typeof cache.firstGet === 'boolean' ? { renderer, cache } : null;
}


/** cytoscape's limits for one layer's bitmap (LayeredTextureCache, 3.35). */
const MAX_LAYER_DIM = 32767;
const MAX_LAYER_AREA = 4000 * 4000;

/** Whether a layer covering `bb` at `scale` (2^level) is within cytoscape's bitmap limits (and not empty). */
export function layerBitmapFits(bb: Box, scale: number): boolean {
  const w = Math.ceil(bb.w * scale);
  const h = Math.ceil(bb.h * scale);
  return w > 0 && h > 0 && w <= MAX_LAYER_DIM && h <= MAX_LAYER_DIM && w * h <= MAX_LAYER_AREA;
}
