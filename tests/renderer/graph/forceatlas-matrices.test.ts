import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { ForceAtlasMatrices } from '../../../renderer/src/graph/forceatlas-matrices';
import type { LayoutRequest } from '../../../renderer/src/graph/layout-protocol';

/** A small graph with what the request may hold but graphology's graph drops: self-loops and links repeated either way. */
function request(packed: boolean): LayoutRequest {
  const n = 40;
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) pairs.push([i, (i + 1) % n], [i, (i * 7 + 3) % n]);
  pairs.push([5, 5], [6, 5], [5, 6], [12, 30], [30, 12]);
  const xy = new Float64Array(2 * n).map((_, k) => ((k * 37) % 101) - 50 + k / 7);
  const positions = Object.fromEntries(nodes.map((id, i) => [id, { x: xy[2 * i], y: xy[2 * i + 1] }]));
  const edges = pairs.map(([s, t]) => [nodes[s], nodes[t]] as [string, string]);
  const base = { nodes, pinned: ['n3'], iterations: 0 };
  return packed ? { ...base, edges: [], positions: {}, packed: { edges: Uint32Array.from(pairs.flat()), xy } } : { ...base, edges, positions };
}

const SETTINGS = { ...forceAtlas2.inferSettings(40), barnesHutOptimize: true, barnesHutTheta: 1, scalingRatio: 20, gravity: 0.5, adjustSizes: false };
const CHUNKS = [1, 3, 2, 5];

/** The layout as it was computed before: a graphology graph, assign() per chunk. */
function viaGraphology(r: LayoutRequest): { x: number; y: number }[] {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  r.nodes.forEach((id) => graph.addNode(id, { ...r.positions[id], fixed: r.pinned.includes(id) }));
  for (const [s, t] of r.edges) if (s !== t && !graph.hasEdge(s, t)) graph.addEdge(s, t);
  for (const iterations of CHUNKS) forceAtlas2.assign(graph, { iterations, settings: SETTINGS, getEdgeWeight: null });
  return r.nodes.map((id) => ({ x: graph.getNodeAttribute(id, 'x') as number, y: graph.getNodeAttribute(id, 'y') as number }));
}

describe('ForceAtlasMatrices', () => {
  it.each([false, true])('computes exactly the positions graphology does, chunk by chunk (packed request: %s)', (packed) => {
    const want = viaGraphology(request(false));
    const m = new ForceAtlasMatrices(request(packed));
    for (const iterations of CHUNKS) m.run(SETTINGS, iterations);
    const got = request(false).nodes.map((_, i) => ({ x: m.x(i), y: m.y(i) }));
    expect(got).toEqual(want);
    expect(got[3]).toEqual(want[3]);
    expect(got[4]).not.toEqual({ x: request(false).positions.n4.x, y: request(false).positions.n4.y });
    const xy = m.positions();
    expect([xy[8], xy[9]]).toEqual([got[4].x, got[4].y]);
  });

  it('keeps one edge per linked pair and no self-loops; mass is 1 + degree', () => {
    const m = new ForceAtlasMatrices(request(true));
    expect(m.edges.length / 3).toBe(distinct().size);
    expect(m.nodes[5 * 10 + 6]).toBe(1 + degreeOf(5));
  });
});

/** The distinct unordered pairs of request() without self-loops, the slow way. */
function distinct(): Set<string> {
  const r = request(false);
  const keys = new Set<string>();
  for (const [s, t] of r.edges) if (s !== t) keys.add([s, t].sort().join(' '));
  return keys;
}
function degreeOf(i: number): number {
  return [...distinct()].filter((k) => k.split(' ').includes(`n${i}`)).length;
}
