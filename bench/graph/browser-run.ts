/**
 * Drives the bench page for one graph size in headless Chromium (playwright-core, the system
 * Chromium). Each phase gets a fresh browser context and its own timeout.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { GraphSnapshot } from '../../main/core/types';
import { CHROMIUM_ARGS } from './chromium-args';
import { summarizeFreshOpenTrace } from './trace-tasks';

const CHROMIUM_CANDIDATES = [process.env.PLEXUS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const PAN_ZOOM_MS = 3000;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'blink.user_timing', 'toplevel'];

/** Which renderer draws the remembered graph: cytoscape with the door's accelerations, or the overview (overview/). */
export type DrawMode = 'cytoscape' | 'overview';

export interface SizeResult {
  notes: number;
  edges: number;
  renderer: string;
  mode?: DrawMode;
  /** The overview's complete picture on screen (overview mode). */
  pictureMs?: number;
  /** The level drawing at the end of the build and of the gesture. */
  level?: string;
  levelAfterGesture?: string;
  nodesVisibleMs?: number;
  /** Every node drawn (the edges still to come on big graphs). */
  allNodesMs?: number;
  fullGraphMs?: number;
  /** cytoscape holds every element (after fullGraphMs when a big load's links follow it, edge-fill.ts). */
  completeMs?: number;
  /** Longest main-thread block (Long Task or frame gap) while building from remembered positions. */
  buildLongestBlockMs?: number;
  /** Frame gaps over 100 ms while building, "start+gap" in ms. */
  buildFrameGaps?: string;
  fps?: number;
  rafFps?: number;
  /** Mouse and wheel events the page received per second during the gesture. */
  inputPerSecond?: number;
  worstFrameMs?: number;
  /** Handling one mouse move over the middle of the graph, every listener included (cytoscape's hit-test among them): the first and the slowest of the next four. */
  firstMoveMs?: number;
  nextMovesMs?: number;
  layoutMs?: number;
  /** Set when the layout failed; the render phase then drew from the seeded start spiral instead. */
  layoutError?: string;
  iterations?: number;
  longestBlockMs?: number;
  longTasks?: number;
  applyMs?: number;
  /** Longest main-thread block while applying the layout result. */
  applyLongestBlockMs?: number;
  applyFrameGaps?: string;
  heapMB?: number;
  /** Why the heap after the gesture was not read (the other figures stand). */
  heapError?: string;
  error?: string;
}

/** A first open with nothing remembered, as the app does it (fresh-open.ts in the page). */
export interface FreshOpenRow {
  notes: number;
  edges: number;
  flow?: string;
  iterations?: number;
  firstPictureMs?: number;
  structureMs?: number;
  streams?: number;
  firstStreamMs?: number;
  longestStreamGapMs?: number;
  convergedMs?: number;
  finalPictureMs?: number;
  appliedMs?: number;
  longestTaskMs?: number;
  worstFrameGapMs?: number;
  applyWorstFrameGapMs?: number;
  frameGaps?: string;
  maxPositionError?: number;
  level?: string;
  heapMB?: number;
  loadAtStart?: number;
  /** The trace's long tasks and worker start (PLEXUS_BENCH_TRACE). */
  trace?: string;
  error?: string;
}

/** One fresh open in its own page. */
export async function measureFreshOpen(browser: Browser, url: string, snapshot: GraphSnapshot, notes: number): Promise<FreshOpenRow> {
  const row: FreshOpenRow = { notes, edges: snapshot.edges.length, loadAtStart: (await import('node:os')).loadavg()[0] };
  const timeout = 60_000 + snapshot.nodes.length * 8;
  let page: Page | null = null;
  try {
    page = await openPage(browser, url, snapshot);
    // PLEXUS_BENCH_TRACE=<file>: a Chromium trace of the open, summed up (trace-tasks.ts).
    const trace = process.env.PLEXUS_BENCH_TRACE;
    if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
    // PLEXUS_BENCH_PROFILE=<file>: a CPU profile of the page's main thread (Chrome's .cpuprofile).
    const profile = process.env.PLEXUS_BENCH_PROFILE;
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const r = await withTimeout(
      page.evaluate(([worker, ms]) => (window as unknown as Bench).plexusBench.freshOpen(worker, ms), [`${url}worker.js`, timeout] as const),
      timeout + 30_000,
      'fresh open',
    );
    Object.assign(row, r);
    if (cdp && profile) {
      const { profile: data } = await cdp.send('Profiler.stop');
      (await import('node:fs')).writeFileSync(profile, JSON.stringify(data));
    }
    if (trace) {
      await browser.stopTracing();
      const { readFileSync } = await import('node:fs');
      row.trace = summarizeFreshOpenTrace(JSON.parse(readFileSync(trace, 'utf8')));
    }
    row.heapMB = await withTimeout(heapMB(page), 30_000, 'heap');
  } catch (error) {
    row.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await page
      ?.context()
      .close()
      .catch(() => undefined);
  }
  return row;
}

/**
 * Playwright's plain launch starts every run from a fresh temporary profile (user-data-dir).
 * PLEXUS_BENCH_CHROME_ARGS adds space-separated flags, for trying one (e.g. a V8 heap setting)
 * against the default; the recorded figures use none.
 */
export async function launchBrowser(): Promise<Browser> {
  const { existsSync } = await import('node:fs');
  const executablePath = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!executablePath) throw new Error('No Chromium found: set PLEXUS_CHROMIUM to its executable.');
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...(process.env.PLEXUS_BENCH_CHROME_ARGS?.split(' ').filter(Boolean) ?? [])],
    timeout: 60_000,
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Bench = { plexusBench: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side

async function openPage(browser: Browser, url: string, snapshot: GraphSnapshot): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate((data) => (window as unknown as Bench).plexusBench.prepare(data), snapshot);
  return page;
}

/** Input events per second the gesture sends, about a display's rate. */
const INPUT_HZ = 60;

/**
 * ~3 s of user-like motion: half dragging the background in a circle (pan), half wheel zooming
 * in then out around the centre. Input goes through the browser as a user's would (CDP
 * Input.dispatchMouseEvent: real mouse and wheel events, hit-tested and coalesced by Chromium),
 * sent at INPUT_HZ on a fixed clock without waiting for each to be handled, as a real mouse
 * does. (Playwright's page.mouse waits for every event's round trip: ~24 events per second
 * here, which capped the measured fps at ~24 whatever the page could do.) The page counts the
 * events it receives, so the report says what rate actually arrived.
 */
export async function panAndZoom(page: Page): Promise<{ fps: number; rafFps: number; worstFrameMs: number; inputPerSecond: number; level: string }> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => (window as unknown as Bench).plexusBench.startFrameCount());
  const half = PAN_ZOOM_MS / 2;
  const period = 1000 / INPUT_HZ;
  const sent: Promise<unknown>[] = [];
  const mouse = (params: Record<string, unknown>) => sent.push(cdp.send('Input.dispatchMouseEvent', params as never).catch(() => undefined));
  /** Calls `each(elapsed)` every period for `ms`, on a fixed schedule (no drift, no waiting on the page). */
  const paced = async (ms: number, each: (elapsed: number) => void) => {
    const t0 = Date.now();
    for (let k = 0; ; k++) {
      const due = t0 + k * period;
      if (due - t0 >= ms) break;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      each(Date.now() - t0);
    }
  };
  // The fit leaves a 30 px margin: grabbing at (12, 12) starts on the background, not a node.
  mouse({ type: 'mouseMoved', x: 12, y: 12 });
  mouse({ type: 'mousePressed', x: 12, y: 12, button: 'left', buttons: 1, clickCount: 1 });
  let last = { x: 12, y: 12 };
  await paced(half, (elapsed) => {
    const a = (elapsed / half) * 2 * Math.PI;
    last = { x: 12 + 150 * Math.sin(a), y: 12 + 150 * (1 - Math.cos(a)) };
    mouse({ type: 'mouseMoved', ...last, button: 'left', buttons: 1 });
  });
  mouse({ type: 'mouseReleased', ...last, button: 'left', buttons: 0, clickCount: 1 });
  mouse({ type: 'mouseMoved', x: 640, y: 400 });
  // 60 px per wheel event at 24/s before; the same zoom speed per second at 60/s.
  const delta = Math.round((60 * 24) / INPUT_HZ);
  await paced(half, (elapsed) => mouse({ type: 'mouseWheel', x: 640, y: 400, deltaX: 0, deltaY: elapsed < half / 2 ? -delta : delta }));
  await Promise.all(sent);
  await cdp.detach().catch(() => undefined);
  return page.evaluate(() => (window as unknown as Bench).plexusBench.stopFrameCount());
}

/**
 * Runs in the page: five mouse moves dispatched on whatever is topmost at the graph's middle,
 * each timed from dispatch to the last listener (synthetic events run their listeners at once).
 */
function timeMoves(): number[] {
  const x = Math.round(innerWidth / 2);
  const target = document.elementFromPoint(x, Math.round(innerHeight / 2)) ?? document.body;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x + i * 7, clientY: Math.round(innerHeight / 2) }));
    times.push(performance.now() - t0);
  }
  return times;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The layout once (unless positions are given), then the remembered render and the gesture once per mode, each in a fresh page: one row per mode. */
export async function measureSize(
  browser: Browser,
  url: string,
  snapshot: GraphSnapshot,
  notes: number,
  modes: readonly DrawMode[] = ['cytoscape'],
  remembered?: Record<string, { x: number; y: number }>,
): Promise<SizeResult[]> {
  const layoutResult: SizeResult = { notes, edges: snapshot.edges.length, renderer: 'unknown' };
  // PLEXUS_BENCH_NO_LAYOUT=1: no layout phase (it does not finish at 50k within the bench's budget); the seeded start spiral is drawn.
  const skip = process.env.PLEXUS_BENCH_NO_LAYOUT === '1';
  if (skip) layoutResult.layoutError = 'skipped (PLEXUS_BENCH_NO_LAYOUT)';
  // Positions given (graph-bench.ts --cached-positions): no layout phase.
  const positions = remembered ?? (skip ? null : await rememberedPositions(() => measureLayout(browser, url, snapshot, layoutResult), snapshot));
  const rows: SizeResult[] = [];
  for (const mode of modes) rows.push(await measureRender(browser, url, snapshot, positions, { ...layoutResult, mode }));
  return rows;
}

/**
 * PLEXUS_BENCH_POSITIONS=<file>: the layout phase's positions are kept in that file and read
 * from it when it exists (for this graph's node count), so repeated or side-by-side runs draw
 * the same picture and skip the layout phase (its figures are then absent).
 */
async function rememberedPositions(
  layout: () => Promise<Record<string, { x: number; y: number }> | null>,
  snapshot: GraphSnapshot,
): Promise<Record<string, { x: number; y: number }> | null> {
  const file = process.env.PLEXUS_BENCH_POSITIONS;
  if (!file) return layout();
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { x: number; y: number }>;
    if (Object.keys(kept).length === snapshot.nodes.length) return kept;
  }
  const positions = await layout();
  if (positions) writeFileSync(file, JSON.stringify(positions));
  return positions;
}

async function measureLayout(
  browser: Browser,
  url: string,
  snapshot: GraphSnapshot,
  result: SizeResult,
): Promise<Record<string, { x: number; y: number }> | null> {
  const layoutTimeout = 60_000 + snapshot.nodes.length * 8;
  let page: Page | null = null;
  let positions: Record<string, { x: number; y: number }> | null = null;
  try {
    page = await openPage(browser, url, snapshot);
    const layout = await withTimeout(
      page.evaluate(([worker, ms]) => (window as unknown as Bench).plexusBench.layout(worker, ms), [`${url}worker.js`, layoutTimeout] as const),
      layoutTimeout + 30_000,
      'layout',
    );
    positions = layout.positions;
    Object.assign(result, {
      layoutMs: layout.layoutMs,
      iterations: layout.iterations,
      longestBlockMs: Math.max(layout.longestTaskMs, layout.worstFrameGapMs),
      longTasks: layout.longTasks,
      applyMs: layout.applyMs,
      applyLongestBlockMs: layout.applyLongestBlockMs,
      applyFrameGaps: layout.applyFrameGaps,
    });
  } catch (error) {
    result.layoutError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await page
      ?.context()
      .close()
      .catch(() => undefined);
    page = null;
  }
  return positions;
}

async function measureRender(
  browser: Browser,
  url: string,
  snapshot: GraphSnapshot,
  positions: Record<string, { x: number; y: number }> | null,
  result: SizeResult,
): Promise<SizeResult> {
  let page: Page | null = null;
  try {
    page = await openPage(browser, url, snapshot);
    const choice = await page.evaluate(() => (window as unknown as Bench).plexusBench.renderer());
    result.renderer = `${choice.kind} (${choice.glRenderer ?? 'no WebGL'})`;
    const remembered = positions ?? (await page.evaluate(() => (window as unknown as Bench).plexusBench.startPositions()));
    const render = await withTimeout(
      // Returns once settled: the mouse moves and the gesture come when a user's would, while whatever follows the load still runs.
      // PLEXUS_BENCH_PAN_AT=<ms>: the gesture starts that long after the build began, settled or not (the same moment for two trees).
      page.evaluate(([p, overview, at]) => (window as unknown as Bench).plexusBench.renderRemembered(p, true, undefined, undefined, overview, at), [
        remembered,
        result.mode === 'overview',
        process.env.PLEXUS_BENCH_PAN_AT ? Number(process.env.PLEXUS_BENCH_PAN_AT) : true,
      ] as const),
      // As long as the layout may take: on a loaded machine cytoscape's background build of a dense graph passed a fixed minute.
      60_000 + snapshot.nodes.length * 8,
      'render',
    );
    Object.assign(result, {
      nodesVisibleMs: render.nodesVisibleMs,
      allNodesMs: render.allNodesMs,
      fullGraphMs: render.fullGraphMs,
      pictureMs: render.pictureMs,
      level: render.level ?? undefined,
    });
    const moves = await withTimeout(page.evaluate(timeMoves), 30_000, 'mouse moves');
    Object.assign(result, { firstMoveMs: moves[0], nextMovesMs: Math.max(...moves.slice(1)) });
    // PLEXUS_BENCH_PAN_PROFILE=<file>: a CPU profile of the page's main thread during the gesture (Chrome's .cpuprofile).
    const profile = process.env.PLEXUS_BENCH_PAN_PROFILE;
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    // PLEXUS_BENCH_PAN_TRACE=<file>: a Chromium trace of the gesture (every thread, for where the frames' time goes).
    const trace = process.env.PLEXUS_BENCH_PAN_TRACE;
    if (trace)
      await browser.startTracing(page, { path: trace, categories: [...TRACE_CATEGORIES, 'cc', 'gpu', 'viz', 'disabled-by-default-devtools.timeline.frame'] });
    const motion = await withTimeout(panAndZoom(page), PAN_ZOOM_MS + 30_000, 'pan/zoom');
    if (trace) await browser.stopTracing();
    if (cdp && profile) {
      const { profile: data } = await cdp.send('Profiler.stop');
      (await import('node:fs')).writeFileSync(profile, JSON.stringify(data));
      await cdp.detach().catch(() => undefined);
    }
    Object.assign(result, {
      fps: motion.fps,
      rafFps: motion.rafFps,
      worstFrameMs: motion.worstFrameMs,
      inputPerSecond: motion.inputPerSecond,
      levelAfterGesture: motion.level,
    });
    const done = await withTimeout(
      page.evaluate(() => (window as unknown as Bench).plexusBench.completion()),
      60_000 + snapshot.nodes.length * 8,
      'completion',
    );
    Object.assign(result, {
      fullGraphMs: done.fullGraphMs,
      completeMs: done.completeMs,
      buildLongestBlockMs: Math.max(done.longestTaskMs, done.worstFrameGapMs),
      buildFrameGaps: done.frameGaps,
    });
    // The heap is read after the gesture: a failure there (a forced GC of a 50k graph can pass its
    // timeout under load) is reported beside the figures already measured, not instead of them.
    result.heapMB = await withTimeout(heapMB(page), 30_000, 'heap').catch((error: unknown) => {
      result.heapError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return undefined;
    });
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await page
      ?.context()
      .close()
      .catch(() => undefined);
  }
  return result;
}
