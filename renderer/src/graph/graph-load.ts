/**
 * How the graph controller fills cytoscape with a big graph (PROGRESSIVE_MIN_ELEMENTS and up;
 * small ones: load-at-once.ts) and moves it into a layout's result: the viewport and the label
 * threshold from the positions first, the overview's picture next when it applies, then the
 * elements in chunks across frames (progressive-build.ts), each chunk drawn into cytoscape's
 * layers as it goes in (cytoscape-internals/layer-feed.ts), and at the end either the overview
 * takes over or cytoscape's layers are built in slices. Both resolve false when superseded.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { addProgressively, CHUNK_MS, moveProgressively, type BuildProgress } from './progressive-build';
import { nextFrame, nextTask } from './yield-to-page';
import { extentOf } from './fit-centres';
import { buildLayersInSlices, rebuildLayerCache, startLayerFeed } from './cytoscape-internals';
import { recordFeed } from './test-feed';
import { TEST_HOOKS } from '../build-flags';
import type { GraphAppearance } from './graph-appearance';
import type { LegibleLabels } from './legible-labels';
import type { GraphOverview } from './overview/graph-overview';

/** What of the controller a big load or apply works with. */
export interface LoadHost {
  readonly cy: Core;
  readonly appearance: GraphAppearance;
  readonly overview: GraphOverview | null;
  readonly legibleLabels: LegibleLabels;
  /** Draw chunks straight into cytoscape's layers (off only for the bench's comparison). */
  readonly feedLayers: boolean;
  /** The key the bench and tests read the layer feed by (test-feed.ts). */
  readonly feedKey: object;
  fitTo(positions: Iterable<{ x: number; y: number }>): void;
  onViewportChange(): void;
  /** Starts adding these links to cytoscape after the load (edge-fill.ts); the overview draws them meanwhile. */
  fillEdges(edges: readonly ElementDefinition[], stillWanted: () => boolean): void;
}

/**
 * Replaces every element with a big graph. `beforeDraw` runs once every element is in, before
 * the frame that draws them all: class changes (pins, the current note, filters) after the
 * layer cache is built would invalidate it again and cost 1-2 s frames until it is rebuilt
 * (measured in the app).
 */
export async function loadProgressively(
  host: LoadHost,
  nodes: ElementDefinition[],
  edges: ElementDefinition[],
  onProgress: (p: BuildProgress) => void,
  current: () => boolean,
  beforeDraw?: () => void,
): Promise<boolean> {
  const { cy, overview } = host;
  cy.elements().remove();
  const positions = nodes.flatMap((n) => (n.position ? [n.position] : []));
  host.appearance.setLabelThresholdFor(positions);
  host.fitTo(positions);
  // The overview draws the graph from its definitions first; cytoscape then takes the
  // elements in the background, its drawing held, so none of it goes into its layers.
  if (overview?.showDefinitions(nodes, edges)) {
    await overview.whenDrawn();
    if (!current()) return false;
  }
  // The overview draws the links from their definitions: cytoscape takes them after the load (edge-fill.ts).
  const linksLater = overview?.drawing === true && edges.length > 0;
  if (linksLater) overview.holdEdges(() => edges);
  const layers = !host.feedLayers || overview?.drawing ? null : startLayerFeed(cy, extentOf(positions));
  if (TEST_HOOKS) recordFeed(host.feedKey, layers);
  const complete = await addProgressively(cy, nodes, linksLater ? [] : edges, {
    onProgress,
    stillWanted: current,
    yieldToPage: nextFrame,
    yieldForInput: nextTask,
    layers,
    onAdded: (added) => host.legibleLabels.adopt(added.nodes()),
    chunkMs: CHUNK_MS,
    // Nor do the nodes need their rendered geometry yet: the fill settles them first, in slices.
    settle: !(linksLater && overview.holdsCalculations),
  });
  if (!complete || !current()) return false;
  if (linksLater) host.fillEdges(edges, current);
  beforeDraw?.();
  return finish(host, current);
}

/**
 * A first open of a big graph with nothing remembered: the overview draws the definitions at
 * once while cytoscape holds nothing; the layout streams into that picture and the caller
 * loads the elements at its result (no second pass to move them). False when no overview
 * draws a graph this size (the caller loads as usual).
 */
export function previewDefinitions(host: LoadHost, nodes: ElementDefinition[], edges: ElementDefinition[]): boolean {
  const { cy, overview } = host;
  if (!overview) return false;
  cy.elements().remove();
  const positions = nodes.flatMap((n) => (n.position ? [n.position] : []));
  host.appearance.setLabelThresholdFor(positions);
  host.fitTo(positions);
  return overview.showDefinitions(nodes, edges, true) && overview.level !== null;
}

/** Moves the nodes to a layout's positions in chunks, without a long block. */
export async function applyProgressively(host: LoadHost, positions: Record<string, { x: number; y: number }>, current: () => boolean): Promise<boolean> {
  const all = Object.values(positions);
  const restyle = host.appearance.setLabelThresholdFor(all);
  host.fitTo(all);
  const complete = await moveProgressively(host.cy, positions, { stillWanted: current, yieldToPage: nextFrame, yieldForInput: nextTask, restyle });
  if (!complete || !current()) return false;
  return finish(host, current);
}

/** Every element is in place: the overview draws them, or cytoscape's layers are built in slices and one frame draws from them (cytoscape-internals/layer-cache.ts). */
async function finish(host: LoadHost, current: () => boolean): Promise<boolean> {
  host.legibleLabels.flush();
  if (host.overview?.takeOver()) {
    host.onViewportChange();
    return current();
  }
  // Whatever the feed could not draw (or everything, without it) goes into the layers.
  await buildLayersInSlices(host.cy, { yieldToPage: nextTask, stillWanted: current });
  if (!current()) return false;
  rebuildLayerCache(host.cy);
  host.onViewportChange();
  return current();
}
