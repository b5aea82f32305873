import cytoscape from 'cytoscape';
import { buildLayersInSlices } from '../../../renderer/src/graph/layer-cache';

const batching = (cy: cytoscape.Core) => (cy as unknown as { batching(): boolean }).batching();

/** A headless core dressed with the canvas renderer's layer-cache internals, drawing is a counter. */
function fakeRenderer(elements: number, msPerDraw: number) {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const queue: number[] = [];
  const log: string[] = [];
  const cache = {
    firstGet: true,
    skipping: true,
    layersQueue: { size: () => queue.length },
    getLayers(eles: number[], pxRatio: number) {
      log.push(`getLayers firstGet=${cache.firstGet} skipping=${cache.skipping} batching=${batching(cy)} px=${pxRatio}`);
      queue.push(...eles);
      return null;
    },
    dequeue() {
      queue.shift();
      const until = Date.now() + msPerDraw;
      while (Date.now() < until) {
        // drawing one element
      }
    },
  };
  const renderer = {
    data: { lyrTxrCache: cache },
    flushRenderedStyleQueue: () => log.push('flush'),
    getCachedZSortedEles: () => ({ nondrag: Array.from({ length: elements }, (_, i) => i) }),
    getPixelRatio: () => 1.01,
  };
  (cy as unknown as { renderer(): unknown }).renderer = () => renderer;
  return { cy, queue, log };
}

describe('buildLayersInSlices', () => {
  it('queues every element and draws them over several slices with drawing held, then releases it', async () => {
    const { cy, queue, log } = fakeRenderer(40, 2);
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
    expect(queue).toHaveLength(0);
    expect(yields).toBeGreaterThan(2);
    expect(log).toEqual(['flush', 'getLayers firstGet=false skipping=false batching=true px=1.01']);
    expect(batching(cy)).toBe(false);
  });

  it('stops between slices when superseded, with drawing released', async () => {
    const { cy, queue } = fakeRenderer(40, 2);
    let wanted = true;
    const done = await buildLayersInSlices(cy, { sliceMs: 10, stillWanted: () => wanted, yieldToPage: async () => void (wanted = false) });
    expect(done).toBe(false);
    expect(queue.length).toBeGreaterThan(0);
    expect(batching(cy)).toBe(false);
  });

  it('does nothing without the canvas renderer (headless)', async () => {
    const cy = cytoscape({ headless: true });
    expect(await buildLayersInSlices(cy, { stillWanted: () => true, yieldToPage: async () => undefined })).toBe(false);
    expect(batching(cy)).toBe(false);
  });
});
