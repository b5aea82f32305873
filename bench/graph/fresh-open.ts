/**
 * The bench page's first open of a big graph with no remembered positions, as the app does it
 * (use-graph-engine.ts, use-graph-layout.ts): a GraphController with the overview, built from the
 * provisional start, and the ForceAtlas2 worker layout. Where the view modules stream the layout
 * (layout-stream.ts: runStreamedLayout), the overview previews the definitions, the layout
 * streams into it and cytoscape is built at the result (use-graph-engine.ts); code without it
 * (an older checkout, for side-by-side runs) gets the app's older flow: the build, then the
 * layout, then the result applied. Times are from the start, as if
 * the user had just clicked Global.
 */
import * as view from './view-modules';
import type { GraphController, LayoutMessage, LayoutRequest } from './view-modules';
import { startBlockMonitor } from './block-monitor';
import { frameGapLog } from './frame-gap-log';
import type { Positions } from './seeded-start';
import type { ElementDefinition } from 'cytoscape';

export interface FreshOpenResult {
  flow: 'streamed' | 'after build';
  iterations: number;
  /** The overview's first complete picture (the provisional start). */
  firstPictureMs: number;
  /** The first complete picture of positions from the layout. */
  structureMs: number;
  /** Streamed batches received, the first one's time and the longest interval between batches (and from the last to the result). */
  streams: number;
  firstStreamMs: number;
  longestStreamGapMs: number;
  /** The layout's result received (the app remembers it then, or after applying it without streaming). */
  convergedMs: number;
  /** The picture of the result complete. */
  finalPictureMs: number;
  /** cytoscape holds the result (every element built and moved). */
  appliedMs: number;
  /** Longest Long Task and worst frame gap from the start to `appliedMs`; the worst gap after convergence. */
  longestTaskMs: number;
  worstFrameGapMs: number;
  applyWorstFrameGapMs: number;
  frameGaps: string;
  /** Largest distance between a node's cytoscape position at the end and the layout's result. */
  maxPositionError: number;
  level: string;
}

type Streamed = {
  runStreamedLayout?: typeof import('../../renderer/src/graph/layout-stream').runStreamedLayout;
  placedAt?: typeof import('../../renderer/src/graph/layout-stream').placedAt;
  layoutRequestFromDefinitions?: typeof import('../../renderer/src/graph/layout-runner').layoutRequestFromDefinitions;
};

export async function freshOpen(
  c: GraphController,
  nodes: ElementDefinition[],
  edges: ElementDefinition[],
  workerUrl: string,
  timeoutMs: number,
): Promise<FreshOpenResult> {
  // The trace's origin (trace-tasks.ts).
  performance.mark('fresh-open');
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const monitor = startBlockMonitor();
  const gaps = frameGapLog(t0);
  const overview = c.overview;
  const mods = view as unknown as Streamed;
  const streamed = !!mods.runStreamedLayout && !!mods.layoutRequestFromDefinitions;
  let firstPictureMs = 0;
  let structureMs = 0;
  // Frames of the overview: the first complete layout picture ("structure visible").
  const offFrame = view.onEveryFrame(c.cy, overview, () => {
    if (structureMs) return;
    const shown = (overview as unknown as { layoutPictures?: number }).layoutPictures;
    if (shown !== undefined && shown > 0) structureMs = since();
  });
  // The app previews a first open and builds cytoscape at the layout's result; before, it built first.
  const loading = streamed ? (c.preview(nodes, edges), null) : c.load(nodes, edges, () => undefined);
  void overview?.whenDrawn().then(() => (firstPictureMs = firstPictureMs || since()));
  const streamTimes: number[] = [];
  let convergedMs = 0;
  let finalPictureMs = 0;
  let positions: Positions | null = null;
  let iterations = 0;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`fresh open did not finish in ${timeoutMs} ms`)), timeoutMs));
  let applyMonitor: { stop(): Promise<{ worstFrameGapMs: number }> } | null = null;
  if (streamed) {
    const request = mods.layoutRequestFromDefinitions!(nodes, edges, new Set());
    iterations = request.iterations;
    const job = mods.runStreamedLayout!(c, request, {
      apply: (p) => c.load(mods.placedAt!(nodes, p), edges, () => undefined),
      createWorker: () => new Worker(workerUrl),
      onProgress: () => undefined,
      onPositions: () => streamTimes.push(since()),
      onConverged: (p) => {
        convergedMs = since();
        positions = p;
        applyMonitor = startBlockMonitor();
        void overview?.whenDrawn().then(() => (finalPictureMs = since()));
      },
    });
    const outcome = await Promise.race([job.result, timeout]);
    if (outcome !== 'applied') throw new Error(`the layout ended ${outcome}`);
  } else {
    // The app before streaming: the build, then the layout from what cytoscape holds, then the result applied.
    await Promise.race([loading, timeout]);
    const request: LayoutRequest = {
      nodes: nodes.map((n) => String(n.data.id)),
      edges: edges.map((e) => [String(e.data.source), String(e.data.target)] as [string, string]),
      positions: Object.fromEntries(nodes.map((n) => [String(n.data.id), { x: n.position?.x ?? 0, y: n.position?.y ?? 0 }])),
      pinned: [],
      iterations: view.iterationsFor(nodes.length),
    };
    iterations = request.iterations;
    const worker = new Worker(workerUrl);
    positions = await Promise.race([
      timeout,
      new Promise<Positions>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
          const m = event.data;
          if (m.type === 'done') resolve(m.positions);
          else if (m.type === 'error') reject(new Error(m.message));
        };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(request);
      }),
    ]);
    worker.terminate();
    convergedMs = since();
    applyMonitor = startBlockMonitor();
    if (!(await Promise.race([c.applyPositions(positions), timeout]))) throw new Error('the apply was superseded');
  }
  const appliedMs = since();
  await overview?.whenDrawn();
  if (!finalPictureMs) finalPictureMs = since();
  if (!streamed) structureMs = finalPictureMs;
  offFrame();
  const blocks = await monitor.stop();
  const applyBlocks = applyMonitor ? await (applyMonitor as { stop(): Promise<{ worstFrameGapMs: number }> }).stop() : { worstFrameGapMs: 0 };
  const intervals = streamTimes.map((t, i) => t - (i === 0 ? t : streamTimes[i - 1])).slice(1);
  if (streamTimes.length > 0) intervals.push(convergedMs - streamTimes[streamTimes.length - 1]);
  let maxPositionError = 0;
  const final = positions as Positions | null;
  if (final)
    c.cy.nodes().forEach((n) => {
      const want = final[n.id()];
      if (!want) return;
      const p = n.position();
      maxPositionError = Math.max(maxPositionError, Math.hypot(p.x - want.x, p.y - want.y));
    });
  return {
    flow: streamed ? 'streamed' : 'after build',
    iterations,
    firstPictureMs,
    structureMs,
    streams: streamTimes.length,
    firstStreamMs: streamTimes[0] ?? 0,
    longestStreamGapMs: intervals.length ? Math.max(...intervals) : 0,
    convergedMs,
    finalPictureMs,
    appliedMs,
    longestTaskMs: blocks.longestTaskMs,
    worstFrameGapMs: blocks.worstFrameGapMs,
    applyWorstFrameGapMs: applyBlocks.worstFrameGapMs,
    frameGaps: gaps(),
    maxPositionError,
    level: String(c.level),
  };
}
