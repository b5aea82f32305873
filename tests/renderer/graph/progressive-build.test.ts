import cytoscape, { type ElementDefinition } from 'cytoscape';
import {
  addProgressively,
  drawsAfterChunk,
  isProgressive,
  moveProgressively,
  planChunks,
  planWeightedChunks,
  progressText,
  PROGRESSIVE_MIN_ELEMENTS,
  type BuildProgress,
} from '../../../renderer/src/graph/progressive-build';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { LIGHT } from '../../../renderer/src/graph/graph-style';

const node = (i: number, x = i, y = 0): ElementDefinition => ({
  group: 'nodes',
  data: { id: `n${i}`, label: `n${i}`, size: 10, colour: '#888' },
  position: { x, y },
});
const edge = (i: number, n: number): ElementDefinition => ({ group: 'edges', data: { id: `e${i}`, source: `n${i % n}`, target: `n${(i * 7 + 1) % n}` } });
const batching = (cy: cytoscape.Core) => (cy as unknown as { batching(): boolean }).batching();
const graph = (n: number, m: number) => ({ nodes: Array.from({ length: n }, (_, i) => node(i)), edges: Array.from({ length: m }, (_, i) => edge(i, n)) });

describe('planChunks', () => {
  it('covers every item once, in order, in chunks of at most the size', () => {
    expect(planChunks(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(planChunks(8, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
    ]);
    expect(planChunks(3, 100)).toEqual([{ start: 0, end: 3 }]);
    expect(planChunks(0, 5)).toEqual([]);
    const chunks = planChunks(29_692, 3000);
    expect(chunks).toHaveLength(10);
    expect(chunks.reduce((sum, c) => sum + c.end - c.start, 0)).toBe(29_692);
    chunks.forEach((c, i) => i > 0 && expect(c.start).toBe(chunks[i - 1].end));
  });

  it('rounds a fractional size down and refuses sizes below one', () => {
    expect(planChunks(5, 2.7)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
    expect(() => planChunks(5, 0)).toThrow(/at least 1/);
    expect(() => planChunks(5, Number.NaN)).toThrow(/at least 1/);
  });
});

describe('planWeightedChunks', () => {
  it('cuts before the weight would pass the maximum; a heavy item stands alone', () => {
    expect(planWeightedChunks([1, 1, 1, 1, 1], 2)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
    expect(planWeightedChunks([1, 50, 1, 1], 10)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(planWeightedChunks([], 10)).toEqual([]);
  });
});

describe('drawsAfterChunk and isProgressive', () => {
  it('draws after the first chunk, the one reaching a quarter, and the last', () => {
    // Chunk indices drawn after, for `total` items in chunks of 500.
    const drawn = (total: number) =>
      Array.from({ length: Math.ceil(total / 500) }, (_, i) => i).filter((i) => drawsAfterChunk(500 * i, Math.min(total, 500 * (i + 1)), total));
    expect(drawn(10_750)).toEqual([0, 5, 21]); // 10.75k nodes in 500s: 500, 3,000 and all
    expect(drawn(3000)).toEqual([0, 1, 5]);
    expect(drawn(1000)).toEqual([0, 1]);
    expect(drawsAfterChunk(0, 10, 10)).toBe(true);
    // Chunks of any size: the one holding the quarter's item.
    expect(drawsAfterChunk(100, 260, 1000)).toBe(true);
    expect(drawsAfterChunk(250, 400, 1000)).toBe(false);
  });

  it('builds progressively from PROGRESSIVE_MIN_ELEMENTS elements on', () => {
    expect(isProgressive(PROGRESSIVE_MIN_ELEMENTS - 1, 0)).toBe(false);
    expect(isProgressive(1000, PROGRESSIVE_MIN_ELEMENTS - 1000)).toBe(true);
    expect(isProgressive(30, 60)).toBe(false); // the sample vault
  });
});

describe('progressText', () => {
  it('says what is being drawn and how far it got, with thousands separators', () => {
    expect(progressText({ phase: 'edges', done: 12_000, total: 30_000 })).toBe('Drawing 12,000 / 30,000 links…');
    expect(progressText({ phase: 'nodes', done: 1000, total: 10_186 })).toBe('Drawing 1,000 / 10,186 notes…');
  });

  it('clamps overshoot and has wording for an unknown total', () => {
    expect(progressText({ phase: 'nodes', done: 12, total: 10 })).toBe('Drawing 10 / 10 notes…');
    expect(progressText({ phase: 'nodes', done: 0, total: 0 })).toBe('Loading the graph…');
  });
});

describe('addProgressively', () => {
  it('adds nodes then edges chunk by chunk, yielding between chunks, and reports each step', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(25, 40);
    const seen: string[] = [];
    let yields = 0;
    const progress: BuildProgress[] = [];
    const ok = await addProgressively(cy, nodes, edges, {
      nodeChunk: 10,
      edgeChunk: 15,
      budgetMs: 0,
      stillWanted: () => true,
      yieldToPage: async () => {
        yields++;
        seen.push(`${cy.nodes().length}/${cy.edges().length}`);
      },
      onProgress: (p) => progress.push(p),
    });
    expect(ok).toBe(true);
    expect(seen).toEqual(['10/0', '20/0', '25/0', '25/15', '25/30', '25/40']);
    expect(yields).toBe(6);
    expect(progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'nodes 10/25',
      'nodes 20/25',
      'nodes 25/25',
      'edges 15/40',
      'edges 30/40',
      'edges 40/40',
    ]);
    expect(batching(cy)).toBe(false); // drawing is never left held
    cy.destroy();
  });

  it('takes as many chunks per task as fit in the budget, but always yields for a node draw and at the end of a phase', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(60, 60);
    let clock = 0;
    const seen: string[] = [];
    const ok = await addProgressively(cy, nodes, edges, {
      nodeChunk: 10,
      edgeChunk: 10,
      budgetMs: 25,
      now: () => (clock += 10), // each reading of the clock is 10 ms later: one per chunk
      stillWanted: () => true,
      yieldToPage: async () => void seen.push(`${cy.nodes().length}/${cy.edges().length}`),
      onProgress: () => undefined,
    });
    expect(ok).toBe(true);
    // Nodes: drawn after chunks 1 and 2 (a quarter) and the last (6), and once 25 ms are spent
    // (3 chunks) in between; edges likewise, and at the end.
    expect(seen).toEqual(['10/0', '20/0', '50/0', '60/0', '60/30', '60/60']);
    expect(batching(cy)).toBe(false);
    cy.destroy();
  });

  it('with chunkMs, sizes chunks by the time the last one took: a slow element makes the chunks small, every element still goes in once', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(400, 900);
    let clock = 0;
    const sizes: number[] = [];
    const ok = await addProgressively(cy, nodes, edges, {
      nodeChunk: 500,
      edgeChunk: 1000,
      budgetMs: 0,
      chunkMs: 20,
      now: () => clock,
      // Each node costs 1 ms and each edge 0.5 ms of the fake clock.
      onAdded: (added) => {
        sizes.push(added.length);
        clock += added.nodes().length + added.edges().length / 2;
      },
      stillWanted: () => true,
      yieldToPage: async () => undefined,
      onProgress: () => undefined,
    });
    expect(ok).toBe(true);
    expect([cy.nodes().length, cy.edges().length]).toEqual([400, 900]);
    // The first chunk of each phase (100) measures; the next ones aim at 20 ms: 25 nodes (the floor), 40 edges.
    expect(sizes.slice(0, 3)).toEqual([100, 25, 25]);
    const edgeChunks = sizes.slice(sizes.indexOf(100, 1));
    expect(edgeChunks.slice(0, 3)).toEqual([100, 40, 40]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1300);
    cy.destroy();
  });

  it('yields for input only (no frame) where drawing is held, and for a frame where it draws', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(60, 30);
    const seen: string[] = [];
    const at = (kind: string) => async () => void seen.push(`${kind} ${cy.nodes().length}/${cy.edges().length} ${batching(cy) ? 'held' : 'drawing'}`);
    await addProgressively(cy, nodes, edges, {
      nodeChunk: 10,
      edgeChunk: 10,
      budgetMs: 0,
      stillWanted: () => true,
      yieldToPage: at('frame'),
      yieldForInput: at('input'),
      onProgress: () => undefined,
    });
    expect(seen).toEqual([
      'frame 10/0 drawing', // the first nodes
      'frame 20/0 drawing', // a quarter
      'input 30/0 held',
      'input 40/0 held',
      'input 50/0 held',
      'frame 60/0 drawing', // every node
      'input 60/10 held',
      'input 60/20 held',
      'frame 60/30 held', // the end: the caller draws
    ]);
    cy.destroy();
  });

  it('hands each chunk to onAdded before styling and to the layer feed after; while the feed holds every element it draws every FEED_DRAW_INTERVAL_MS', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(40, 40);
    const log: string[] = [];
    let clock = 0;
    const layers = {
      add: (eles: cytoscape.Collection) => void log.push(`feed ${eles.length}`),
      active: () => true,
      stopReason: () => null,
    };
    const ok = await addProgressively(cy, nodes, edges, {
      nodeChunk: 10,
      edgeChunk: 20,
      budgetMs: 0,
      now: () => (clock += 200), // 200 ms per reading
      stillWanted: () => true,
      onAdded: (added) => void log.push(`added ${added.length}`),
      layers,
      yieldToPage: async () => void log.push(`frame ${batching(cy) ? 'held' : 'drawing'}`),
      yieldForInput: async () => void log.push(`input ${batching(cy) ? 'held' : 'drawing'}`),
      onProgress: () => undefined,
    });
    expect(ok).toBe(true);
    expect(log).toEqual([
      'added 10',
      'feed 10',
      'frame drawing', // a draw is due at once
      'added 10',
      'feed 10',
      'input held',
      'added 10',
      'feed 10',
      'frame drawing', // FEED_DRAW_INTERVAL_MS on
      'added 10',
      'feed 10',
      'frame drawing', // the end of the nodes
      'added 20',
      'feed 20',
      'input held',
      'added 20',
      'feed 20',
      'frame drawing', // the end
    ]);
    expect(batching(cy)).toBe(false);
    cy.destroy();
  });

  it('stops before the next chunk once superseded, and releases the batch', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const { nodes, edges } = graph(30, 60);
    let wanted = true;
    let chunks = 0;
    const ok = await addProgressively(cy, nodes, edges, {
      nodeChunk: 10,
      edgeChunk: 10,
      budgetMs: 0,
      stillWanted: () => wanted,
      yieldToPage: async () => {
        if (++chunks === 4) wanted = false; // during the edges
      },
      onProgress: () => undefined,
    });
    expect(ok).toBe(false);
    expect(cy.nodes()).toHaveLength(30);
    expect(cy.edges()).toHaveLength(10);
    expect(batching(cy)).toBe(false);
    cy.destroy();
  });
});

describe('moveProgressively', () => {
  it('moves every listed node in chunks and leaves the others', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    cy.add(graph(25, 30).nodes); // (given as `elements`, cytoscape would lay them out in a grid)
    const target: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < 24; i++) target[`n${i}`] = { x: i * 10, y: -i };
    let yields = 0;
    const ok = await moveProgressively(cy, target, { nodeChunk: 10, budgetMs: 0, stillWanted: () => true, yieldToPage: async () => void yields++ });
    expect(ok).toBe(true);
    expect(yields).toBe(2); // nodes plus edges up to 2 × nodeChunk per chunk; no edges here
    expect(cy.getElementById('n23').position()).toEqual({ x: 230, y: -23 });
    expect(cy.getElementById('n24').position()).toEqual({ x: 24, y: 0 });
    expect(batching(cy)).toBe(false);
    cy.destroy();
  });
});

describe('GraphController.load on a big graph', () => {
  it('builds progressively with the same elements, label threshold and fit as a one-go build', async () => {
    const n = 1500;
    const side = Math.ceil(Math.sqrt(n));
    const nodes = Array.from({ length: n }, (_, i) => node(i, (i % side) * 15, Math.floor(i / side) * 15));
    const edges = Array.from({ length: 3000 }, (_, i) => edge(i, n));
    expect(isProgressive(nodes.length, edges.length)).toBe(true);
    const c = new GraphController(null, LIGHT, 'canvas');
    const phases = new Set<string>();
    expect(await c.load(nodes, edges, (p) => phases.add(p.phase))).toBe(true);
    expect(phases).toEqual(new Set(['nodes', 'edges']));
    expect(c.cy.nodes()).toHaveLength(n);
    expect(c.cy.edges()).toHaveLength(3000);
    // Dense (15 units apart): labels only from a higher zoom, as label-density.ts derives.
    expect(c.labelThreshold).toBeGreaterThan(20);
    expect(c.cy.getElementById('n5').style('min-zoomed-font-size')).toBe(`${c.labelThreshold}px`);
    c.destroy();
  });

  it('a newer load supersedes one in progress', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    const big = graph(3000, 3000);
    const first = c.load(big.nodes, big.edges, () => undefined);
    const second = c.load([node(1), node(2)], [], () => undefined);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(
      c.cy
        .nodes()
        .map((x) => x.id())
        .sort(),
    ).toEqual(['n1', 'n2']);
    c.destroy();
  });
});
