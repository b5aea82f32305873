/**
 * A big graph's worker layout as the user watches it: the worker streams positions every few
 * hundred ms (forceatlas-run.ts) and the overview draws each batch at once from its own arrays
 * (GraphController.showLayoutPositions), so the structure shows within a second of the first
 * open and the graph converges on screen. cytoscape, hidden under the overview meanwhile, is
 * moved only once, to the result, in time-boxed slices (applyPositions). The result is handed
 * to `onConverged` before that move, so it is remembered as soon as the layout ends.
 *
 * On a first open cytoscape holds nothing yet (GraphController.preview): the layout starts from
 * the element definitions at once and `apply` builds cytoscape at the result, so the elements go
 * in once, where they belong, instead of being built at provisional positions beside the layout
 * (the two competed for the two cores: the layout took several times longer) and moved after.
 * Kept free of React so the bench runs exactly this.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphController } from './graph-controller';
import { runWorkerLayout, type WorkerLayoutOptions } from './layout-runner';
import type { LayoutRequest } from './layout-protocol';
import type { Point } from './position-cache';
import { nextTask } from './yield-to-page';

export interface StreamedLayoutOptions {
  /** Puts cytoscape at the result (resolves false when superseded); GraphController.applyPositions by default. */
  apply?(positions: Record<string, Point>): Promise<boolean>;
  onProgress(done: number, total: number): void;
  /** After each streamed batch is handed to the view: x then y per request node, in its order. */
  onPositions?(xy: Float64Array, done: number, total: number): void;
  /** The layout's result, before cytoscape is moved to it. */
  onConverged?(positions: Record<string, Point>): void;
  createWorker?: WorkerLayoutOptions['createWorker'];
}

export type StreamedLayoutOutcome = 'applied' | 'superseded';

export interface StreamedLayoutHandle {
  /** 'applied' once cytoscape holds the result; 'superseded' when cancelled or replaced. Rejects when the layout failed. */
  result: Promise<StreamedLayoutOutcome>;
  cancel(): void;
}

/** Whether this controller draws a layout's positions as they stream (an overview draws the graph). */
export function streamsLayout(controller: GraphController): boolean {
  return controller.level !== null;
}

export function runStreamedLayout(controller: GraphController, request: LayoutRequest, o: StreamedLayoutOptions): StreamedLayoutHandle {
  let live = true;
  const job = runWorkerLayout({ ...request, stream: true }, o.onProgress, {
    createWorker: o.createWorker,
    onPositions: (xy, done, total) => {
      if (!live) return;
      controller.showLayoutPositions(request.nodes, xy);
      o.onPositions?.(xy, done, total);
    },
  });
  const result = (async (): Promise<StreamedLayoutOutcome> => {
    let positions: Record<string, Point> | null;
    try {
      positions = await job.result;
    } catch (e) {
      if (live && !o.apply) controller.dropLayoutPositions();
      throw e;
    }
    if (positions === null || !live) return 'superseded';
    controller.showLayoutPositions(request.nodes, pairsOf(request.nodes, positions));
    o.onConverged?.(positions);
    // The result's message, its picture and the start of the build at it (a model of every
    // link) made one task longer than a frame may take on a dense graph (profiled; docs/benchmarks.md):
    // the build starts in a task of its own.
    await nextTask();
    if (!live) return 'superseded';
    const applied = await (o.apply ? o.apply(positions) : controller.applyPositions(positions));
    return applied && live ? 'applied' : 'superseded';
  })();
  return {
    result,
    cancel() {
      live = false;
      job.cancel();
    },
  };
}

/** x then y per id, in `ids` order (missing ids at 0, 0). */
export function pairsOf(ids: readonly string[], positions: Record<string, Point>): Float64Array {
  const xy = new Float64Array(2 * ids.length);
  ids.forEach((id, i) => {
    const p = positions[id];
    if (!p) return;
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return xy;
}

/** The definitions at a layout's positions (nodes it did not place keep theirs). */
export function placedAt(nodes: readonly ElementDefinition[], positions: Record<string, Point>): ElementDefinition[] {
  return nodes.map((n) => {
    const p = positions[n.data.id as string];
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
}
