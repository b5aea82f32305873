/**
 * A big graph built with its chunks drawn straight into cytoscape's layers (layer-feed.ts,
 * with plain edges stroked by plain-edge-draw.ts, plain nodes filled by plain-node-draw.ts and
 * the draw order from fast-z-sort.ts) must
 * look like the same graph drawn by cytoscape itself, and leave layers that hold every
 * element. Runs the bench page (the view's real modules, bundled) in headless Chromium on a
 * generated 2,500-note graph (~10k elements: built progressively).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildBench } from '../../bench/graph/view-bundle';
import { serveDirectory } from '../../bench/graph/static-server';
import { generateGraph } from '../../bench/graph/generate-graph';
import { launchBrowser, type LaunchedBrowser } from './support/browser';

jest.setTimeout(180_000);

interface Build {
  complete: boolean;
  feed: string;
  nodes: number;
  edges: number;
  speedups: Record<string, boolean | number>;
}
interface BenchPage {
  prepare(snapshot: unknown): number;
  startPositions(): Record<string, { x: number; y: number }>;
  renderRemembered(
    positions: Record<string, { x: number; y: number }>,
    feedLayers: boolean,
    removeEdges?: { afterEdges: number; count: number },
    hideEvery?: number,
  ): Promise<Build>;
  snapshot(name: string): { layersComplete: boolean | null };
  compare(a: string, b: string): { meanDiff: number; bias: number; offShare: number; inkedShare: number };
}
const bench = (page: Page) => ({
  run: <T>(fn: (b: BenchPage, arg: unknown) => T, arg?: unknown) =>
    page.evaluate(([source, a]) => new Function('b', 'a', `return (${source})(b, a)`)((window as unknown as { plexusBench: BenchPage }).plexusBench, a) as T, [
      fn.toString(),
      arg,
    ] as const),
});

let dir: string;
let server: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plexus-layer-feed-'));
  const bundle = await buildBench(dir);
  expect(bundle).toMatchObject({ source: 'view' });
  server = await serveDirectory(dir);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(server.url);
  await page.evaluate((snapshot) => (window as unknown as { plexusBench: BenchPage }).plexusBench.prepare(snapshot), generateGraph(2500, 11) as unknown);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Builds the graph from the seeded spiral, with or without the feed, and keeps its picture under `name`. */
async function build(
  feed: boolean,
  name: string,
  removeEdges?: { afterEdges: number; count: number },
  hideEvery?: number,
): Promise<Build & { layersComplete: boolean | null }> {
  const b = bench(page);
  const result = await b.run(
    (api, arg) => {
      const { f, r, h } = arg as { f: boolean; r?: { afterEdges: number; count: number }; h?: number };
      return api.renderRemembered(api.startPositions(), f, r, h);
    },
    { f: feed, r: removeEdges, h: hideEvery },
  );
  // A few frames for anything cytoscape queued after the build to settle.
  await page.waitForTimeout(500);
  const snap = await b.run((api, n) => api.snapshot(n as string), name);
  return { ...result, ...snap };
}

const errors: string[] = [];
beforeAll(() => page.on('pageerror', (e) => errors.push(e.message)));

describe('layer feed', () => {
  it('draws the same picture as cytoscape, from layers that hold every element', async () => {
    const fed = await build(true, 'fed');
    expect(fed).toMatchObject({ complete: true, feed: 'fed', layersComplete: true });
    // Every cytoscape shortcut found the internals it needs in the real canvas renderer.
    expect(fed.speedups).toEqual({ labelTriggers: true, firstStyle: true, styleCopy: true, zSort: true, textureCaches: 4 });
    expect(fed.nodes).toBeGreaterThanOrEqual(2500);
    expect(fed.edges).toBeGreaterThan(5000);
    const own = await build(false, 'cytoscape');
    expect(own).toMatchObject({ complete: true, feed: 'off', layersComplete: true });
    const diff = await bench(page).run((api) => api.compare('fed', 'cytoscape'));
    // The picture has plenty of ink (so the comparison means something)...
    expect(diff.inkedShare).toBeGreaterThan(0.2);
    // ...and the two agree but for resampling: the layer bitmaps have other pixel origins, so
    // dots and label glyphs land a fraction of a pixel apart (measured: mean 2.5, 0.21% of
    // pixels with no match within a pixel, overall bias +0.014; edges drawn over nodes put 12%
    // off, edges stroked at full instead of 0.7 opacity a bias of -0.4, and nodes filled 25%
    // too big a mean of 7.9 with 0.76% off).
    expect(diff.meanDiff).toBeLessThan(5);
    expect(diff.offShare).toBeLessThan(0.006);
    expect(Math.abs(diff.bias)).toBeLessThan(0.15);
  });

  it('copes with links removed mid-build (a live update): the same picture as cytoscape builds of the same change', async () => {
    const change = { afterEdges: 3000, count: 200 };
    const fed = await build(true, 'fed-removal', change);
    const own = await build(false, 'cytoscape-removal', change);
    expect(fed).toMatchObject({ complete: true, layersComplete: true });
    expect(own).toMatchObject({ complete: true, layersComplete: true });
    expect(fed.edges).toBe(own.edges);
    // The removal invalidates the links' layer when a frame next checks it: redrawing every link
    // so far is past the feed's repair budget, so it hands over to the end-of-build layer build,
    // which also redraws a layer found stale after the last chunk. Which one depends on timing.
    expect(fed.feed).toMatch(/^(fed|stopped \((layers invalidated too often|a layer was invalidated after the last chunk)\))$/);
    const diff = await bench(page).run((api) => api.compare('fed-removal', 'cytoscape-removal'));
    expect(diff.offShare).toBeLessThan(0.006);
    expect(Math.abs(diff.bias)).toBeLessThan(0.15);
    expect(errors).toEqual([]);
  });

  it('keeps feeding with nodes hidden from the start (a filter): the same picture as cytoscape', async () => {
    const fed = await build(true, 'fed-hidden', undefined, 7);
    const own = await build(false, 'cytoscape-hidden', undefined, 7);
    expect(fed).toMatchObject({ complete: true, feed: 'fed', layersComplete: true });
    expect(own).toMatchObject({ complete: true, layersComplete: true });
    const diff = await bench(page).run((api) => api.compare('fed-hidden', 'cytoscape-hidden'));
    expect(diff.offShare).toBeLessThan(0.006);
    expect(Math.abs(diff.bias)).toBeLessThan(0.15);
    expect(errors).toEqual([]);
  });
});
