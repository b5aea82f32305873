/**
 * The in-browser half of the graph benchmark, bundled with esbuild at bench time. It uses the
 * graph view's own modules (GraphController with its progressive build and layout apply,
 * style, renderer choice and options, element builders, the ForceAtlas2 run) through
 * './view-modules', which re-exports them from renderer/src/graph/.
 * Exposes `window.plexusBench`; graph-bench.ts drives it with Playwright.
 */
import type { Core } from 'cytoscape';
import type { GraphSnapshot } from '../../main/core/types';
import {
  chooseRenderer,
  detectGlRenderer,
  edgeElement,
  GraphController,
  hubDegreeFor,
  type ControllerOptions,
  iterationsFor,
  lastFeedOf,
  LIGHT,
  nodeElement,
  onEveryFrame,
  type LayoutMessage,
  type LayoutRequest,
} from './view-modules';
import { startBlockMonitor } from './block-monitor';
import { comparePictures } from './compare-pictures';
import { frameGapLog } from './frame-gap-log';
import { seededStart, type Positions } from './seeded-start';
import { freshOpen } from './fresh-open';

const PALETTE = ['#5b8def', '#e8743b', '#19a979', '#d64d8b', '#9c6ade', '#c9a227', '#2bb3c0', '#b4532a', '#6f9a3a', '#7d7fd6'];

let snapshot: GraphSnapshot = { nodes: [], edges: [] };
let cy: Core | null = null;
let controller: GraphController | null = null;
let frameCount = (): { fps: number; rafFps: number; worstFrameMs: number; inputPerSecond: number; zoom: number; level: string } => {
  throw new Error('startFrameCount was not called');
};
const choice = chooseRenderer(detectGlRenderer());

/** Resolves after cytoscape has drawn a frame and the browser had a frame to show it. */
function nextRender(core: Core): Promise<void> {
  return new Promise((resolve) => core.one('render', () => requestAnimationFrame(() => resolve())));
}

function container(): HTMLElement {
  document.body.innerHTML = '<div id="cy" style="position:absolute;inset:0"></div>';
  return document.getElementById('cy')!;
}

function elements(positions: Positions | null) {
  const degree = new Map<string, number>();
  for (const e of snapshot.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  // The view's hub rule (at most ~40 always-labelled hubs), as buildElements applies it.
  const hubDegree = hubDegreeFor(snapshot.nodes.map((n) => degree.get(n.id) ?? 0));
  const nodes = snapshot.nodes.map((n) => {
    const folder = n.path ? n.path.split('/')[0] : '';
    const colour = PALETTE[[...folder].reduce((h, c) => h + c.charCodeAt(0), 0) % PALETTE.length];
    return nodeElement(n, degree.get(n.id) ?? 0, colour, positions?.[n.id], hubDegree);
  });
  return { nodes, edges: snapshot.edges.map(edgeElement) };
}

/** A fresh GraphController, as the view creates one per mount. */
function createController(options: ControllerOptions = {}): GraphController {
  controller?.destroy();
  controller = new GraphController(container(), LIGHT, choice.kind, {}, options);
  cy = controller.cy;
  return controller;
}

let completion: Promise<{ completeMs: number; longestTaskMs: number; worstFrameGapMs: number; longTasks: number; frameGaps: string }> | null = null;

/** Snapshots of the canvases by name (snapshot / compare). */
const pictures = new Map<string, Uint8ClampedArray>();

const api = {
  renderer: () => choice,
  /** For probing by hand from the devtools console. */
  core: () => cy,

  /** The seeded spiral a fresh layout starts from; the render phase's stand-in when the layout failed. */
  startPositions: () => seededStart(snapshot.nodes),

  prepare(data: GraphSnapshot): number {
    snapshot = data;
    return snapshot.nodes.length;
  },

  /**
   * The view's build from remembered positions (GraphController.load: progressive above a few
   * thousand elements). ms from the start of building elements to the frame after the render
   * that first shows nodes, shows every node, and shows the full graph; the longest main-thread
   * block meanwhile. With `overview`, the overview renderer draws the graph (from its
   * definitions, before cytoscape holds it): `pictureMs` is the frame that shows its complete
   * picture, `fullGraphMs` the end of the build (cytoscape holds every element) or the
   * picture, whichever is later (the load settled); `completeMs` the moment cytoscape holds every
   * element (later than fullGraphMs when the links follow the load); the blocks cover both. With
   * `atSettle`, it returns once settled, and `completion()` gives completeMs and the blocks later
   * (so a gesture meanwhile meets what the user would); a number: once settled or that many ms
   * after the start, whichever comes first (then every figure comes from `completion()`).
   */
  async renderRemembered(
    positions: Positions,
    feedLayers = true,
    removeEdges?: { afterEdges: number; count: number },
    hideEvery?: number,
    overview = false,
    atSettle: boolean | number = false,
  ) {
    const t0 = performance.now();
    const monitor = startBlockMonitor();
    const gaps = frameGapLog(t0);
    const { nodes, edges } = elements(positions);
    // Nodes hidden from the start, as a filter would (tests).
    if (hideEvery) nodes.forEach((n, i) => i % hideEvery === 0 && (n.classes = [...((n.classes as string[]) ?? []), 'hidden']));
    const c = createController({ feedLayers, overview });
    let nodesVisibleMs = 0;
    let pictureMs = 0;
    if (overview) {
      // The first overview frame shows nodes; whenDrawn, the complete picture.
      const off = onEveryFrame(c.cy, c.overview, () => {
        off();
        nodesVisibleMs = nodesVisibleMs || performance.now() - t0;
      });
    }
    let allNodesMs = 0;
    const frameAfterRender = (set: (ms: number) => void) => c.cy.one('render', () => requestAnimationFrame(() => set(performance.now() - t0)));
    // With the overview, its first frame shows the nodes (cytoscape's drawing is held).
    if (!overview) frameAfterRender((ms) => (nodesVisibleMs = ms));
    let nodesDone = false;
    let removed = false;
    const loading = c.load(nodes, edges, (p) => {
      // A live update while building (tests): the first `count` links go away mid-build.
      if (removeEdges && !removed && p.phase === 'edges' && p.done >= removeEdges.afterEdges) {
        removed = true;
        c.cy.edges().slice(0, removeEdges.count).remove();
      }
      if (p.phase === 'nodes' && p.done === p.total && !nodesDone) {
        nodesDone = true;
        frameAfterRender((ms) => (allNodesMs = allNodesMs || ms));
      }
    });
    // The load has handed the overview its definitions (synchronously, before its first await): wait for that picture.
    if (overview && c.level === 'overview') void c.overview?.whenDrawn().then(() => (pictureMs = performance.now() - t0));
    const settling = (async () => {
      const complete = await loading;
      if (overview && c.level === 'overview') {
        await c.overview?.whenDrawn();
        await new Promise((resolve) => requestAnimationFrame(resolve));
      } else await nextRender(c.cy);
      return { complete, fullGraphMs: performance.now() - t0, settledGaps: gaps() };
    })();
    completion = (async () => {
      const { fullGraphMs } = await settling;
      // A big load's links may follow it into cytoscape (edge-fill.ts; absent from older trees).
      await (c as { links?: { whenComplete(): Promise<boolean> } }).links?.whenComplete();
      const completeMs = performance.now() - t0;
      return { fullGraphMs, completeMs, ...(await monitor.stop()), frameGaps: gaps() };
    })();
    if (typeof atSettle === 'number') {
      const early = await Promise.race([
        settling,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, atSettle - (performance.now() - t0)))),
      ]);
      if (!early) return { pending: true as const, nodesVisibleMs, level: c.level };
    }
    const { complete, fullGraphMs, settledGaps } = await settling;
    const finished = atSettle !== false ? null : await completion;
    const completeMs = finished?.completeMs;
    const blocks = finished ?? { longestTaskMs: 0, worstFrameGapMs: 0, longTasks: 0 };
    const lastFeed = lastFeedOf(c);
    const feed = lastFeed ? (lastFeed.active() ? 'fed' : `stopped (${lastFeed.stopReason()})`) : 'off';
    return {
      complete,
      nodesVisibleMs,
      allNodesMs: overview && c.level === 'overview' ? pictureMs || fullGraphMs : allNodesMs || fullGraphMs,
      pictureMs: overview && c.level === 'overview' ? pictureMs || fullGraphMs : undefined,
      level: c.level,
      fullGraphMs,
      completeMs,
      ...blocks,
      frameGaps: finished?.frameGaps ?? settledGaps,
      nodes: c.cy.nodes().length,
      edges: c.cy.edges().length,
      feed,
      speedups: (c as { speedups?: unknown }).speedups ?? null,
    };
  },

  /** After renderRemembered(…, atSettle): once cytoscape holds every element, when that was and the longest blocks since the start. */
  completion: () => completion,

  /**
   * Starts counting frames for the scripted pan and zoom, which graph-bench.ts performs with real
   * mouse drags and wheel events: cytoscape draws from its viewport texture only during user
   * gestures, so programmatic viewport changes would measure the wrong path.
   */
  startFrameCount() {
    // The viewport the view left (GraphController fits to node centres): refitting here would
    // change the zoom level, whose layers cytoscape has not built yet.
    const core = cy!;
    const c = controller!;
    const state = { renders: 0, ticks: 0, inputs: 0, worstGap: 0, t0: performance.now(), last: performance.now(), running: true };
    // Frames drawn by whichever renderer draws (cytoscape's 'render' events, or the overview's frames).
    const offFrame = onEveryFrame(core, c.overview, () => state.renders++);
    // What actually arrived (the browser may coalesce events when the page is busy).
    const onInput = () => state.inputs++;
    window.addEventListener('mousemove', onInput, true);
    window.addEventListener('wheel', onInput, { capture: true, passive: true });
    const step = (now: number) => {
      state.ticks++;
      state.worstGap = Math.max(state.worstGap, now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    frameCount = () => {
      state.running = false;
      offFrame();
      window.removeEventListener('mousemove', onInput, true);
      window.removeEventListener('wheel', onInput, true);
      const seconds = (performance.now() - state.t0) / 1000;
      return {
        fps: state.renders / seconds,
        rafFps: state.ticks / seconds,
        worstFrameMs: state.worstGap,
        inputPerSecond: state.inputs / seconds,
        zoom: core.zoom(),
        level: String(c.level),
      };
    };
  },

  stopFrameCount() {
    return frameCount();
  },

  /**
   * Keeps what the graph's canvases show now under `name` (for comparing two builds in tests),
   * and says whether cytoscape's layers at the current zoom hold every element, so frames draw
   * from them (null when the renderer has no layer cache).
   */
  snapshot(name: string) {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#cy canvas')];
    const w = canvases[0].width;
    const h = canvases[0].height;
    const flat = document.createElement('canvas');
    flat.width = w;
    flat.height = h;
    const cxt = flat.getContext('2d')!;
    cxt.fillStyle = '#fff';
    cxt.fillRect(0, 0, w, h);
    for (const c of canvases) cxt.drawImage(c, 0, 0);
    pictures.set(name, cxt.getImageData(0, 0, w, h).data);
    type Layers = { levelIsComplete(l: number, e: unknown): boolean; layersByLevel: Record<number, { width: number; height: number }[] | undefined> };
    const r = (
      cy as unknown as { renderer(): { data?: { lyrTxrCache?: Layers }; getCachedZSortedEles(): { nondrag: unknown }; getPixelRatio(): number } }
    ).renderer();
    const cache = r.data?.lyrTxrCache;
    if (!cache) return { layersComplete: null, layerSizes: [] };
    const lvl = Math.max(-4, Math.ceil(Math.log2(cy!.zoom() * r.getPixelRatio())));
    const layerSizes = (cache.layersByLevel[lvl] ?? []).map((l) => `${l.width}x${l.height}`);
    return { layersComplete: cache.levelIsComplete(lvl, r.getCachedZSortedEles().nondrag), layerSizes };
  },

  /** How two snapshots differ: see comparePictures. */
  compare(a: string, b: string) {
    const x = pictures.get(a)!;
    const y = pictures.get(b)!;
    const canvas = document.querySelector<HTMLCanvasElement>('#cy canvas')!;
    const w = canvas.width;
    const h = canvas.height;
    return comparePictures(x, y, w, h);
  },

  /** For profiling the apply alone: the graph drawn from the start spiral, then moved to `positions` as the view does. */
  async applyOnly(positions: Positions) {
    const c = createController({ overview: false });
    const { nodes, edges } = elements(seededStart(snapshot.nodes));
    await c.load(nodes, edges, () => undefined);
    await nextRender(c.cy);
    const a0 = performance.now();
    const gaps = frameGapLog(a0);
    await c.applyPositions(positions);
    await nextRender(c.cy);
    return {
      applyMs: performance.now() - a0,
      frameGaps: gaps() + ' a0=' + Math.round(a0) + ' ' + ((globalThis as { __dbg?: string[] }).__dbg ?? []).join(' | '),
    };
  },

  /**
   * A first open with nothing remembered, as the app does it with the overview (fresh-open.ts):
   * the build from the start spiral and the layout, streamed where the code streams it.
   */
  async freshOpen(workerUrl: string, timeoutMs: number) {
    const { nodes, edges } = elements(seededStart(snapshot.nodes));
    const c = createController();
    return freshOpen(c, nodes, edges, workerUrl, timeoutMs);
  },

  /** A fresh ForceAtlas2 run in a Web Worker while the graph is on screen. */
  async layout(workerUrl: string, timeoutMs: number) {
    const start = seededStart(snapshot.nodes);
    const { nodes, edges } = elements(start);
    // The layout phase keeps one path for both rows (and for comparison with earlier runs): cytoscape's.
    const c = createController({ overview: false });
    await c.load(nodes, edges, () => undefined);
    const core = c.cy;
    await Promise.race([nextRender(core), new Promise((resolve) => setTimeout(resolve, 5000))]);
    const request: LayoutRequest = {
      nodes: snapshot.nodes.map((n) => n.id),
      edges: snapshot.edges.map((e) => [e.source, e.target] as [string, string]),
      positions: start,
      pinned: [],
      iterations: iterationsFor(snapshot.nodes.length),
    };
    const monitor = startBlockMonitor();
    const t0 = performance.now();
    const worker = new Worker(workerUrl);
    const positions = await new Promise<Positions>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`layout did not finish in ${timeoutMs} ms`)), timeoutMs);
      worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
        const m = event.data;
        if (m.type === 'done') {
          clearTimeout(timer);
          resolve(m.positions);
        } else if (m.type === 'error') {
          clearTimeout(timer);
          reject(new Error(m.message));
        }
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(request);
    });
    const layoutMs = performance.now() - t0;
    worker.terminate();
    const blocks = await monitor.stop();
    // Moving into the result as the view does above 3k nodes (GraphController.applyPositions):
    // to the frame after the one that draws the result.
    const a0 = performance.now();
    const applyMonitor = startBlockMonitor();
    const applyGaps = frameGapLog(a0);
    await c.applyPositions(positions);
    await nextRender(core);
    const applyMs = performance.now() - a0;
    const applyBlocks = await applyMonitor.stop();
    return {
      layoutMs,
      iterations: request.iterations,
      ...blocks,
      applyMs,
      applyLongestBlockMs: Math.max(applyBlocks.longestTaskMs, applyBlocks.worstFrameGapMs),
      applyFrameGaps: applyGaps(),
      positions,
    };
  },
};

(window as unknown as { plexusBench: typeof api }).plexusBench = api;
