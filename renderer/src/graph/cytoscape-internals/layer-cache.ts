/**
 * cytoscape's canvas renderer keeps a "layered texture cache": the whole graph drawn into a few
 * bitmaps per zoom level, so a pan or zoom frame is a handful of drawImage calls. When
 * elements change (edges added, a layout, a filter) the layer is invalidated and rebuilt
 * lazily, about 15 ms per frame, and until it is complete every frame draws all 40k elements
 * one by one: ~1 s per frame at 10k notes / 30k edges (measured, headless Chromium, 2 cores),
 * which is what made panning right after opening the graph run at ~1 fps.
 *
 * After a bulk change we ask for the rebuild to happen in one frame instead, as cytoscape does
 * for its very first frame (`firstGet`): that frame costs about as much as one slow frame, and
 * every frame after it is fast. It has to be the frame after the one that draws the change:
 * that first draw recomputes the changed elements and invalidates the layers again (measured). This touches renderer internals (cytoscape 3.35); when they
 * are missing (headless, WebGL, another version) it does nothing and the lazy rebuild remains.
 */
import type { Collection, Core } from 'cytoscape';
import { measureSettled } from './measure-settled';
import { layerInternals as internals, layerBitmapFits, type LayerCache, type PrivateEle, type RendererInternals } from './private-shapes';

/** Rebuilds the layers in the next frame; false when the renderer has no such cache. */
export function rebuildLayerCache(cy: Core): boolean {
  const found = internals(cy);
  if (!found) return false;
  const { renderer, cache } = found;
  // Settle the new elements' styles first: doing that inside the next frame would invalidate
  // the freshly built layer again straight away.
  renderer.flushRenderedStyleQueue?.();
  cache.firstGet = true;
  renderer.redrawHint?.('eles', true);
  renderer.redraw?.();
  return true;
}

/** After a bulk change: once the change has been drawn, rebuild the layers in the frame after. */
export function rebuildLayerCacheAfterDraw(cy: Core): void {
  const found = internals(cy);
  if (!found) return; // headless (tests) never draws: nothing to wait for
  cy.one('render', () => rebuildLayerCache(cy));
  found.renderer.redrawHint?.('eles', true);
  found.renderer.redraw?.();
}

/**
 * Computes the styles and rendered geometry of elements changed since the last frame, now, in
 * the caller's task, instead of at the start of the next frame. Used between the chunks of a
 * progressive build (progressive-build.ts), so each chunk's cost stays in its own task.
 * Headless or without the renderer internals it does nothing.
 */
export function settleNewElements(cy: Core, added?: Collection): void {
  const found = internals(cy);
  if (!found) return;
  found.renderer.flushRenderedStyleQueue?.();
  // Bounding boxes (with labels) are cached per element; building the layers measures every
  // one of them, ~0.6 s at 10k notes / 30k edges in that single frame otherwise. One call on
  // the collection fills every element's cache; a call per element also re-ran cytoscape's
  // collection-wide checks (edges(), nodes(), rendered styles) for each of them.
  if (added && added.nonempty()) measureSettled(added);
}

/**
 * Computes the rendered geometry (label and edge projections) of these elements now. After a
 * stylesheet swap every element is queued for it, and the renderer's next flush would do all
 * 40k in one task (~1 s at 10k notes, profiled); done a chunk at a time here, that flush skips
 * them. Headless or without the internals it does nothing.
 */
export function settleRenderedStyle(cy: Core, eles: Collection): void {
  internals(cy)?.renderer.recalculateRenderedStyle?.(eles, true);
}

/**
 * Computes these elements' rendered geometry and bounding boxes now, without flushing the
 * renderer's queue (which would take every element queued since, in this one task): for
 * elements added unsettled, settled a slice per task afterwards (edge-fill.ts). The queue's
 * next flush then finds them clean.
 */
export function settleElements(cy: Core, eles: Collection): void {
  if (!internals(cy) || eles.empty()) return;
  settleRenderedStyle(cy, eles);
  measureSettled(eles);
}

export interface SliceOptions {
  /** Resolves when the page had a chance to draw and handle input. */
  yieldToPage(): Promise<void>;
  /** False once the build was superseded: stop between slices. */
  stillWanted(): boolean;
  /** Drawing time per slice, ms. */
  sliceMs?: number;
}

/** Per slice: ~50 ms keeps frames and input flowing without stretching the build much. */
export const LAYER_SLICE_MS = 50;

/**
 * The layer level cytoscape draws at this zoom (LayeredTextureCache.getLayers in 3.35: levels
 * -4..2, none from zoom 3.99 up), or null when it draws without layers.
 */
export function layerLevel(zoom: number, pxRatio: number): number | null {
  const lvl = Math.max(-4, Math.ceil(Math.log2(zoom * pxRatio)));
  return zoom >= 3.99 || lvl > 2 ? null : lvl;
}

/**
 * Builds the layers for the current zoom in slices of a few tens of ms instead of one frame
 * (1.4-2 s at 10k notes / 30k edges, measured). cytoscape can queue a level's elements into
 * its layers and draw them later; left to itself it draws a few per frame and, until a level
 * is complete, draws all 40k elements one by one in every frame (1-2 s each). Its own dequeue
 * also takes elements off the front of a 40k-long array (~1 s of array shifting, profiled).
 * So drawing is held back with a cytoscape batch (its render loop skips frames while
 * batching; the canvas keeps its last picture), getLayers queues the elements, they are drawn
 * into their layers here slice by slice, and then one ordinary frame draws the finished
 * layers. If something invalidated them meanwhile (a style change, a zoom to another level),
 * rebuildLayerCache does the rest in that frame, as before. Resolves false when superseded or
 * when the internals are missing (then the caller's rebuildLayerCache works as before). The
 * caller must not hold a batch itself.
 */
export async function buildLayersInSlices(cy: Core, o: SliceOptions): Promise<boolean> {
  const found = internals(cy);
  if (!found) return false;
  const { renderer, cache } = found;
  if (!cache.getLayers || !cache.drawEleInLayer || !cache.dequeue || !cache.layersQueue || !renderer.getCachedZSortedEles || !renderer.getPixelRatio)
    return false;
  // Changes made while drawing is held (the app's other effects, live updates) reach the
  // renderer only when the batch ends, and invalidate what they touch: then the invalid layers
  // are queued and drawn again, a few rounds at most, rather than in one full-draw frame.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    renderer.flushRenderedStyleQueue?.();
    const eles = renderer.getCachedZSortedEles()?.nondrag;
    const pxRatio = renderer.getPixelRatio();
    const lvl = layerLevel(cy.zoom(), pxRatio);
    if (!eles || lvl === null) return false;
    cache.validateLayersElesOrdering?.(lvl, eles);
    if (cache.levelIsComplete?.(lvl, eles)) return true;
    if (!(await drawLevelInSlices(cy, renderer, cache, eles, lvl, pxRatio, o))) return false;
  }
  return true;
}

const MAX_ROUNDS = 3;

async function drawLevelInSlices(
  cy: Core,
  renderer: RendererInternals,
  cache: LayerCache,
  eles: unknown,
  lvl: number,
  pxRatio: number,
  o: SliceOptions,
): Promise<boolean> {
  cy.startBatch();
  try {
    // Not a first get and not "skipping" (a recent invalidation): getLayers then only makes the
    // layers and queues every element instead of drawing them or giving up.
    cache.firstGet = false;
    cache.skipping = false;
    const made = await makeLayerInSlices(cy, renderer, cache, eles as ArrayLike<PrivateEle>, lvl, o);
    if (made === null) return false;
    for (let tries = made ? 2 : 0; tries < 2; tries++) {
      cache.getLayers!(eles, pxRatio, lvl);
      // getLayers measures every element; one restyled since its box was cached (the current
      // note, a hub's legible label) is measured anew and announces it ('bounds'), and the
      // renderer invalidates its layer when it next flushes: at the end, after 1-2 s of
      // drawing (seen in the app). Flushing now invalidates the new, still empty layers
      // instead, and the second getLayers finds every box clean.
      const layers = [...(cache.layersByLevel?.[lvl] ?? [])];
      renderer.flushRenderedStyleQueue?.();
      if (!layers.some((layer) => layer.invalid)) break;
    }
    const sliceMs = o.sliceMs ?? LAYER_SLICE_MS;
    for (const layer of [...(cache.layersByLevel?.[lvl] ?? [])]) {
      const queued = layer.elesQueue;
      let i = 0;
      while (i < queued.length && !layer.invalid) {
        const end = performance.now() + sliceMs;
        do cache.drawEleInLayer!(layer, queued[i++], lvl, pxRatio);
        while (i < queued.length && performance.now() < end); // at least one per slice
        await o.yieldToPage();
        if (!o.stillWanted() || cy.destroyed()) {
          // A half-drawn layer is in no queue of cytoscape's: drop it so it starts afresh.
          if (!cy.destroyed() && !layer.invalid) cache.invalidateLayer?.(layer);
          return false;
        }
      }
      // What cytoscape's dequeue does once a layer's queue is empty; the layer stays in its
      // priority queue, empty, and cytoscape pops it by itself.
      if (!layer.invalid && layer.elesQueue === queued) {
        layer.elesQueue = [];
        layer.reqs = 0;
      }
    }
    // Pop those emptied layers now (each call finds an empty queue and draws nothing).
    const queue = cache.layersQueue!;
    for (let n = queue.size(); n > 0 && queue.size() > 0; n--) cache.dequeue!(pxRatio);
  } finally {
    if (!cy.destroyed()) cy.endBatch();
  }
  return true;
}

/**
 * What getLayers does for a level with no layers yet, with its measuring in slices: getLayers
 * asks every element for its bounding box twice (the union, then a containment check), ~0.3-0.6 s
 * at 10k notes / 30k edges in one task (profiled). Here the union is measured a slice at a
 * time; boxes re-measured for restyled elements announce it ('bounds') and are settled by a
 * flush before the layer exists; then one layer (cytoscape makes a single one per level too) gets
 * every element queued, in draw order. Resolves true when it made the layer, false when the
 * caller should let getLayers do it (layers exist at this level, internals missing, or the
 * bitmap would be too big, which getLayers then handles its own way), null when superseded.
 */
async function makeLayerInSlices(
  cy: Core,
  renderer: RendererInternals,
  cache: LayerCache,
  eles: ArrayLike<PrivateEle>,
  lvl: number,
  o: SliceOptions,
): Promise<boolean | null> {
  if (!cache.makeLayer || !cache.layersByLevel || (cache.layersByLevel[lvl]?.length ?? 0) > 0) return false;
  const bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity, w: 0, h: 0 };
  const sliceMs = o.sliceMs ?? LAYER_SLICE_MS;
  for (let i = 0; i < eles.length;) {
    const end = performance.now() + sliceMs;
    do {
      const b = eles[i++].boundingBox();
      if (b.x1 < bb.x1) bb.x1 = b.x1;
      if (b.y1 < bb.y1) bb.y1 = b.y1;
      if (b.x2 > bb.x2) bb.x2 = b.x2;
      if (b.y2 > bb.y2) bb.y2 = b.y2;
    } while (i < eles.length && performance.now() < end); // at least one per slice
    await o.yieldToPage();
    if (!o.stillWanted() || cy.destroyed()) return null;
  }
  renderer.flushRenderedStyleQueue?.();
  bb.w = bb.x2 - bb.x1;
  bb.h = bb.y2 - bb.y1;
  if (!layerBitmapFits(bb, Math.pow(2, lvl))) return false;
  if ((cache.layersByLevel[lvl]?.length ?? 0) > 0) return false;
  const layer = cache.makeLayer(bb, lvl);
  (cache.layersByLevel[lvl] = cache.layersByLevel[lvl] ?? []).unshift(layer);
  for (let i = 0; i < eles.length; i++) {
    const rs = eles[i]._private.rscratch;
    (rs.imgLayerCaches = rs.imgLayerCaches ?? {})[lvl] = layer;
    layer.eles.push(eles[i]);
    layer.elesQueue.push(eles[i]);
  }
  layer.reqs = eles.length;
  return true;
}
