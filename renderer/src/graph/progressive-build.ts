/**
 * Building a big graph without freezing the page. One `cy.add` of 10k nodes and another of 30k
 * edges blocked the page for seconds (measured, headless Chromium, 2 cores), with nothing on
 * screen until both were done. From PROGRESSIVE_MIN_ELEMENTS on, elements go in in chunks, a
 * few per task, nodes first, and a progress note says how far it got.
 *
 * Where the renderer allows it, each chunk is drawn straight into cytoscape's layer bitmaps as
 * it goes in (cytoscape-internals/layer-feed.ts): every frame then draws finished layers only, so the picture is
 * updated every FEED_DRAW_INTERVAL_MS while the graph fills in, and nothing is left to draw at
 * the end. Without the feed (or once it stops):
 *
 * - nodes first, drawn after the first chunk, the one reaching a quarter of them, and the last
 *   (every draw redraws every node so far one by one, ~100-400 ms at 10k; drawing after chunks
 *   1, 2, 4, 8… drew 25k nodes for 10k), so the first ones show within a few hundred ms;
 * - then edges. Drawing them chunk by chunk would redraw every element one by one each frame
 *   (cytoscape's layer cache is invalid while elements keep changing, ~1-2 s per frame at 30k
 *   edges), so while edges go in, drawing is held back with a cytoscape batch (the canvas keeps
 *   showing the nodes; the page stays responsive) and the caller draws once at the end,
 *   building the layer cache in that same frame (cytoscape-internals/layer-cache.ts).
 *
 * Each chunk's styles, rendered geometry and bounding boxes are computed in its own task
 * (settleNewElements), so that final frame only draws. Small graphs keep one synchronous build.
 */
import type { Collection, Core, ElementDefinition } from 'cytoscape';
import { cleanStyle, settleNewElements, settleRenderedStyle, type LayerFeed } from './cytoscape-internals';

/**
 * Below this many elements (nodes + edges) the graph is built in one go. The 1k-note bench
 * graph (3,979 elements) built in one go blocked the page ~620 ms; in chunks drawn into the
 * layers, 350-500 ms, with the full graph no later (1.05-1.13 s -> 0.77-1.08 s, measured).
 */
export const PROGRESSIVE_MIN_ELEMENTS = 2000;
/** Nodes per chunk: ~50-100 ms of work each on 2 slow cores (measured at 10k notes). */
export const NODE_CHUNK = 500;
/** Edges per chunk: ~40-100 ms each likewise. */
export const EDGE_CHUNK = 1000;
/**
 * Work per task before yielding to the page, ms. Chunks are small and a task takes as many as
 * fit: on a fast or idle machine fewer yields (each can wait up to a frame), on a loaded one
 * no task much over ~100 ms (fixed chunks of 1000 nodes / 3000 edges took 200-450 ms each in
 * the app under load).
 */
export const TASK_BUDGET_MS = 50;
/**
 * Aimed-at work per chunk, ms, when chunks are sized by time (ProgressiveOptions.chunkMs): under
 * load a fixed chunk of edges took several frames (traced, a first open's build at the layout's
 * result; docs/benchmarks.md), so a task could not stay near its budget.
 */
export const CHUNK_MS = 20;
/** The smallest chunk sized by time, and the first one's size (nothing measured yet). */
const MIN_TIMED_CHUNK = 25;
const FIRST_TIMED_CHUNK = 100;
/** While chunks go straight into the layers (cytoscape-internals/layer-feed.ts), the picture is updated this often, ms. */
export const FEED_DRAW_INTERVAL_MS = 500;

export interface Chunk {
  start: number;
  end: number;
}

/** Splits `count` items into consecutive [start, end) chunks of at most `size` (the last may be shorter). */
export function planChunks(count: number, size: number): Chunk[] {
  if (!(size >= 1)) throw new Error(`chunk size must be at least 1, got ${size}`);
  const step = Math.floor(size);
  const chunks: Chunk[] = [];
  for (let start = 0; start < count; start += step) chunks.push({ start, end: Math.min(count, start + step) });
  return chunks;
}

/** Consecutive [start, end) chunks whose weights sum to at most `max` (a heavier item gets a chunk of its own). */
export function planWeightedChunks(weights: number[], max: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let sum = 0;
  weights.forEach((w, i) => {
    if (i > start && sum + w > max) {
      chunks.push({ start, end: i });
      start = i;
      sum = 0;
    }
    sum += w;
  });
  if (start < weights.length) chunks.push({ start, end: weights.length });
  return chunks;
}

/** Whether the node phase draws after the chunk [start, end) of `total`: the first, the one reaching a quarter, and the last. */
export function drawsAfterChunk(start: number, end: number, total: number): boolean {
  const quarter = Math.ceil(total / 4);
  return start === 0 || end >= total || (start < quarter && end >= quarter);
}

/** Whether a graph this size is built progressively. */
export function isProgressive(nodes: number, edges: number): boolean {
  return nodes + edges >= PROGRESSIVE_MIN_ELEMENTS;
}

export type BuildPhase = 'nodes' | 'edges';

export interface BuildProgress {
  phase: BuildPhase;
  /** Done within the phase. */
  done: number;
  /** Total within the phase. */
  total: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The note the graph pane shows while building, e.g. "Drawing 12,000 / 30,000 links…". */
export function progressText(p: BuildProgress): string {
  if (p.total <= 0) return p.phase === 'nodes' ? 'Loading the graph…' : 'Drawing links…';
  const what = p.phase === 'nodes' ? 'notes' : 'links';
  return `Drawing ${count(Math.max(0, Math.min(p.done, p.total)))} / ${count(p.total)} ${what}…`;
}

export interface ProgressiveOptions {
  onProgress(p: BuildProgress): void;
  /** False once a newer build or a teardown superseded this one: stop before the next chunk. */
  stillWanted(): boolean;
  /** Resolves when the page had a chance to draw (a frame) and to handle input. */
  yieldToPage(): Promise<void>;
  /**
   * Resolves once input had its turn, without waiting for a frame (nextTask): for the yields
   * where drawing is held anyway. Waiting for frames there left the page idle ~0.5 s over a
   * 10k-note build (profiled). Defaults to yieldToPage.
   */
  yieldForInput?(): Promise<void>;
  nodeChunk?: number;
  edgeChunk?: number;
  /** Work per task before yielding (TASK_BUDGET_MS); 0 yields after every chunk. */
  budgetMs?: number;
  /** The clock for the budget (performance.now). */
  now?(): number;
  /** Runs on each chunk right after it went in, before it is styled (for style bypasses). */
  onAdded?(added: Collection): void;
  /** Draws each chunk into cytoscape's layers as it goes in (cytoscape-internals/layer-feed.ts); while active, frames draw freely. */
  layers?: LayerFeed | null;
  /**
   * Sizes chunks by time: after each chunk the next one aims at this many ms from the cost per
   * element just measured, `nodeChunk` / `edgeChunk` at most (CHUNK_MS). Fixed sizes without it.
   */
  chunkMs?: number;
  /** False: chunks are not styled and measured as they go in (the caller does it later, edge-fill.ts). */
  settle?: boolean;
}

/** The next chunk's size: `target` ms at the cost per item the last chunk measured, within [MIN_TIMED_CHUNK, max]. */
export function timedChunk(items: number, tookMs: number, target: number, max: number): number {
  const perItem = Math.max(tookMs, 0.001) / Math.max(1, items);
  return Math.max(Math.min(MIN_TIMED_CHUNK, max), Math.min(max, Math.floor(target / perItem)));
}

/** A yield that only yields once this task has used its budget, or when `force`d (then for a frame). */
export function budgetedYield(o: Pick<ProgressiveOptions, 'yieldToPage' | 'yieldForInput' | 'budgetMs' | 'now'>): (force?: boolean) => Promise<void> {
  const now = o.now ?? (() => performance.now());
  const budget = o.budgetMs ?? TASK_BUDGET_MS;
  let start = now();
  return async (force = false) => {
    if (!force && now() - start < budget) return;
    await (force ? o.yieldToPage() : (o.yieldForInput ?? o.yieldToPage)());
    start = now();
  };
}

/** Holds cytoscape's drawing (a batch) on and off, idempotently; a destroyed graph is left alone. */
function drawHold(cy: Core): (on: boolean) => void {
  let held = false;
  return (on: boolean) => {
    if (on === held || cy.destroyed()) return;
    held = on;
    if (on) cy.startBatch();
    else cy.endBatch();
  };
}

/**
 * Adds nodes, then edges, in chunks with a yield between chunks (see the top of this file).
 * Resolves false when superseded (the elements added so far stay). Drawing is never left held.
 */
export async function addProgressively(cy: Core, nodes: ElementDefinition[], edges: ElementDefinition[], o: ProgressiveOptions): Promise<boolean> {
  const phases: [BuildPhase, ElementDefinition[], number][] = [
    ['nodes', nodes, o.nodeChunk ?? NODE_CHUNK],
    ['edges', edges, o.edgeChunk ?? EDGE_CHUNK],
  ];
  const hold = drawHold(cy);
  const pause = budgetedYield(o);
  const now = o.now ?? (() => performance.now());
  let lastDraw = -Infinity;
  try {
    for (const [phase, list, maxSize] of phases) {
      const size = Math.floor(maxSize);
      if (!(size >= 1)) throw new Error(`chunk size must be at least 1, got ${maxSize}`);
      let chunk = o.chunkMs ? Math.min(size, FIRST_TIMED_CHUNK) : size;
      for (let start = 0; start < list.length;) {
        const end = Math.min(list.length, start + chunk);
        const last = end === list.length;
        // Elements go in outside the batch: inside it their styles would be recomputed at its end.
        hold(false);
        if (!o.stillWanted() || cy.destroyed()) return false;
        const began = o.chunkMs ? now() : 0;
        const added = cy.add(list.slice(start, end));
        o.onAdded?.(added);
        if (o.settle !== false) settleNewElements(cy, added);
        o.layers?.add(added);
        if (o.chunkMs) chunk = timedChunk(end - start, now() - began, o.chunkMs, size);
        o.onProgress({ phase, done: end, total: list.length });
        const draw = phase === 'nodes' && drawsAfterChunk(start, end, list.length);
        start = end;
        if (o.layers?.active()) {
          // Every element is in a complete layer: a frame draws a few big bitmaps and redoes
          // cytoscape's per-frame bookkeeping over every element (~25 ms at 40k, profiled).
          // So the picture is updated twice a second, not at every yield.
          const due = now() - lastDraw >= FEED_DRAW_INTERVAL_MS || last;
          hold(!due);
          await pause(due);
          if (due) lastDraw = now();
          continue;
        }
        hold(!draw);
        // A draw needs a frame; so does the end of a phase (the caller or the edges come next).
        await pause(draw || last);
      }
    }
  } finally {
    hold(false);
  }
  return o.stillWanted() && !cy.destroyed();
}

/**
 * Moves nodes to a layout's result in chunks, drawing held back until the end as for edges
 * above: moving 10k nodes in one batch made cytoscape restyle, re-project 30k edges and redraw
 * everything in one 1.7-3.2 s block (measured). Each chunk's nodes and their edges are settled
 * in its own task; the caller draws once at the end. Nodes missing from `positions` stay where they are. Resolves false when superseded.
 */
export async function moveProgressively(
  cy: Core,
  positions: Record<string, { x: number; y: number }>,
  o: Omit<ProgressiveOptions, 'onProgress' | 'edgeChunk'> & { restyle?: boolean },
): Promise<boolean> {
  const nodes = cy.nodes();
  const hold = drawHold(cy);
  const pause = budgetedYield(o);
  try {
    if (o.restyle) {
      // Styles marked dirty (a new label threshold restyles the nodes, a new stylesheet every
      // element) are computed a chunk per task, held from drawing, instead of all at once in
      // the first chunk's task. Nodes first: edges are projected against their final styles.
      for (const [group, size] of [
        [cy.elements('node'), o.nodeChunk ?? NODE_CHUNK],
        [cy.elements('edge'), EDGE_CHUNK],
      ] as const) {
        for (const { start, end } of planChunks(group.length, size)) {
          if (!o.stillWanted() || cy.destroyed()) return false;
          hold(true);
          const chunk = group.slice(start, end);
          cleanStyle(chunk);
          settleRenderedStyle(cy, chunk);
          await pause();
        }
      }
      // The restyle queued its elements for the renderer's next flush (texture caches, layers):
      // in a task of its own rather than on top of the first move.
      settleNewElements(cy);
      await pause(true);
    }
    // Each moved node re-projects its edges: a chunk holding a few hubs had thousands of them
    // (one 0.8-1 s task, measured), so chunks are bounded by nodes plus edges.
    // (The view's own degree, in the data: cytoscape's degree() builds collections per edge.)
    const weights = nodes.map((n) => 1 + (Number(n.data('degree')) || 0));
    for (const { start, end } of planWeightedChunks(weights, 2 * (o.nodeChunk ?? NODE_CHUNK))) {
      hold(false);
      if (!o.stillWanted() || cy.destroyed()) return false;
      const chunk = nodes.slice(start, end);
      cy.batch(() => {
        chunk.forEach((n) => {
          const p = positions[n.id()];
          if (p) n.position({ x: p.x, y: p.y });
        });
      });
      settleNewElements(cy, chunk.union(chunk.connectedEdges()));
      hold(true);
      await pause();
    }
  } finally {
    hold(false);
  }
  return o.stillWanted() && !cy.destroyed();
}
