/**
 * The one door to cytoscape's internals. Everything in the graph view that depends on how
 * cytoscape works inside (its canvas renderer's layer and texture caches, its Style object,
 * elements' private fields) lives in this folder and is reached through what is exported
 * here; nothing outside it casts cytoscape to a private shape. The shapes are declared in
 * private-shapes.ts, the internals they rely on are named in internals-table.ts, and the
 * version they were read from is CYTOSCAPE_VERSION (checked by a unit test).
 */
export { CYTOSCAPE_VERSION, cleanStyle, updateStyle } from './private-shapes';
export { installSpeedups, activeAccelerations, installedVersion, type Speedups, type Acceleration } from './speedups';
export { INTERNALS, type Internal, type Probe } from './internals-table';
export {
  buildLayersInSlices,
  layerLevel,
  rebuildLayerCache,
  rebuildLayerCacheAfterDraw,
  settleNewElements,
  settleElements,
  settleRenderedStyle,
  LAYER_SLICE_MS,
  type SliceOptions,
} from './layer-cache';
export { startLayerFeed, type LayerFeed } from './layer-feed';
export { installRenderHold, type RenderHold } from './render-hold';
export { everyElement } from './every-element';
