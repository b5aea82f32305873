import cytoscape from 'cytoscape';
import { buildLayersInSlices, layerLevel } from '../../../renderer/src/graph/layer-cache';

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
    expect(drawn).toHaveLength(20);
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
