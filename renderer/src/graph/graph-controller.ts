/**
 * Owns one cytoscape instance: loading (big graphs in chunks across frames, nodes first, see
 * progressive-build.ts), hover highlighting, path highlighting, focusing and
 * the events the React view listens to. No React here, so it runs headless in tests.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { graphStyle, HUB_FONT, LABEL_FONT, MIN_ZOOMED_FONT, type Theme } from './graph-style';
import { installLegibleLabels, type LegibleLabels } from './legible-labels';
import { labelMinZoomedFontSize, labelRoomFor } from './label-density';
import {
  addProgressively,
  isProgressive,
  moveProgressively,
  nextFrame,
  nextTask,
  planChunks,
  PROGRESSIVE_MIN_ELEMENTS,
  type BuildProgress,
} from './progressive-build';
import { HoverLabel } from './hover-label';
import { extentOf, fitToCentres } from './fit-centres';
import { installLayerSettling } from './layer-settle';
import {
  buildLayersInSlices,
  installSpeedups,
  rebuildLayerCache,
  rebuildLayerCacheAfterDraw,
  startLayerFeed,
  updateStyle,
  type Speedups,
} from './cytoscape-internals';
import { rendererOptions, type RendererKind } from './renderer-choice';
import { recordFeed } from './test-feed';
import { TEST_HOOKS } from '../build-flags';
import { highlightPaths, markCurrent, setPinned } from './graph-marks';
import { installLabelCulling } from './label-cull';
import { DEFAULT_DISPLAY, labelFadeFactor, sameDisplay, type GraphDisplay } from './graph-forces';

export interface ControllerHandlers {
  onTap?(id: string): void;
  onDoubleTap?(id: string): void;
  /** A node was dragged and let go at `position` (the view pins it). */
  onDragged?(id: string, position: { x: number; y: number }): void;
  /** The viewport moved or elements changed: recount and re-render overlays. */
  onViewportChange?(): void;
}

export interface ControllerOptions {
  /** Draw a big build's chunks straight into cytoscape's layers (cytoscape-internals/layer-feed.ts); on unless false (the bench compares both). */
  feedLayers?: boolean;
}

/** Edges added per chunk between frames while loading a small graph (big ones: progressive-build.ts). */
export const EDGE_CHUNK = 15000;
/** Fading every other element on hover is a class change on all of them; past this it is skipped. */
export const FADE_MAX_ELEMENTS = 8000;

export class GraphController {
  readonly cy: Core;
  private generation = 0;
  private hovered: string | null = null;
  private readonly hoverLabel: HoverLabel;
  /** The min-zoomed-font-size in the stylesheet now (see label-density.ts), before the text fade setting. */
  labelThreshold = MIN_ZOOMED_FONT;
  /** The graph settings' display (graph-forces.ts) the stylesheet was made with. */
  private display: GraphDisplay = DEFAULT_DISPLAY;
  /** The text fade threshold's factor on labelThreshold. */
  private fade = 1;

  /** Which of the cytoscape shortcuts took (cytoscape-internals/speedups.ts). */
  readonly speedups: Speedups;

  constructor(
    container: HTMLElement | null,
    private theme: Theme,
    renderer: RendererKind,
    private readonly handlers: ControllerHandlers = {},
    private readonly options: ControllerOptions = {},
  ) {
    this.cy = cytoscape({
      ...(container ? { container, ...rendererOptions(renderer) } : { headless: true, styleEnabled: true }),
      style: graphStyle(theme, this.minZoomedFont),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
    } as cytoscape.CytoscapeOptions);
    this.speedups = installSpeedups(this.cy);
    this.cy.on('tap', 'node', (e) => handlers.onTap?.(e.target.id()));
    this.cy.on('dbltap', 'node', (e) => handlers.onDoubleTap?.(e.target.id()));
    this.cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      handlers.onDragged?.(n.id(), { ...n.position() });
    });
    this.hoverLabel = new HoverLabel(this.cy);
    this.cy.on('mouseover', 'node', (e) => this.setHover(e.target.id()));
    this.cy.on('viewport', () => this.hoverLabel.hide());
    this.cy.on('mouseout', 'node', () => this.setHover(null));
    // Layouts change how dense the graph is, and with it the zoom at which labels make sense.
    this.cy.on('layoutstop', () => this.updateLabelThreshold());
    this.uninstallLegibleLabels = installLegibleLabels(this.cy, HUB_FONT);
    this.uninstallLabelCulling = installLabelCulling(this.cy);
    this.uninstallLayerSettling = installLayerSettling(this.cy, {
      minElements: PROGRESSIVE_MIN_ELEMENTS,
      busy: () => this.inFlight > 0,
      yieldToPage: nextTask,
    });
  }

  private readonly uninstallLegibleLabels: LegibleLabels;
  private readonly uninstallLayerSettling: () => void;
  private readonly uninstallLabelCulling: () => void;

  /** What the stylesheet reads for ordinary labels' min-zoomed-font-size. */
  private readonly minZoomedFont = () => this.labelThreshold * this.fade;

  /**
   * Applies the graph settings' display. Node size, link thickness and arrows are in the
   * stylesheet, replaced in place (the Style object, and the accelerations installed on it,
   * stay); the text fade changes only what the stylesheet's label function returns, so only
   * the nodes are restyled. Nothing happens when nothing changed (the defaults at start).
   */
  setDisplay(next: GraphDisplay): void {
    if (this.cy.destroyed() || sameDisplay(next, this.display)) return;
    const before = this.display;
    this.display = next;
    this.fade = labelFadeFactor(next.textFade);
    if (before.arrows !== next.arrows || before.nodeSize !== next.nodeSize || before.linkThickness !== next.linkThickness) {
      this.replaceStylesheet();
    } else {
      updateStyle(this.cy.nodes());
      this.rebuildLayers();
    }
    this.handlers.onViewportChange?.();
  }

  /**
   * Redraws in another theme's colours (the app's theme was switched while the graph is open).
   * The stylesheet is replaced in place, as setDisplay does, so the accelerations stay.
   */
  setTheme(next: Theme): void {
    if (this.cy.destroyed() || next === this.theme) return;
    this.theme = next;
    this.replaceStylesheet();
  }

  private replaceStylesheet(): void {
    this.cy
      .style()
      .fromJson(graphStyle(this.theme, this.minZoomedFont, this.display))
      .update();
    this.rebuildLayers();
  }

  /** Re-derives when ordinary labels appear from the node spread; restyles only on a real change. */
  updateLabelThreshold(): void {
    if (this.cy.destroyed()) return;
    this.setLabelThreshold(
      labelMinZoomedFontSize(
        this.cy.nodes().map((n) => n.position()),
        LABEL_FONT,
        MIN_ZOOMED_FONT,
        labelRoomFor(this.cy.nodes().length),
      ),
    );
  }

  /**
   * Sets min-zoomed-font-size unless it moved by less than 2 px (invisible; a restyle of 10k
   * nodes is not). The stylesheet reads it through a function (graph-style.ts), so only the
   * nodes are marked for restyling (edges carry no labels); they are recomputed when next
   * drawn, or in chunks by a caller that passes `restyle` to moveProgressively. On an empty
   * graph, before a build, it costs nothing. True when the threshold changed.
   */
  private setLabelThreshold(next: number): boolean {
    if (Math.abs(next - this.labelThreshold) < 2) return false;
    this.labelThreshold = next;
    updateStyle(this.cy.nodes());
    return true;
  }

  /**
   * Replaces every element and resolves false when a newer load superseded it. Small graphs
   * (below PROGRESSIVE_MIN_ELEMENTS): nodes at once, with positions, edges a frame later. Big
   * ones are built in chunks across frames (progressive-build.ts), each chunk drawn into
   * cytoscape's layers as it goes in (cytoscape-internals/layer-feed.ts; without it, drawing is held back during
   * the edges and the layers are built at the end); the viewport and the label threshold come from the node
   * definitions first, so nothing is restyled or refitted once elements exist. `beforeDraw`
   * runs once every element is in, before the frame that draws them all (both paths).
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
    this.hovered = null;
    const current = () => generation === this.generation && !this.cy.destroyed();
    if (isProgressive(nodes.length, edges.length)) {
      this.cy.elements().remove();
      const positions = nodes.flatMap((n) => (n.position ? [n.position] : []));
      this.setLabelThreshold(labelMinZoomedFontSize(positions, LABEL_FONT, MIN_ZOOMED_FONT, labelRoomFor(positions.length)));
      this.fitTo(positions);
      const layers = this.options.feedLayers === false ? null : startLayerFeed(this.cy, extentOf(positions));
      if (TEST_HOOKS) recordFeed(this, layers);
      const complete = await addProgressively(this.cy, nodes, edges, {
        onProgress,
        stillWanted: current,
        yieldToPage: nextFrame,
        yieldForInput: nextTask,
        layers,
        onAdded: (added) => this.uninstallLegibleLabels.adopt(added.nodes()),
      });
      if (!complete || !current()) return false;
      // Class changes (pins, the current note, filters) after the layer cache is built would
      // invalidate it again and cost 1-2 s frames until it is rebuilt (measured in the app).
      beforeDraw?.();
      this.uninstallLegibleLabels.flush();
      // Whatever the feed could not draw (or everything, without it) goes into the layers in
      // slices; then one frame draws from them (cytoscape-internals/layer-cache.ts).
      await buildLayersInSlices(this.cy, { yieldToPage: nextTask, stillWanted: current });
      if (!current()) return false;
      rebuildLayerCache(this.cy);
      this.handlers.onViewportChange?.();
      return current();
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(nodes);
    });
    // Fit before the first frame: drawing 10k nodes at zoom 1 (labels on, big textures) is slow.
    this.fit();
    this.updateLabelThreshold();
    onProgress({ phase: 'nodes', done: nodes.length, total: nodes.length });
    for (const { start, end } of planChunks(edges.length, EDGE_CHUNK)) {
      await nextFrame();
      if (!current()) return false;
      this.cy.add(edges.slice(start, end));
      onProgress({ phase: 'edges', done: end, total: edges.length });
    }
    if (!current()) return false;
    beforeDraw?.();
    this.rebuildLayers();
    this.handlers.onViewportChange?.();
    return current();
  }

  /**
   * Moves a big graph into a layout's result without a long block: the label threshold and the
   * viewport from the positions first, then the nodes in chunks, then one frame that draws and
   * rebuilds the layer cache (progressive-build.ts). Resolves false when superseded.
   */
  applyPositions(positions: Record<string, { x: number; y: number }>): Promise<boolean> {
    return this.tracked(this.applyNow(positions));
  }

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

  private async applyNow(positions: Record<string, { x: number; y: number }>): Promise<boolean> {
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.cy.destroyed();
    const all = Object.values(positions);
    const restyle = this.setLabelThreshold(labelMinZoomedFontSize(all, LABEL_FONT, MIN_ZOOMED_FONT, labelRoomFor(all.length)));
    this.fitTo(all);
    const complete = await moveProgressively(this.cy, positions, { stillWanted: current, yieldToPage: nextFrame, yieldForInput: nextTask, restyle });
    if (!complete || !current()) return false;
    this.uninstallLegibleLabels.flush();
    await buildLayersInSlices(this.cy, { yieldToPage: nextTask, stillWanted: current });
    if (!current()) return false;
    rebuildLayerCache(this.cy);
    this.handlers.onViewportChange?.();
    return true;
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

  /**
   * Highlights a node and its neighbours; fades the rest when the graph is small enough. Past
   * FADE_MAX_ELEMENTS nothing is restyled: a DOM label names the node (hover-label.ts).
   */
  setHover(id: string | null): void {
    if (id === this.hovered) return;
    const cy = this.cy;
    const fade = cy.elements().length <= FADE_MAX_ELEMENTS;
    if (!fade && cy.container()) {
      this.hovered = id;
      if (id) this.hoverLabel.show(id);
      else this.hoverLabel.hide();
      return;
    }
    cy.batch(() => {
      if (this.hovered) {
        cy.elements('.neighbour').removeClass('neighbour');
        cy.getElementById(this.hovered).removeClass('hover');
        if (fade) cy.elements('.faded').removeClass('faded');
      }
      this.hovered = id;
      if (!id) return;
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      node.addClass('hover');
      hood.addClass('neighbour');
      if (fade) cy.elements().not(hood).addClass('faded');
    });
  }

  /** Marks the nodes and edges of the given paths (each a node-id list); clears when empty. */
  highlightPaths(paths: string[][]): void {
    highlightPaths(this.cy, paths);
  }

  /** Selects and centres a node; false when it is not in the view. */
  focus(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.cy.batch(() => {
      this.cy.nodes('.focus').removeClass('focus');
      node.addClass('focus');
    });
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 400 });
    return true;
  }

  markCurrent(id: string | null): void {
    markCurrent(this.cy, id);
  }

  setPinned(ids: ReadonlySet<string>): void {
    setPinned(this.cy, ids);
  }

  /** A node's centre in page pixels (for e2e tests), or null when absent or hidden. */
  pagePosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.visible()) return null;
    const p = node.renderedPosition();
    const rect = this.cy.container()?.getBoundingClientRect();
    return { x: p.x + (rect?.left ?? 0) + window.scrollX, y: p.y + (rect?.top ?? 0) + window.scrollY };
  }

  camera(): { zoom: number; pan: { x: number; y: number } } {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
  }

  setCamera(camera: { zoom: number; pan: { x: number; y: number } }): void {
    this.cy.viewport({ zoom: camera.zoom, pan: camera.pan });
  }

  destroy(): void {
    this.generation++;
    this.uninstallLegibleLabels();
    this.uninstallLayerSettling();
    this.uninstallLabelCulling();
    this.hoverLabel.destroy();
    this.cy.destroy();
  }
}
