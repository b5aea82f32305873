/**
 * The overview renderer as the graph controller sees it: one object per cytoscape instance
 * that decides, at every viewport change, whether the overview or cytoscape draws
 * (level-of-detail.ts), holds cytoscape's drawing while the overview does (the door's render
 * hold), and keeps the overview's model in step with cytoscape's elements. cytoscape stays
 * the model and the source of the viewport and of the events the view listens to; the
 * overview only draws and hit-tests. Created only for a canvas renderer whose render can be
 * held; otherwise the controller draws everything with cytoscape, as before.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { installRenderHold, type RenderHold } from '../cytoscape-internals';
import { chooseLevel, overviewApplies, type Level } from './level-of-detail';
import { modelFromCore, modelFromDefinitions, sameModel, withPositions, type OverviewModel } from './overview-model';
import { OverviewView } from './overview-view';
import type { Theme } from '../graph-style';
import type { GraphDisplay } from '../graph-forces';

export { overviewApplies, type Level } from './level-of-detail';

/** The theme and display settings the graph is drawn with (graph-appearance.ts). */
export interface Look {
  theme: Theme;
  display: GraphDisplay;
}

export interface GraphOverviewOptions {
  look: Look;
  onTap(id: string, newTab: boolean): void;
  onDoubleTap(id: string): void;
  onHover(id: string | null): void;
  /** True while a build or layout apply runs: the model is read from cytoscape after it, not during. */
  busy(): boolean;
  /** The renderer drawing changed (cytoscape-side work skipped meanwhile can catch up). */
  onLevelChange?(level: Level | null): void;
}

/** cytoscape events after which the overview's model may be stale. */
const MODEL_EVENTS = 'add remove position class data';
/** Changes are read from cytoscape once they have stopped for this long. */
const SYNC_MS = 150;

export class GraphOverview {
  private readonly view: OverviewView;
  private model: OverviewModel | null = null;
  private levelNow: Level | null = null;
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastModelEvent = 0;
  /** The model is drawn before cytoscape holds any of it (a first open's layout runs first): only the overview can draw it. */
  private previewOnly = false;
  /** A layout's positions, drawn instead of cytoscape's until cytoscape holds them (showLayoutPositions). */
  private streamed: { ids: readonly string[]; xy: Float64Array } | null = null;
  /** The links cytoscape does not hold yet (holdEdges): drawn from their definitions, and cytoscape does not draw until they are in. */
  private pendingEdges: (() => readonly ElementDefinition[]) | null = null;

  /** Null when cytoscape's drawing cannot be held (no canvas renderer, or its internals changed). */
  static create(cy: Core, container: HTMLElement, options: GraphOverviewOptions): GraphOverview | null {
    const hold = installRenderHold(cy);
    return hold.available ? new GraphOverview(cy, container, hold, options) : null;
  }

  private constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly hold: RenderHold,
    private readonly options: GraphOverviewOptions,
  ) {
    this.view = new OverviewView(container, {
      ...drawingOf(options.look),
      handlers: {
        pan: (dx, dy) => cy.panBy({ x: dx, y: dy }),
        tap: (id, newTab) => options.onTap(id, newTab),
        doubleTap: (id) => options.onDoubleTap(id),
        hover: (id) => options.onHover(id),
      },
    });
    cy.on('viewport', this.onViewport);
    cy.on(MODEL_EVENTS, this.onModelEvent);
  }

  /** Which renderer draws now: null when the graph is too small for an overview. */
  get level(): Level | null {
    return this.levelNow;
  }

  /** Whether elements added while the overview draws stay unsettled until asked (render-hold.ts holdsCalculations). */
  get holdsCalculations(): boolean {
    return this.hold.holdsCalculations;
  }

  /** True while the overview, not cytoscape, draws the graph. */
  get drawing(): boolean {
    return this.levelNow === 'overview';
  }

  /** After a build or a layout apply: reads the elements; true when the overview draws them (cytoscape's layers are then not needed). */
  takeOver(): boolean {
    if (this.levelNow === null) return false;
    this.sync();
    return this.drawing;
  }

  /** Frames the overview has drawn (for the bench's frame rate). */
  get frames(): number {
    return this.view.frames;
  }

  onFrame(listener: () => void): () => void {
    return this.view.onFrame(listener);
  }

  /** The node under a point of the graph's container (CSS px), as a click would find it; null in detail or off any node. */
  hitAt(x: number, y: number): string | null {
    return this.levelNow === 'overview' ? this.view.hitAt(x, y) : null;
  }

  /**
   * A build starts from these definitions: a big graph is drawn from them at once, before
   * cytoscape holds any of it. Returns whether the overview applies to it.
   */
  showDefinitions(nodes: readonly ElementDefinition[], edges: readonly ElementDefinition[], preview = false): boolean {
    this.streamed = null;
    this.pendingEdges = null;
    this.previewOnly = preview;
    if (!overviewApplies(nodes.length + edges.length)) {
      this.clear();
      return false;
    }
    // A preview's layout starts now: its nodes show where they start, its links once placed.
    this.setModel({ ...modelFromDefinitions(nodes, edges), linksHidden: preview });
    return true;
  }

  /**
   * A running layout's positions (x then y per id): drawn at once, and kept over what cytoscape
   * holds (whose nodes are moved to them later, in slices) until endLayoutPositions. False when
   * the overview has no model to draw them in.
   */
  showLayoutPositions(ids: readonly string[], xy: Float64Array): boolean {
    if (!this.model) return false;
    this.streamed = { ids, xy };
    this.setModel(withPositions(this.model, ids, xy));
    return true;
  }

  /**
   * Until releaseEdges, cytoscape holds only part of the graph's links and `pending` returns the
   * rest: the model takes those from their definitions, and the overview draws at every zoom
   * (cytoscape would draw the graph without them).
   */
  holdEdges(pending: () => readonly ElementDefinition[]): void {
    this.pendingEdges = pending;
    this.decide();
  }

  /** cytoscape holds every link now: the model is read from it alone, and cytoscape may draw again. */
  releaseEdges(): void {
    if (!this.pendingEdges) return;
    this.pendingEdges = null;
    this.sync();
  }

  /** cytoscape holds the layout's positions now (or the layout was dropped): its own are drawn again from the next sync. */
  endLayoutPositions(): void {
    this.streamed = null;
  }

  /** Complete pictures shown so far of positions from a layout (the bench's "structure visible"). */
  get layoutPictures(): number {
    return this.view.layoutPictures;
  }

  /** Reads the model from cytoscape now (a build or apply ended, or the graph changed in place). */
  sync(): void {
    this.stale = false;
    const pending = this.pendingEdges?.() ?? [];
    const elements = this.cy.elements().length + pending.length;
    if (!overviewApplies(elements)) return this.clear();
    const next = this.withStreamed(modelFromCore(this.cy, pending));
    if (this.model && sameModel(this.model, next)) return this.decide();
    this.setModel(next);
  }

  /** Resolves once the overview shows a complete picture of its model (at once when it is not drawing). */
  whenDrawn(): Promise<void> {
    return this.levelNow === 'overview' ? this.view.whenDrawn() : Promise.resolve();
  }

  /** The theme or the display settings changed: a new picture in them. */
  setLook(look: Look): void {
    this.view.setOptions(drawingOf(look));
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.cy.off('viewport', this.onViewport);
    this.cy.off(MODEL_EVENTS, this.onModelEvent);
    this.hold.uninstall();
    this.view.destroy();
  }

  private setModel(model: OverviewModel): void {
    this.model = model;
    this.view.setModel(model);
    this.decide();
  }

  private withStreamed(model: OverviewModel): OverviewModel {
    return this.streamed ? withPositions(model, this.streamed.ids, this.streamed.xy) : model;
  }

  private clear(): void {
    this.model = null;
    this.previewOnly = false;
    this.setLevel(null);
  }

  private readonly onViewport = () => this.decide();

  private readonly onModelEvent = () => {
    if (!this.model) return;
    this.stale = true;
    this.lastModelEvent = performance.now();
    // One timer for a burst: a build emits an event per element, and a clearTimeout and
    // setTimeout for each showed in the build's main-thread profile (docs/benchmarks.md).
    if (this.timer === null) this.armSync(SYNC_MS);
  };

  /** Syncs once the model events have stopped for SYNC_MS. */
  private armSync(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quiet = performance.now() - this.lastModelEvent;
      if (quiet < SYNC_MS) return this.armSync(SYNC_MS - quiet);
      // A build or apply reads the model itself when it ends; in detail the model is read on the way back.
      // A preview draws definitions cytoscape does not hold yet: its elements are not the model.
      if (this.stale && !this.previewOnly && !this.options.busy() && this.levelNow === 'overview') this.sync();
    }, ms);
  }

  /** Picks the level for the viewport now and passes the camera on. */
  private decide(): void {
    const m = this.model;
    if (!m) return this.setLevel(null);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const e = this.cy.extent();
    const visibleNodes = this.view.countIn(e.x1, e.y1, e.x2, e.y2);
    const next =
      this.previewOnly || this.pendingEdges ? 'overview' : chooseLevel({ elements: m.ids.length + m.edges.length / 2, visibleNodes, current: this.levelNow });
    this.view.setCamera({ zoom, panX: pan.x, panY: pan.y });
    this.setLevel(next);
  }

  private setLevel(next: Level | null): void {
    if (next === this.levelNow) return;
    const wasDetail = this.levelNow !== 'overview';
    this.levelNow = next;
    const overview = next === 'overview';
    if (overview && wasDetail && this.stale && !this.options.busy()) {
      // Back from detail: what changed meanwhile (drags, filters) is read before drawing.
      this.stale = false;
      const fresh = this.withStreamed(modelFromCore(this.cy, this.pendingEdges?.()));
      if (!this.model || !sameModel(this.model, fresh)) {
        this.model = fresh;
        this.view.setModel(fresh);
      }
    }
    if (!overview) this.options.onHover(null);
    this.hold.set(overview);
    this.view.setActive(overview);
    this.options.onLevelChange?.(next);
    const pan = this.cy.pan();
    this.view.setCamera({ zoom: this.cy.zoom(), panX: pan.x, panY: pan.y });
  }
}

/** Calls `listener` after every frame drawn, by cytoscape ('render') or by the overview. */
export function onEveryFrame(cy: Core, overview: GraphOverview | null, listener: () => void): () => void {
  cy.on('render', listener);
  const off = overview?.onFrame(listener);
  return () => {
    cy.off('render', listener);
    off?.();
  };
}

function drawingOf({ theme, display }: Look) {
  return { colours: { edge: theme.edge, accent: theme.accent, background: theme.background }, nodeScale: display.nodeSize, edgeWidth: display.linkThickness };
}
