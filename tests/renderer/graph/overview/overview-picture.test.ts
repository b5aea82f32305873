/**
 * A picture is drawn in slices whose clock counts the canvas's rasterisation: each batch is
 * read back (a pixel) before the clock is looked at, so a slice of a dense graph ends when its
 * lines are actually drawn, not when they are only recorded.
 */
import type { CanvasPool } from '../../../../renderer/src/graph/overview/canvas-pool';
import { Picture } from '../../../../renderer/src/graph/overview/overview-picture';
import type { OverviewModel } from '../../../../renderer/src/graph/overview/overview-model';

/** A 2D context that records strokes and charges `costPerLine` ms of the fake clock when its recording is read. */
function fakeCanvas(clock: { t: number }, costPerLine: number) {
  let recorded = 0;
  const log = { lines: 0, flushes: 0, settings: [] as unknown[] };
  const ctx = {
    setTransform() {},
    beginPath() {},
    moveTo() {},
    lineTo() {
      recorded++;
      log.lines++;
    },
    rect() {},
    arc() {},
    fill() {},
    stroke() {},
    getImageData() {
      log.flushes++;
      clock.t += recorded * costPerLine;
      recorded = 0;
    },
  };
  const canvas = {
    width: 0,
    height: 0,
    getContext: (_kind: string, settings?: unknown) => (log.settings.push(settings), ctx),
  };
  return { canvas, log };
}

function model(nodes: number, edges: number, extra: Partial<OverviewModel> = {}): OverviewModel {
  const ids = Array.from({ length: nodes }, (_, i) => `n${i}`);
  const pairs = new Uint32Array(2 * edges);
  for (let k = 0; k < edges; k++) {
    pairs[2 * k] = k % nodes;
    pairs[2 * k + 1] = (k * 7 + 1) % nodes;
  }
  return {
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    x: Float64Array.from(ids, (_, i) => (i % 100) * 5),
    y: Float64Array.from(ids, (_, i) => Math.floor(i / 100) * 5),
    radius: new Float32Array(nodes).fill(4),
    colour: new Uint16Array(nodes),
    palette: ['#888'],
    shown: new Uint8Array(nodes).fill(1),
    edges: pairs,
    marked: [],
    ...extra,
  };
}

function picture(m: OverviewModel, costPerLine: number) {
  const clock = { t: 0 };
  const layers = [fakeCanvas(clock, costPerLine), fakeCanvas(clock, costPerLine)];
  let next = 0;
  const pool = { take: () => layers[next++].canvas, give() {} } as unknown as CanvasPool;
  const p = new Picture(pool, m, { zoom: 1, panX: 0, panY: 0 }, 800, 600, 1, { edge: '#999', edgeAlpha: 0.5, edgeWidth: 1, nodeScale: 1 });
  return { p, clock, edgeLog: layers[1].log, nodeLog: layers[0].log };
}

test('a slice stops once the rasterised lines used its budget, and the picture completes over several slices', () => {
  // 20,000 lines at 0.01 ms each: 200 ms of rasterising, recorded at no cost.
  const { p, clock, edgeLog } = picture(model(1000, 20_000), 0.01);
  const now = () => clock.t;
  p.step(8, now);
  expect(p.done).toBe(false);
  // One batch past the budget at most (1,024 lines, ~10 ms), never the whole picture.
  expect(clock.t).toBeLessThan(8 + 11);
  expect(edgeLog.flushes).toBeGreaterThan(0);
  let slices = 1;
  while (!p.step(8, now)) slices++;
  expect(slices).toBeGreaterThanOrEqual(10);
  expect(edgeLog.lines).toBe(20_000);
  expect(edgeLog.settings.every((s) => (s as { willReadFrequently?: boolean })?.willReadFrequently === true)).toBe(true);
});

test("a model whose links are hidden (a first open's provisional start) is complete once its nodes are drawn", () => {
  const { p, clock, edgeLog } = picture(model(1000, 20_000, { linksHidden: true }), 0.01);
  expect(p.step(100, () => clock.t)).toBe(true);
  expect(edgeLog.lines).toBe(0);
});
