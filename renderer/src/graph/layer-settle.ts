/**
 * After a pan, zoom or animation on a big graph, rebuilds the layer cache for where the view
 * ended up, in slices (cytoscape-internals/layer-cache.ts), when it is incomplete there: zooming to another level,
 * or past a step of the hub-label size (legible-labels.ts restyles the hubs, and cytoscape keeps
 * one layer per level, so any restyle invalidates all of it). Left to cytoscape, the first frame
 * after the gesture drew all 40k elements one by one, ~1.3-1.5 s at 10k notes (profiled), and
 * the following ones too until its lazy queue caught up.
 *
 * Runs SETTLE_MS after the last viewport change: cytoscape ends a wheel gesture 150 ms after
 * the last wheel event and then draws, so this starts first and holds that draw until the
 * layers are ready (the canvas keeps showing the gesture's last frame meanwhile). A new viewport
 * change stops it between slices and lets cytoscape draw the gesture as usual.
 */
import type { Core } from 'cytoscape';
import { buildLayersInSlices, rebuildLayerCache } from './cytoscape-internals';

export const SETTLE_MS = 100;

export interface SettleOptions {
  /** Below this many elements cytoscape's own rebuild is quick enough. */
  minElements: number;
  /** True while a build or layout apply runs (it builds the layers itself). */
  busy(): boolean;
  yieldToPage(): Promise<void>;
}

export function installLayerSettling(cy: Core, o: SettleOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let moves = 0;
  const settle = async () => {
    timer = null;
    if (cy.destroyed() || o.busy() || cy.elements().length < o.minElements) return;
    const at = moves;
    const done = await buildLayersInSlices(cy, { yieldToPage: o.yieldToPage, stillWanted: () => at === moves && !o.busy() && !cy.destroyed() });
    // Draws from the finished layers (or, if something invalidated them meanwhile, builds the rest in that frame).
    if (done && at === moves && !cy.destroyed()) rebuildLayerCache(cy);
  };
  const onViewport = () => {
    moves++;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void settle(), SETTLE_MS);
  };
  cy.on('viewport', onViewport);
  return () => {
    if (timer !== null) clearTimeout(timer);
    cy.off('viewport', onViewport);
  };
}
