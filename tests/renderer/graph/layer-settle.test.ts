import cytoscape from 'cytoscape';
import { installLayerSettling, SETTLE_MS } from '../../../renderer/src/graph/layer-settle';
import { buildLayersInSlices, rebuildLayerCache } from '../../../renderer/src/graph/cytoscape-internals';

jest.mock('../../../renderer/src/graph/cytoscape-internals', () => ({
  buildLayersInSlices: jest.fn(async () => true),
  rebuildLayerCache: jest.fn(() => true),
}));
const build = buildLayersInSlices as jest.MockedFunction<typeof buildLayersInSlices>;
const redraw = rebuildLayerCache as jest.MockedFunction<typeof rebuildLayerCache>;

describe('installLayerSettling', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    build.mockClear();
    redraw.mockClear();
  });
  afterEach(() => jest.useRealTimers());

  const graph = (n: number) => {
    const cy = cytoscape({ headless: true });
    cy.add(Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` }, position: { x: i, y: 0 } })));
    return cy;
  };

  it('rebuilds the layers once the viewport has been still for SETTLE_MS, then draws from them', async () => {
    const cy = graph(5);
    installLayerSettling(cy, { minElements: 3, busy: () => false, yieldToPage: async () => undefined });
    cy.zoom(2);
    jest.advanceTimersByTime(SETTLE_MS - 10);
    cy.pan({ x: 5, y: 5 }); // still moving
    jest.advanceTimersByTime(SETTLE_MS - 10);
    expect(build).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20);
    await Promise.resolve();
    await Promise.resolve();
    expect(build).toHaveBeenCalledTimes(1);
    expect(redraw).toHaveBeenCalledTimes(1);
  });

  it('stops between slices when the viewport moves again, and leaves the drawing to cytoscape', async () => {
    const cy = graph(5);
    installLayerSettling(cy, { minElements: 3, busy: () => false, yieldToPage: async () => undefined });
    build.mockImplementationOnce(async (_cy, o) => {
      expect(o.stillWanted()).toBe(true);
      cy.zoom(3); // a new gesture
      return o.stillWanted();
    });
    cy.zoom(2);
    jest.advanceTimersByTime(SETTLE_MS);
    await Promise.resolve();
    await Promise.resolve();
    expect(build).toHaveBeenCalledTimes(1);
    expect(redraw).not.toHaveBeenCalled();
  });

  it('leaves small graphs, busy builds and removed listeners alone', async () => {
    const small = graph(2);
    installLayerSettling(small, { minElements: 3, busy: () => false, yieldToPage: async () => undefined });
    small.zoom(2);
    const busy = graph(5);
    installLayerSettling(busy, { minElements: 3, busy: () => true, yieldToPage: async () => undefined });
    busy.zoom(2);
    const gone = graph(5);
    installLayerSettling(gone, { minElements: 3, busy: () => false, yieldToPage: async () => undefined })();
    gone.zoom(2);
    jest.advanceTimersByTime(SETTLE_MS * 2);
    await Promise.resolve();
    expect(build).not.toHaveBeenCalled();
  });
});
