import cytoscape from 'cytoscape';
import { buildLayersInSlices, layerLevel } from '../../../../renderer/src/graph/cytoscape-internals/layer-cache';

const batching = (cy: cytoscape.Core) => (cy as unknown as { batching(): boolean }).batching();

/** A headless core dressed with the canvas renderer's layer-cache internals, drawing is a counter. */
function fakeRenderer(elements: number, msPerDraw: number, onFlush?: (layer: { invalid: boolean }) => void) {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const drawn: number[] = [];
  const log: string[] = [];
  const layer = { level: 0, reqs: 0, elesQueue: [] as number[], invalid: false };
  const layersQueue: (typeof layer)[] = [];
  const cache = {
    firstGet: true,
    skipping: true,
    layersByLevel: {} as Record<number, (typeof layer)[]>,
    layersQueue: { size: () => layersQueue.length },
    getLayers(eles: number[], pxRatio: number, lvl: number) {
      log.push(`getLayers firstGet=${cache.firstGet} skipping=${cache.skipping} batching=${batching(cy)} px=${pxRatio} lvl=${lvl}`);
      layer.level = lvl;
      layer.invalid = false;
      layer.elesQueue = [...eles];
      layer.reqs = eles.length;
      cache.layersByLevel[lvl] = [layer];
      layersQueue.push(layer);
      return null;
    },
    drawEleInLayer(l: typeof layer, ele: number) {
      expect(l).toBe(layer);
      drawn.push(ele);
      const until = Date.now() + msPerDraw;
      while (Date.now() < until) {
        // drawing one element
      }
    },
    levelIsComplete: (lvl: number) => cache.layersByLevel[lvl]?.every((l) => l.reqs === 0 && !l.invalid) ?? false,
    dequeue() {
      // cytoscape's: an emptied layer leaves its queue
      if (layersQueue[0]?.elesQueue.length === 0) layersQueue.shift();
    },
  };
  const renderer = {
    data: { lyrTxrCache: cache },
    flushRenderedStyleQueue: () => {
      log.push('flush');
      onFlush?.(layer);
    },
    getCachedZSortedEles: () => ({ nondrag: Array.from({ length: elements }, (_, i) => i) }),
    getPixelRatio: () => 1.01,
  };
  (cy as unknown as { renderer(): unknown }).renderer = () => renderer;
  return { cy, drawn, layer, layersQueue, log };
}

describe('buildLayersInSlices', () => {
  it('queues every element and draws them over several slices with drawing held, then releases it', async () => {
    const { cy, drawn, layer, layersQueue, log } = fakeRenderer(40, 2);
    let yields = 0;
    const done = await buildLayersInSlices(cy, {
      sliceMs: 10,
      stillWanted: () => true,
      yieldToPage: async () => {
        yields++;
        expect(batching(cy)).toBe(true); // the render loop skips frames meanwhile
      },
    });
    expect(done).toBe(true);
    expect(drawn).toEqual(Array.from({ length: 40 }, (_, i) => i)); // each once, in order
    expect(yields).toBeGreaterThan(2);
    expect(layer).toMatchObject({ reqs: 0, elesQueue: [] }); // complete, as cytoscape marks it
    expect(layersQueue).toHaveLength(0);
    // Headless zoom 1 at pixel ratio 1.01: level ceil(log2(1.01)) = 1. The flush after getLayers
    // settles boxes it measured; the last one checks that nothing changed meanwhile.
    expect(log).toEqual(['flush', 'getLayers firstGet=false skipping=false batching=true px=1.01 lvl=1', 'flush', 'flush']);
    expect(batching(cy)).toBe(false);
  });

  it('draws again, in slices, what was invalidated while drawing was held', async () => {
    const { cy, drawn, layer, log } = fakeRenderer(10, 0);
    let invalidate = true;
    const done = await buildLayersInSlices(cy, {
      sliceMs: 10,
      stillWanted: () => true,
      yieldToPage: async () => {
        // e.g. a live update restyling a node: cytoscape invalidates the layer holding it
        if (invalidate) layer.invalid = true;
        invalidate = false;
      },
    });
    expect(done).toBe(true);
    expect(log.filter((l) => l.startsWith('getLayers'))).toHaveLength(2);
    // How many the first slice drew before the invalidation depends on the machine's timing
    // (a slice is 10 ms); the second pass drew all 10 again, in order.
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThanOrEqual(20);
    expect(drawn.slice(-10)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(batching(cy)).toBe(false);
  });

  it('queues again, before drawing, when measuring the elements invalidated the new layers', async () => {
    let flushes = 0;
    // The flush right after the first getLayers: a restyled element's new box invalidates the layer.
    const { cy, drawn, log } = fakeRenderer(10, 0, (layer) => {
      if (++flushes === 2) layer.invalid = true;
    });
    expect(await buildLayersInSlices(cy, { stillWanted: () => true, yieldToPage: async () => undefined })).toBe(true);
    expect(log.filter((l) => l.startsWith('getLayers'))).toHaveLength(2);
    expect(drawn).toHaveLength(10); // nothing drawn into the invalidated layer
  });

  it('stops between slices when superseded, with drawing released', async () => {
    const { cy, drawn, layer } = fakeRenderer(40, 2);
    let wanted = true;
    const done = await buildLayersInSlices(cy, { sliceMs: 10, stillWanted: () => wanted, yieldToPage: async () => void (wanted = false) });
    expect(done).toBe(false);
    expect(drawn.length).toBeLessThan(40);
    expect(layer.reqs).toBe(40); // left incomplete: the next full draw finishes it
    expect(batching(cy)).toBe(false);
  });

  it('picks the level cytoscape draws at', () => {
    expect(layerLevel(1, 1.01)).toBe(1);
    expect(layerLevel(0.25, 1.01)).toBe(-1);
    expect(layerLevel(0.001, 1)).toBe(-4);
    expect(layerLevel(4, 1)).toBeNull();
  });

  it('does nothing without the canvas renderer (headless)', async () => {
    const cy = cytoscape({ headless: true });
    expect(await buildLayersInSlices(cy, { stillWanted: () => true, yieldToPage: async () => undefined })).toBe(false);
    expect(batching(cy)).toBe(false);
  });
});

describe('buildLayersInSlices making the layer itself', () => {
  /** Elements with boxes; a cache whose getLayers must not be needed. */
  function setup(boxes: [number, number, number, number][]) {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const eles = boxes.map(([x1, y1, x2, y2]) => ({
      measured: 0,
      boundingBox() {
        this.measured++;
        return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
      },
      _private: { rscratch: {} as { imgLayerCaches?: Record<number, unknown> } },
    }));
    type Layer = { bb: unknown; level: number; reqs: number; eles: unknown[]; elesQueue: unknown[]; invalid?: boolean };
    const drawn: unknown[] = [];
    const cache = {
      firstGet: true,
      layersByLevel: {} as Record<number, Layer[]>,
      layersQueue: { size: () => 0 },
      makeLayer: (bb: unknown, level: number): Layer => ({ bb, level, reqs: 0, eles: [], elesQueue: [] }),
      getLayers: () => {
        throw new Error('getLayers was not needed');
      },
      drawEleInLayer: (_layer: Layer, ele: unknown) => void drawn.push(ele),
      dequeue: () => undefined,
      levelIsComplete: (lvl: number, all: unknown[]) =>
        (cache.layersByLevel[lvl] ?? []).reduce((n, l) => (l.reqs > 0 || l.invalid ? NaN : n + l.eles.length), 0) === all.length,
    };
    const renderer = { data: { lyrTxrCache: cache }, getCachedZSortedEles: () => ({ nondrag: eles }), getPixelRatio: () => 1 };
    (cy as unknown as { renderer(): unknown }).renderer = () => renderer;
    return { cy, eles, cache, drawn };
  }

  it('measures the union in slices, queues every element in draw order into one complete layer', async () => {
    const { cy, eles, cache, drawn } = setup([
      [0, 0, 10, 10],
      [-50, 5, -40, 20],
      [30, -7, 35, 100],
    ]);
    let yields = 0;
    expect(await buildLayersInSlices(cy, { sliceMs: 0, stillWanted: () => true, yieldToPage: async () => void yields++ })).toBe(true);
    const [layer] = cache.layersByLevel[0]; // zoom 1, pixel ratio 1
    expect(cache.layersByLevel[0]).toHaveLength(1);
    expect(layer.bb).toEqual({ x1: -50, y1: -7, x2: 35, y2: 100, w: 85, h: 107 });
    expect(layer.eles).toEqual(eles);
    expect(drawn).toEqual(eles);
    expect(layer).toMatchObject({ reqs: 0, elesQueue: [] });
    expect(eles.map((e) => e._private.rscratch.imgLayerCaches?.[0])).toEqual([layer, layer, layer]);
    expect(eles.every((e) => e.measured === 1)).toBe(true); // once each, not twice as getLayers does
    expect(yields).toBeGreaterThanOrEqual(2); // measuring and drawing both yielded
    expect(batching(cy)).toBe(false);
  });

  it('leaves a level too big for one bitmap to getLayers', async () => {
    const { cy } = setup([
      [0, 0, 10, 10],
      [0, 0, 40_000, 10],
    ]);
    await expect(buildLayersInSlices(cy, { stillWanted: () => true, yieldToPage: async () => undefined })).rejects.toThrow('getLayers was not needed');
    expect(batching(cy)).toBe(false);
  });
});
