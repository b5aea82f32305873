/**
 * What Live Preview paints per keystroke: `node scripts/run-ts.cjs bench/keystroke-paint-probe.ts`.
 * Opens the 10 KB typing note in this checkout's `plexus serve`, types with a Chromium trace of the
 * paint and invalidation-tracking categories, and prints per key: the Paint events by layer and
 * clip size, the elements invalidated for paint (and why), and the style/layout invalidations.
 * PLEXUS_BENCH_KEYS keystrokes (default 30), PLEXUS_BENCH_SIZE note size (default 10000),
 * PLEXUS_BENCH_PACE_MS the pause after each key's paint (default 150), PLEXUS_PROBE_CHECKOUT another
 * checkout to serve, PLEXUS_PROBE_CSS a style sheet added to the page before typing.
 * Not a test: nothing asserts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { closeBigNote, openBigNote, waitForFullParse } from './big-note-page';
import { generateTypingNote } from './typing-note';

const KEYS = Number(process.env.PLEXUS_BENCH_KEYS ?? 30);
const SIZE = Number(process.env.PLEXUS_BENCH_SIZE ?? 10000);
const PACE_MS = Number(process.env.PLEXUS_BENCH_PACE_MS ?? 150);
const CHECKOUT = process.env.PLEXUS_PROBE_CHECKOUT;

interface Ev {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: Record<string, unknown> };
}

function count(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function rows(title: string, map: Map<string, number>, top = 25): string {
  const sorted = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [title, ...sorted.map(([k, v]) => `  ${(v / KEYS).toFixed(2).padStart(7)}  ${k}`)].join('\n');
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (source-mapped to its file when the bundle has a map), and per source file. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const maps = new Map<string, TraceMap | null>();
  const where = (url: string, line: number, column: number): string => {
    if (!url.startsWith('http')) return url || '(native)';
    if (!maps.has(url)) {
      const file = join(__dirname, '..', 'dist', 'renderer', new URL(url).pathname);
      maps.set(url, existsSync(`${file}.map`) ? new TraceMap(readFileSync(`${file}.map`, 'utf8')) : null);
    }
    const map = maps.get(url);
    if (!map) return url;
    const pos = originalPositionFor(map, { line: line + 1, column });
    return pos.source ? `${pos.source.replace(/^.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, '')}:${pos.line}` : url;
  };
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, ms] of self) {
    const { callFrame: f } = byId.get(id)!;
    const at = where(f.url, f.lineNumber, f.columnNumber);
    count(byFn, `${f.functionName || '(anon)'} ${at}:${f.lineNumber}:${f.columnNumber}`, ms);
    count(byFile, at.replace(/:\d+$/, ''), ms);
  }
  console.log(rows('CPU profile self ms per key, by function', byFn, 40));
  console.log(rows('CPU profile self ms per key, by file', byFile, 30));
}

/** The compositor's layers: how many, and the ones painted from an element (its node and size). */
async function printLayers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const changed = new Promise<{
    layers?: { layerId: string; backendNodeId?: number; width: number; height: number; drawsContent: boolean; paintCount: number }[];
  }>((resolve) => cdp.once('LayerTree.layerTreeDidChange', resolve));
  await cdp.send('DOM.getDocument', { depth: 0 });
  await cdp.send('LayerTree.enable');
  const { layers = [] } = await changed;
  console.log(`compositor layers: ${layers.length}, drawing content: ${layers.filter((l) => l.drawsContent).length}`);
  for (const l of layers.filter((x) => x.drawsContent)) {
    const node = l.backendNodeId
      ? await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId }).then(
          (d) => `${d.node.nodeName} ${(d.node.attributes ?? []).join(' ')}`.slice(0, 120),
          () => '?',
        )
      : '(no node)';
    console.log(`  ${l.width}x${l.height} paints ${l.paintCount} ${node}`);
  }
  await cdp.detach();
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  const opened = await openBigNote(browser, CHECKOUT, generateTypingNote(SIZE));
  const { page } = opened;
  const file = join(tmpdir(), `plexus-paint-probe-${process.pid}.json`);
  try {
    const css = process.env.PLEXUS_PROBE_CSS;
    if (css) await page.addStyleTag({ content: css });
    for (let i = 0; i < 20; i++) await page.keyboard.press('PageUp');
    await waitForFullParse(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('x');
    await page.waitForTimeout(500);
    await printLayers(page);
    const profiler = await page.context().newCDPSession(page);
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
    await browser.startTracing(page, {
      path: file,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.invalidationTracking',
        'disabled-by-default-devtools.timeline.paint',
        'blink',
        'cc',
      ],
    });
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(i % 12 === 11 ? 'Enter' : 'x');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await page.waitForTimeout(PACE_MS);
    }
    await browser.stopTracing();
    const { profile } = await profiler.send('Profiler.stop');
    printProfile(profile as unknown as CpuProfile);
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] };
    const events = trace.traceEvents;
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
    const onMain = events.filter((e) => e.tid === main?.tid);
    const frames = new Map<string, number>();
    for (const e of events)
      if (['ProxyMain::BeginMainFrame', 'LayerTreeHostImpl::BeginCommit', 'Paint', 'RasterTask'].includes(e.name) && e.ph === 'X') count(frames, e.name);
    const paints = new Map<string, number>();
    const paintTime = new Map<string, number>();
    const paintInval = new Map<string, number>();
    const styleInval = new Map<string, number>();
    const layoutInval = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const e of onMain) {
      const d = (e.args?.data ?? {}) as Record<string, unknown>;
      if (e.ph === 'X' && e.dur) count(totals, e.name, e.dur / 1000);
      if (e.name === 'Paint' && e.ph === 'X') {
        const clip = d.clip as number[] | undefined;
        const size = clip ? `${Math.round(clip[2] - clip[0])}x${Math.round(clip[5] - clip[1])}` : '?';
        const key = `layer ${d.layerId} node ${d.nodeId} clip ${size}`;
        count(paints, key);
        count(paintTime, key, (e.dur ?? 0) / 1000);
      }
      if (e.name === 'PaintInvalidationTracking') count(paintInval, `${d.nodeName} — ${d.reason ?? ''}`);
      if (e.name === 'StyleRecalcInvalidationTracking' || e.name === 'StyleInvalidatorInvalidationTracking')
        count(
          styleInval,
          `${e.name.replace('InvalidationTracking', '')}: ${d.nodeName} — ${d.reason ?? ''} ${JSON.stringify(d.extraData ?? d.invalidationList ?? '')}`.slice(
            0,
            200,
          ),
        );
      if (e.name === 'LayoutInvalidationTracking') count(layoutInval, `${d.nodeName} — ${d.reason ?? ''}`);
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.getDocument', { depth: 0 });
    const nodeIds = new Set([...paints.keys()].map((k) => Number(k.split(' ')[3])));
    for (const backendNodeId of nodeIds) {
      const described = await cdp.send('DOM.describeNode', { backendNodeId }).catch((e: Error) => ({ node: { nodeName: `? ${e.message}`, attributes: [] } }));
      console.log(`node ${backendNodeId}: ${described.node.nodeName} ${(described.node.attributes ?? []).join(' ')}`.slice(0, 200));
    }
    console.log(`${SIZE} bytes, ${KEYS} keys, load ${loadavg()[0].toFixed(1)}`);
    console.log(rows('frames, commits, paints and raster tasks per key', frames));
    console.log(rows('main-thread event totals, ms per key', totals, 20));
    console.log(rows('Paint events per key (by layer/node/clip)', paints));
    console.log(rows('Paint ms per key', paintTime));
    console.log(rows('paint invalidations per key', paintInval, 40));
    console.log(rows('style invalidations per key', styleInval, 30));
    console.log(rows('layout invalidations per key', layoutInval, 30));
  } finally {
    await closeBigNote(opened);
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
