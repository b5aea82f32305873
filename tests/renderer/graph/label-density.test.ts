import { CULLED_LABEL_ROOM_PX, labelMinZoomedFontSize, LABEL_ROOM_PX } from '../../../renderer/src/graph/label-density';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { LABEL_FONT, LIGHT, MIN_ZOOMED_FONT } from '../../../renderer/src/graph/graph-style';

/** n points on a square grid with `step` model units between neighbours. */
function grid(n: number, step: number): { x: number; y: number }[] {
  const side = Math.ceil(Math.sqrt(n));
  return Array.from({ length: n }, (_, i) => ({ x: (i % side) * step, y: Math.floor(i / side) * step }));
}

describe('labelMinZoomedFontSize', () => {
  it('keeps the floor when nodes already have room at zoom 1', () => {
    expect(labelMinZoomedFontSize(grid(20, 150), 11, 9)).toBe(9);
  });

  it('asks for more zoom as the graph gets denser', () => {
    // Spacing 20 model units: labels need zoom 60/20 = 3, i.e. 11 * 3 = 33 px.
    expect(labelMinZoomedFontSize(grid(1024, 20), 11, 9)).toBe(33);
    // Spacing 30 on a 32 x 32 grid: the box is 930 units wide, so ~29 units per node, zoom ~2.06 -> 23 px.
    expect(labelMinZoomedFontSize(grid(1024, 30), 11, 9)).toBe(23);
  });

  it('caps the zoom it asks for so labels stay reachable before maxZoom', () => {
    expect(labelMinZoomedFontSize(grid(1024, 2), 11, 9)).toBe(33);
  });

  it('is finite for a single node, coincident nodes and a straight line', () => {
    expect(labelMinZoomedFontSize([{ x: 0, y: 0 }], 11, 9)).toBe(9);
    // Two nodes on one spot: the box is one label's room square, so 60 / sqrt(3600 / 2) -> zoom ~1.41.
    expect(
      labelMinZoomedFontSize(
        [
          { x: 5, y: 5 },
          { x: 5, y: 5 },
        ],
        11,
        9,
      ),
    ).toBe(16);
    const line = Array.from({ length: 50 }, (_, i) => ({ x: i * 10, y: 0 }));
    const v = labelMinZoomedFontSize(line, 11, 9);
    expect(Number.isFinite(v)).toBe(true);
    // 500 x 60 units over 50 nodes: spacing sqrt(600) ~ 24.5, zoom ~2.45.
    expect(v).toBe(Math.round(11 * (LABEL_ROOM_PX / Math.sqrt((500 * 60) / 50))));
  });
});

describe('GraphController label threshold', () => {
  // 400 nodes 15 px apart in a grid (spacing 14.25 over its extent), culled by collision: the
  // font size times CULLED_LABEL_ROOM_PX / spacing, rounded.
  const DENSE = Math.round((LABEL_FONT * CULLED_LABEL_ROOM_PX) / 14.25);
  const node = (id: string, p: { x: number; y: number }, classes = '') => ({
    group: 'nodes' as const,
    data: { id, label: id, size: 10, colour: '#888' },
    position: p,
    classes,
  });

  it('raises min-zoomed-font-size for a dense graph, keeps hubs labelled, and lowers it again for a sparse one', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    const dense = grid(400, 15).map((p, i) => node(`n${i}`, p, i === 0 ? 'hub' : ''));
    await c.load(dense, [], () => {});
    expect(c.labelThreshold).toBe(DENSE);
    expect(c.cy.getElementById('n1').style('min-zoomed-font-size')).toBe(`${DENSE}px`);
    expect(c.cy.getElementById('n0').style('min-zoomed-font-size')).toBe('0px');

    await c.load(
      grid(10, 200).map((p, i) => node(`s${i}`, p)),
      [],
      () => {},
    );
    expect(c.labelThreshold).toBe(MIN_ZOOMED_FONT);
    expect(c.cy.getElementById('s1').style('min-zoomed-font-size')).toBe(`${MIN_ZOOMED_FONT}px`);
    c.destroy();
  });

  it('follows a layout: spreading the nodes out brings labels back at a lower zoom', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load(
      grid(400, 15).map((p, i) => node(`n${i}`, p)),
      [],
      () => {},
    );
    expect(c.labelThreshold).toBe(DENSE);
    const spread = grid(400, 120);
    await new Promise<void>((resolve) => {
      const layout = c.cy.layout({ name: 'preset', positions: (n: { id(): string }) => spread[Number(n.id().slice(1))], fit: false } as never);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
    expect(c.labelThreshold).toBe(MIN_ZOOMED_FONT);
    c.destroy();
  });

  it('restyles only the nodes when a layout changes the threshold: edges keep their computed style', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    const n = 400;
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } }));
    await c.load(
      grid(n, 15).map((p, i) => node(`n${i}`, p)),
      edges,
      () => {},
    );
    expect(c.labelThreshold).toBe(DENSE);
    // Headless, styles are computed when first read: compute every one now.
    const lineColour = c.cy.getElementById('e0').style('line-color');
    c.cy.elements().forEach((e) => void e.style('display'));
    // Every style computation goes through the Style object's apply (cytoscape 3.35).
    const style = c.cy.style() as unknown as { apply(eles: ArrayLike<{ isEdge(): boolean; id(): string }>): unknown };
    const apply = style.apply;
    const restyledEdges: string[] = [];
    style.apply = function (eles) {
      for (let i = 0; i < eles.length; i++) if (eles[i].isEdge()) restyledEdges.push(eles[i].id());
      return apply.call(this, eles);
    };
    const spread = Object.fromEntries(grid(n, 120).map((p, i) => [`n${i}`, p]));
    expect(await c.applyPositions(spread)).toBe(true);
    expect(c.labelThreshold).toBe(MIN_ZOOMED_FONT);
    expect(c.cy.getElementById('n7').style('min-zoomed-font-size')).toBe(`${MIN_ZOOMED_FONT}px`);
    expect(c.cy.getElementById('n7').position()).toEqual(spread.n7);
    expect(restyledEdges).toEqual([]);
    expect(c.cy.getElementById('e0').style('line-color')).toBe(lineColour);
    c.destroy();
  });
});
