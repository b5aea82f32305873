/**
 * A big graph's links going into cytoscape after its load has settled. While the overview
 * draws, cytoscape draws nothing and the overview draws the links from their definitions
 * (GraphOverview.holdEdges); hover, click and pan are the overview's. Adding, styling and
 * measuring the links was most of a remembered dense graph's build (docs/benchmarks.md), and
 * nothing the user can do in the overview waits on it, so the load ends with the nodes in and
 * the links follow here in short slices, with no progress shown. What must see every link in
 * cytoscape (a live update, a layout request, the path tool, the animation) calls `complete()`
 * first, which adds the rest at once.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { budgetedYield, CHUNK_MS, EDGE_CHUNK, NODE_CHUNK, timedChunk } from './progressive-build';
import { settleElements, settleNewElements } from './cytoscape-internals';
import { nextTask } from './yield-to-page';
import type { GraphOverview } from './overview/graph-overview';

/** Work per task of the fill, ms: shorter than a build's, since the user may already be panning. */
export const FILL_BUDGET_MS = 30;
const FIRST_CHUNK = 100;
/** The fill waits for a pan or zoom to rest this long, ms. */
export const GESTURE_REST_MS = 300;

export interface EdgeFill {
  /** Resolves true once cytoscape holds every link, false when the fill was superseded first. */
  readonly done: Promise<boolean>;
  /** The links cytoscape does not hold yet, in their definitions' order. */
  pending(): readonly ElementDefinition[];
  /** Adds every link still pending, now (something is about to read cytoscape's edges). */
  complete(): void;
}

export interface EdgeFillOptions {
  /** False once a newer load or a teardown superseded the fill: it stops before the next slice. */
  stillWanted(): boolean;
  /** Resolves once input had its turn (nextTask). */
  yieldForInput(): Promise<void>;
  /** How long to hold off before the next slice, ms (the user is panning or zooming: their frames first); 0 to go on. */
  holdOff?(): number;
  now?(): number;
}

export function startEdgeFill(cy: Core, edges: readonly ElementDefinition[], o: EdgeFillOptions): EdgeFill {
  const now = o.now ?? (() => performance.now());
  let next = 0;
  let completedNow = false;
  const add = (end: number) => {
    const added = cy.add(edges.slice(next, end) as ElementDefinition[]);
    next = end;
    settleNewElements(cy, added);
  };
  const budgeted = budgetedYield({ yieldToPage: o.yieldForInput, budgetMs: FILL_BUDGET_MS, now });
  const pause = async (force = false) => {
    await budgeted(force);
    for (let wait = o.holdOff?.() ?? 0; wait > 0 && !completedNow; wait = o.holdOff?.() ?? 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const run = async (): Promise<boolean> => {
    // The settled picture and the input queued behind the load go first.
    await pause(true);
    // The load put the nodes in unsettled (graph-load.ts): their geometry and boxes first, a slice per task.
    const nodes = cy.elements('node');
    let chunk = FIRST_CHUNK;
    for (let start = 0; start < nodes.length && !completedNow;) {
      if (!o.stillWanted() || cy.destroyed()) return false;
      const began = now();
      const end = Math.min(nodes.length, start + chunk);
      settleElements(cy, nodes.slice(start, end));
      chunk = timedChunk(end - start, now() - began, CHUNK_MS, NODE_CHUNK);
      start = end;
      await pause();
    }
    chunk = FIRST_CHUNK;
    while (next < edges.length) {
      if (completedNow || !o.stillWanted() || cy.destroyed()) break;
      const began = now();
      const count = Math.min(edges.length, next + chunk) - next;
      add(next + count);
      chunk = timedChunk(count, now() - began, CHUNK_MS, EDGE_CHUNK);
      await pause();
    }
    return next === edges.length && o.stillWanted() && !cy.destroyed();
  };
  return {
    done: run(),
    pending: () => edges.slice(next),
    complete() {
      if (next === edges.length || !o.stillWanted() || cy.destroyed()) return;
      completedNow = true;
      add(edges.length);
    },
  };
}

/**
 * The graph controller's links after a load: the overview draws the pending ones until
 * cytoscape holds them all, then reads its model from cytoscape again and `onIn` runs. `track`
 * counts the fill as work in flight (the overview reads no model from cytoscape meanwhile).
 */
export class TrailingLinks {
  /** The last load's fill, with whether that load is still the one shown. */
  private fill: { fill: EdgeFill; stillWanted(): boolean } | null = null;
  private lastMove = -Infinity;

  constructor(
    private readonly cy: Core,
    private readonly overview: GraphOverview | null,
    private readonly o: { track(done: Promise<boolean>): Promise<boolean>; onIn(): void },
  ) {
    cy.on('viewport', () => (this.lastMove = performance.now()));
  }

  /** Starts adding these links after a load whose nodes are in; `stillWanted` turns false once a newer load supersedes it. */
  follow(edges: readonly ElementDefinition[], stillWanted: () => boolean): void {
    // A pan or zoom holds the fill until it has rested: a slice and the garbage it leaves cost the gesture frames (docs/benchmarks.md).
    const holdOff = () => Math.max(0, this.lastMove + GESTURE_REST_MS - performance.now());
    const fill = startEdgeFill(this.cy, edges, { stillWanted, yieldForInput: nextTask, holdOff });
    const entry = { fill, stillWanted };
    this.fill = entry;
    this.overview?.holdEdges(fill.pending);
    void this.o.track(fill.done).then((complete) => {
      if (this.fill !== entry) return;
      this.fill = null;
      if (!complete) return;
      this.overview?.releaseEdges();
      this.o.onIn();
    });
  }

  /** The links cytoscape does not hold yet (none once it holds them all, or once a newer load replaced them). */
  pending(): readonly ElementDefinition[] {
    return this.fill?.stillWanted() ? this.fill.fill.pending() : [];
  }

  /** Adds the links still pending now, in one go: for what reads every edge from cytoscape (a delta, a layout request). */
  complete(): void {
    this.fill?.fill.complete();
  }

  /** Resolves once cytoscape holds every element of the last load (false when it was superseded first). */
  whenComplete(): Promise<boolean> {
    return this.fill?.fill.done ?? Promise.resolve(!this.cy.destroyed());
  }
}
