/**
 * Owns one cytoscape instance: loading (big graphs in chunks across frames, nodes first, see
 * graph-load.ts), path highlighting and the events the React view listens to. Hover
 * highlighting (graph-hover.ts), the stylesheet, display and theme (graph-appearance.ts) and the
 * viewport helpers (graph-viewport.ts) and the cytoscape instance's options and node events
 * (graph-core.ts) are in their own modules; this class keeps them all as
 * its public API. No React here, so it runs headless in tests.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { HUB_FONT, type Theme } from './graph-style';
import { installLegibleLabels, type LegibleLabels } from './legible-labels';
import { isProgressive, PROGRESSIVE_MIN_ELEMENTS, type BuildProgress } from './progressive-build';
import { nextTask } from './yield-to-page';
import { loadAtOnce } from './load-at-once';
import { GraphHover } from './graph-hover';
import { GraphAppearance } from './graph-appearance';
import { cameraOf, focusNode, pagePosition, setCamera, type Camera } from './graph-viewport';
import { fitToCentres } from './fit-centres';
import { installLayerSettling } from './layer-settle';
import { installSpeedups, rebuildLayerCacheAfterDraw, type Speedups } from './cytoscape-internals';
import type { RendererKind } from './renderer-choice';
import { createGraphCore } from './graph-core';
import { highlightPaths, markCurrent, setPinned } from './graph-marks';
import { installLabelCulling, type LabelCulling } from './label-cull';
import { applyProgressively, loadProgressively, previewDefinitions, type LoadHost } from './graph-load';
import type { GraphDisplay } from './graph-forces';
import { GraphOverview, type Level } from './overview/graph-overview';
import { LayoutFollow } from './layout-follow';
import type { ControllerHandlers, ControllerOptions } from './controller-options';
import { TrailingLinks } from './edge-fill';

export { FADE_MAX_ELEMENTS } from './graph-hover';

export type { ControllerHandlers, ControllerOptions } from './controller-options';

export { EDGE_CHUNK } from './load-at-once';

export class GraphController {
  readonly cy: Core;
  private generation = 0;
  private readonly hover: GraphHover;
  private readonly appearance: GraphAppearance;

  /** Which of the cytoscape shortcuts took (cytoscape-internals/speedups.ts). */
  readonly speedups: Speedups;
  /** Draws big graphs zoomed out (overview/graph-overview.ts); null headless, when turned off, or when cytoscape's drawing cannot be held. */
  readonly overview: GraphOverview | null;
  /** A big load's links, going into cytoscape after it while the overview draws them (edge-fill.ts). */
  readonly links: TrailingLinks;

  constructor(
    container: HTMLElement | null,
    theme: Theme,
    renderer: RendererKind,
    private readonly handlers: ControllerHandlers = {},
    private readonly options: ControllerOptions = {},
  ) {
    this.appearance = new GraphAppearance(theme, () => this.cy);
    this.cy = createGraphCore(container, renderer, this.appearance.initialStyle(), handlers);
    this.speedups = installSpeedups(this.cy);
    this.hover = new GraphHover(this.cy);
    this.cy.on('mouseover', 'node', (e) => this.setHover(e.target.id()));
    this.cy.on('viewport', () => this.hover.hideLabel());
    this.cy.on('mouseout', 'node', () => this.setHover(null));
    // Layouts change how dense the graph is, and with it the zoom at which labels make sense.
    this.cy.on('layoutstop', () => this.updateLabelThreshold());
    this.uninstallLegibleLabels = installLegibleLabels(this.cy, HUB_FONT, () => this.overview?.drawing === true);
    // While the overview draws, cytoscape draws no label: culling them would be wasted.
    this.uninstallLabelCulling = installLabelCulling(this.cy, () => this.overview?.drawing === true);
    this.overview =
      container && options.overview !== false
        ? GraphOverview.create(this.cy, container, {
            look: this.appearance.current,
            onTap: (id, newTab) => handlers.onTap?.(id, newTab),
            onDoubleTap: (id) => handlers.onDoubleTap?.(id),
            onHover: (id) => this.hover.set(id, true),
            busy: () => this.inFlight > 0,
            onLevelChange: (level) => {
              if (level === 'overview') return;
              this.uninstallLegibleLabels.refresh();
              this.uninstallLabelCulling.refresh();
            },
          })
        : null;
    this.links = new TrailingLinks(this.cy, this.overview, { track: (done) => this.tracked(done), onIn: () => handlers.onEdgesIn?.() });
    this.uninstallLayerSettling = installLayerSettling(this.cy, {
      minElements: PROGRESSIVE_MIN_ELEMENTS,
      // While the overview draws, cytoscape's layers are not shown: building them would be wasted.
      busy: () => this.inFlight > 0 || this.overview?.drawing === true,
      yieldToPage: nextTask,
    });
  }

  /** Which renderer draws now: 'overview', 'detail' (cytoscape, on a graph big enough for an overview), or null (cytoscape only). */
  get level(): Level | null {
    return this.overview?.level ?? null;
  }

  private readonly uninstallLegibleLabels: LegibleLabels;
  private readonly uninstallLayerSettling: () => void;
  private readonly uninstallLabelCulling: LabelCulling;

  /** The min-zoomed-font-size in the stylesheet now (see label-density.ts), before the text fade setting. */
  get labelThreshold(): number {
    return this.appearance.labelThreshold;
  }

  /** Applies the graph settings' display (graph-appearance.ts); nothing happens when nothing changed. */
  setDisplay(next: GraphDisplay): void {
    if (!this.appearance.setDisplay(next)) return;
    this.overview?.setLook(this.appearance.current);
    this.handlers.onViewportChange?.();
  }

  /** Redraws in another theme's colours (the app's theme was switched while the graph is open). */
  setTheme(next: Theme): void {
    this.appearance.setTheme(next);
    this.overview?.setLook(this.appearance.current);
  }

  /** Re-derives when ordinary labels appear from the node spread; restyles only on a real change. */
  updateLabelThreshold(): void {
    this.appearance.updateLabelThreshold();
  }

  /**
   * Replaces every element and resolves false when a newer load superseded it. Small graphs
   * (below PROGRESSIVE_MIN_ELEMENTS): nodes at once, with positions, edges a frame later
   * (load-at-once.ts). Big ones in chunks across frames (graph-load.ts). `beforeDraw` runs once
   * every element is in, before the frame that draws them all (both paths).
   */
  load(nodes: ElementDefinition[], edges: ElementDefinition[], onProgress: (p: BuildProgress) => void, beforeDraw?: () => void): Promise<boolean> {
    return this.tracked(this.loadNow(nodes, edges, onProgress, beforeDraw));
  }

  private async loadNow(
    nodes: ElementDefinition[],
    edges: ElementDefinition[],
    onProgress: (p: BuildProgress) => void,
    beforeDraw?: () => void,
  ): Promise<boolean> {
    const generation = ++this.generation;
    this.hover.forget();
    // After a previewed layout the user may have moved the camera: that view is kept.
    this.keepCamera = this.previewed && this.follow.userMoved;
    this.previewed = false;
    this.follow.reset();
    const current = () => generation === this.generation && !this.cy.destroyed();
    if (isProgressive(nodes.length, edges.length)) return loadProgressively(this.loadHost(), nodes, edges, onProgress, current, beforeDraw);
    this.overview?.showDefinitions(nodes, edges);
    const done = await loadAtOnce(this.cy, nodes, edges, {
      fit: () => this.fit(),
      updateLabelThreshold: () => this.updateLabelThreshold(),
      onProgress,
      stillWanted: current,
    });
    if (!done) return false;
    beforeDraw?.();
    this.rebuildLayers();
    this.handlers.onViewportChange?.();
    return current();
  }

  /** A first open of a big graph: the overview draws the definitions, cytoscape holds nothing yet (graph-load.ts). False without an overview. */
  preview(nodes: ElementDefinition[], edges: ElementDefinition[]): boolean {
    this.generation++;
    this.hover.forget();
    this.follow.reset();
    this.previewed = previewDefinitions(this.loadHost(), nodes, edges);
    return this.previewed;
  }

  /** Moves a big graph into a layout's result without a long block (graph-load.ts). Resolves false when superseded. */
  applyPositions(positions: Record<string, { x: number; y: number }>): Promise<boolean> {
    return this.tracked(this.applyNow(positions)).then((complete) => {
      // cytoscape holds them now: the overview draws its positions again.
      if (complete) this.overview?.endLayoutPositions();
      return complete;
    });
  }

  /** A running layout's positions (x, y per id), drawn by the overview until applyPositions or a load; false without one. */
  showLayoutPositions(ids: readonly string[], xy: Float64Array): boolean {
    if (!this.overview || this.level === null) return false;
    this.follow.before(xy);
    return this.overview.showLayoutPositions(ids, xy);
  }

  /** The layout was dropped (cancelled or failed) before cytoscape took its positions: cytoscape's are drawn again. */
  dropLayoutPositions(): void {
    this.follow.reset();
    if (!this.overview) return;
    this.overview.endLayoutPositions();
    if (this.inFlight === 0) this.overview.sync();
  }

  /** Keeps a streaming layout in view (layout-follow.ts); a load after a preview keeps a camera the user moved. */
  private readonly follow = new LayoutFollow(() => this.cy);
  private keepCamera = false;
  private previewed = false;

  /** Loads and layout applies in flight: they build the layer cache themselves (layer-settle.ts). */
  private inFlight = 0;
  private async tracked(work: Promise<boolean>): Promise<boolean> {
    this.inFlight++;
    try {
      return await work;
    } finally {
      this.inFlight--;
    }
  }

  private applyNow(positions: Record<string, { x: number; y: number }>): Promise<boolean> {
    const generation = ++this.generation;
    return applyProgressively(this.loadHost(), positions, () => generation === this.generation && !this.cy.destroyed());
  }

  private loadHost(): LoadHost {
    return {
      cy: this.cy,
      appearance: this.appearance,
      overview: this.overview,
      legibleLabels: this.uninstallLegibleLabels,
      feedLayers: this.options.feedLayers !== false,
      feedKey: this,
      fitTo: (positions) => {
        if (!this.keepCamera) this.fitTo(positions);
        this.keepCamera = false;
      },
      onViewportChange: () => this.handlers.onViewportChange?.(),
      fillEdges: (edges, stillWanted) => this.links.follow(edges, stillWanted),
    };
  }

  /** Fits the viewport to node centres (fit-centres.ts: cy.fit() takes seconds at 10k nodes). */
  fit(padding = 40): void {
    this.fitTo(
      this.cy.nodes().map((n) => n.position()),
      padding,
    );
  }

  /** Fits the viewport to these node centres (they need not be in the graph yet). */
  fitTo(positions: Iterable<{ x: number; y: number }>, padding = 40): void {
    fitToCentres(this.cy, positions, padding);
  }

  /** After a change to many elements: one slower frame soon instead of many (cytoscape-internals/layer-cache.ts). */
  rebuildLayers(): void {
    rebuildLayerCacheAfterDraw(this.cy);
  }

  /** Highlights a node and its neighbours, the rest faded when the graph is small enough (past FADE_MAX_ELEMENTS a DOM label names it: graph-hover.ts). */
  setHover(id: string | null): void {
    this.hover.set(id);
  }

  /** Marks the nodes and edges of the given paths (each a node-id list); clears when empty. */
  highlightPaths(paths: string[][]): void {
    this.links.complete();
    highlightPaths(this.cy, paths);
  }

  /** Selects and centres a node; false when it is not in the view. */
  focus(id: string): boolean {
    return focusNode(this.cy, id);
  }

  markCurrent(id: string | null): void {
    markCurrent(this.cy, id);
  }

  setPinned(ids: ReadonlySet<string>): void {
    setPinned(this.cy, ids);
  }

  /** A node's centre in page pixels (for e2e tests), or null when absent or hidden. */
  pagePosition(id: string): { x: number; y: number } | null {
    return pagePosition(this.cy, id);
  }

  camera(): Camera {
    return cameraOf(this.cy);
  }

  setCamera(camera: Camera): void {
    setCamera(this.cy, camera);
  }

  destroy(): void {
    this.generation++;
    this.uninstallLegibleLabels();
    this.uninstallLayerSettling();
    this.uninstallLabelCulling();
    this.hover.destroy();
    this.overview?.destroy();
    this.cy.destroy();
  }
}
