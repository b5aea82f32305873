/**
 * A big graph's links following its load into cytoscape (renderer/src/graph/edge-fill.ts): the
 * fill on its own over a headless core, and the controller's load with the overview drawing
 * (a canvas-rendered core in jsdom), which ends with the nodes in and the links still to come.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { startEdgeFill } from '../../../renderer/src/graph/edge-fill';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { LIGHT } from '../../../renderer/src/graph/graph-style';
import { withFakeCanvas } from './cytoscape-internals/real-canvas';

function graph(nodes: number, edges: number): { nodes: ElementDefinition[]; edges: ElementDefinition[] } {
  const n = Array.from({ length: nodes }, (_, i) => ({
    group: 'nodes' as const,
    data: { id: `n${i}`, label: `N${i}`, size: 6, colour: '#888888', degree: 1 },
    position: { x: (i % 100) * 20, y: Math.floor(i / 100) * 20 },
  }));
  const e = Array.from({ length: edges }, (_, k) => ({
    group: 'edges' as const,
    data: { id: `e${k}`, source: `n${k % nodes}`, target: `n${(k * 7 + 1) % nodes}` },
  }));
  return { nodes: n, edges: e };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('startEdgeFill', () => {
  test('adds every link in order, a slice per task, and says what is still pending meanwhile', async () => {
    const cy = cytoscape({ headless: true });
    const g = graph(50, 2000);
    cy.add(g.nodes);
    const fill = startEdgeFill(cy, g.edges, { stillWanted: () => true, yieldForInput: tick });
    expect(fill.pending()).toHaveLength(2000);
    expect(cy.edges()).toHaveLength(0);
    await expect(fill.done).resolves.toBe(true);
    expect(fill.pending()).toHaveLength(0);
    expect(cy.edges().map((e) => e.id())).toEqual(g.edges.map((e) => e.data.id));
    cy.destroy();
  });

  test('complete() adds the rest at once; the fill then ends without adding any twice', async () => {
    const cy = cytoscape({ headless: true });
    const g = graph(50, 2000);
    cy.add(g.nodes);
    const fill = startEdgeFill(cy, g.edges, { stillWanted: () => true, yieldForInput: tick });
    await tick();
    await tick();
    fill.complete();
    expect(cy.edges()).toHaveLength(2000);
    expect(fill.pending()).toHaveLength(0);
    await expect(fill.done).resolves.toBe(true);
    expect(cy.edges()).toHaveLength(2000);
    cy.destroy();
  });

  test('held off (a pan or zoom going on), it adds nothing until the gesture rests', async () => {
    const cy = cytoscape({ headless: true });
    const g = graph(50, 2000);
    cy.add(g.nodes);
    let moving = true;
    const fill = startEdgeFill(cy, g.edges, { stillWanted: () => true, yieldForInput: tick, holdOff: () => (moving ? 5 : 0) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cy.edges()).toHaveLength(0);
    moving = false;
    await expect(fill.done).resolves.toBe(true);
    expect(cy.edges()).toHaveLength(2000);
    cy.destroy();
  });

  test('superseded, it stops before the next slice and resolves false', async () => {
    const cy = cytoscape({ headless: true });
    const g = graph(50, 5000);
    cy.add(g.nodes);
    let wanted = true;
    const fill = startEdgeFill(cy, g.edges, { stillWanted: () => wanted, yieldForInput: tick });
    await tick();
    wanted = false;
    await expect(fill.done).resolves.toBe(false);
    expect(cy.edges().length).toBeLessThan(5000);
    fill.complete();
    expect(cy.edges().length).toBeLessThan(5000);
    cy.destroy();
  });
});

describe('a big load drawn by the overview', () => {
  let restoreCanvas: () => void;
  let container: HTMLElement;
  beforeEach(() => {
    restoreCanvas = withFakeCanvas();
    container = document.createElement('div');
    // cytoscape sizes the graph from these, less the padding.
    container.style.padding = '0px';
    Object.defineProperty(container, 'clientWidth', { value: 800 });
    Object.defineProperty(container, 'clientHeight', { value: 600 });
    document.body.appendChild(container);
  });
  afterEach(() => {
    container.remove();
    restoreCanvas();
  });

  test('ends with the nodes in cytoscape; the links follow, drawn by the overview meanwhile; then the handler hears of it', async () => {
    const edgesIn = jest.fn();
    const c = new GraphController(container, LIGHT, 'canvas', { onEdgesIn: edgesIn });
    expect(c.overview).not.toBeNull();
    const g = graph(3000, 6000);
    const complete = await c.load(g.nodes, g.edges, () => undefined);
    expect(complete).toBe(true);
    expect(c.level).toBe('overview');
    expect(c.cy.nodes()).toHaveLength(3000);
    expect(c.cy.edges().length).toBeLessThan(6000);
    expect(c.cy.edges().length + c.links.pending().length).toBe(6000);
    expect(edgesIn).not.toHaveBeenCalled();
    await expect(c.links.whenComplete()).resolves.toBe(true);
    expect(c.cy.edges()).toHaveLength(6000);
    expect(c.links.pending()).toHaveLength(0);
    expect(edgesIn).toHaveBeenCalledTimes(1);
    c.destroy();
  });
});
