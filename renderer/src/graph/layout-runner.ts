/**
 * Running layouts without blocking the UI: fcose (synchronous but quick) for small and local
 * graphs; ForceAtlas2 in a Web Worker for the rest, then an animated move into the result.
 * Pinned nodes keep their place in both.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutMessage, LayoutRequest } from './layout-protocol';
import type { Point } from './position-cache';
import { DEFAULT_FORCES, fcoseParameters, type GraphForces } from './graph-forces';
import { SPREAD_MAX_NODES } from './node-spread';

/** At or below this many nodes fcose runs on the main thread (measured: well under a frame budget per tick). */
export const FCOSE_MAX_NODES = 300;
/** Above this, moving into the result is instant: thousands of animations cost more than they show. */
export const ANIMATE_MAX_NODES = 3000;

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

export interface FcoseHandle {
  /** True once the layout (and its animated fit) finished; false when cancelled first. */
  result: Promise<boolean>;
  /** Stops the nodes' and the camera's animations where they are (a newer view or layout replaces this one). */
  cancel(): void;
}

/** fcose on the main thread, animated for small graphs; cancellable, so its animated fit cannot fight a newer view's camera. */
export function runFcose(cy: Core, pinned: ReadonlySet<string>, randomize: boolean, forces: GraphForces = DEFAULT_FORCES): FcoseHandle {
  registerLayouts();
  const fixed: { nodeId: string; position: Point }[] = [];
  cy.nodes().forEach((n) => {
    if (pinned.has(n.id())) fixed.push({ nodeId: n.id(), position: { ...n.position() } });
  });
  let settle: (finished: boolean) => void = () => {};
  const result = new Promise<boolean>((resolve) => (settle = resolve));
  const layout = cy.layout({
    name: 'fcose',
    randomize,
    animate: cy.nodes().length <= FCOSE_MAX_NODES,
    animationDuration: 500,
    fit: true,
    padding: 30,
    ...fcoseParameters(forces),
    fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
  } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => settle(true));
  layout.run();
  return {
    result,
    cancel() {
      // fcose's own stop() emits no layoutstop: the promise is settled here.
      settle(false);
      if (!cy.destroyed()) layout.stop();
    },
  };
}

export interface WorkerLayoutHandle {
  /** The new positions, or null when the run was cancelled (a newer layout or unmount replaced it). */
  result: Promise<Record<string, Point> | null>;
  cancel(): void;
}

/** Iterations scale down with size so a 10k graph settles in seconds, not minutes. */
export function iterationsFor(nodes: number): number {
  if (nodes > 8000) return 150;
  if (nodes > 3000) return 250;
  return 400;
}

export function layoutRequest(cy: Core, pinned: ReadonlySet<string>, forces: GraphForces = DEFAULT_FORCES): LayoutRequest {
  const positions: Record<string, Point> = {};
  const sizes: Record<string, number> = {};
  const nodes: string[] = [];
  cy.nodes().forEach((n) => {
    nodes.push(n.id());
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
    sizes[n.id()] = n.width();
  });
  const edges: [string, string][] = cy.edges().map((e) => [e.data('source') as string, e.data('target') as string]);
  return { nodes, edges, positions, pinned: nodes.filter((id) => pinned.has(id)), iterations: iterationsFor(nodes.length), forces, sizes };
}

/**
 * The same request from the element definitions a build starts with, before cytoscape holds
 * them: a big graph's layout then runs beside the build. Sizes are the definitions' data size
 * (the node's diameter at the default node size; only medium graphs use them).
 */
export function layoutRequestFromDefinitions(
  nodeDefs: readonly ElementDefinition[],
  edgeDefs: readonly ElementDefinition[],
  pinned: ReadonlySet<string>,
  forces: GraphForces = DEFAULT_FORCES,
): LayoutRequest {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  const xy = new Float64Array(2 * nodeDefs.length);
  // Only medium graphs are spread by size (node-spread.ts): a big one sends none.
  const sizes: Record<string, number> | undefined = nodeDefs.length <= SPREAD_MAX_NODES ? {} : undefined;
  nodeDefs.forEach((n, i) => {
    const d = n.data as { id: string; size?: number };
    nodes.push(d.id);
    index.set(d.id, i);
    xy[2 * i] = n.position?.x ?? 0;
    xy[2 * i + 1] = n.position?.y ?? 0;
    if (sizes) sizes[d.id] = Number(d.size) || 0;
  });
  const edges = new Uint32Array(2 * edgeDefs.length);
  let k = 0;
  for (const e of edgeDefs) {
    const s = index.get(e.data.source as string);
    const t = index.get(e.data.target as string);
    if (s === undefined || t === undefined) continue;
    edges[k++] = s;
    edges[k++] = t;
  }
  return {
    nodes,
    edges: [],
    positions: {},
    packed: { edges: edges.subarray(0, k), xy },
    pinned: nodes.filter((id) => pinned.has(id)),
    iterations: iterationsFor(nodes.length),
    forces,
    sizes,
  };
}

export interface WorkerLayoutOptions {
  /** Streamed positions (request.stream): x then y per request node, in its order. */
  onPositions?(xy: Float64Array, done: number, total: number): void;
  /** Starts the worker (the app's bundled one by default; the bench serves its own build). */
  createWorker?(): Worker;
}

export function runWorkerLayout(
  request: LayoutRequest,
  onProgress: (done: number, total: number) => void,
  options: WorkerLayoutOptions = {},
): WorkerLayoutHandle {
  let worker: Worker | null = null;
  let cancelled = false;
  // Settles a cancelled run: terminate() fires no event, so without this the promise (and the
  // request it closes over, every node position) would stay pending forever.
  let settleCancelled: (() => void) | null = null;
  const factory = options.createWorker ? Promise.resolve({ createLayoutWorker: options.createWorker }) : import('./create-layout-worker');
  const result = factory.then(
    ({ createLayoutWorker }) =>
      new Promise<Record<string, Point> | null>((resolve, reject) => {
        if (cancelled) return resolve(null);
        settleCancelled = () => resolve(null);
        worker = createLayoutWorker();
        worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
          const m = event.data;
          if (m.type === 'progress') onProgress(m.done, m.total);
          else if (m.type === 'positions') options.onPositions?.(m.xy, m.done, m.total);
          else if (m.type === 'done') {
            worker?.terminate();
            resolve(m.positions);
          } else {
            worker?.terminate();
            reject(new Error(m.message));
          }
        };
        worker.onerror = (e) => {
          worker?.terminate();
          reject(new Error(`Layout worker failed: ${e.message}`));
        };
        // Packed arrays are handed over, not copied (the caller keeps only the node ids).
        worker.postMessage(request, request.packed ? [request.packed.edges.buffer, request.packed.xy.buffer] : []);
      }),
  );
  return {
    result,
    cancel() {
      cancelled = true;
      worker?.terminate();
      settleCancelled?.();
    },
  };
}

/** Moves nodes to `positions`, animated for graphs small enough to animate smoothly. */
export function moveTo(cy: Core, positions: Record<string, Point>): Promise<void> {
  const animate = cy.nodes().length <= ANIMATE_MAX_NODES;
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'preset',
      positions: (n: cytoscape.NodeSingular) => positions[n.id()] ?? n.position(),
      animate,
      animationDuration: 700,
      // Big graphs are fitted by the caller from node centres: cy's own fit measures every label.
      fit: animate,
      padding: 30,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}
