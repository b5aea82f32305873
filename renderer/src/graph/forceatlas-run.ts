/**
 * ForceAtlas2 with Barnes–Hut in chunks, reporting progress. Pure (no worker APIs) so it runs in
 * the layout worker and in tests alike.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutMessage, LayoutRequest } from './layout-protocol';

const CHUNK = 25;

export function runForceAtlas(request: LayoutRequest, post: (m: LayoutMessage) => void): void {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const pinned = new Set(request.pinned);
  for (const id of request.nodes) {
    const p = request.positions[id] ?? { x: 0, y: 0 };
    graph.addNode(id, { x: p.x, y: p.y, fixed: pinned.has(id) });
  }
  for (const [s, t] of request.edges) {
    if (s === t || !graph.hasNode(s) || !graph.hasNode(t) || graph.hasEdge(s, t)) continue;
    graph.addEdge(s, t);
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 300,
    // Keeps the spread in the same range as the provisional positions (tens of px per node).
    scalingRatio: 20,
    gravity: 1,
    adjustSizes: false,
  };
  let done = 0;
  while (done < request.iterations) {
    const step = Math.min(CHUNK, request.iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: null });
    done += step;
    post({ type: 'progress', done, total: request.iterations });
  }
  const positions: Record<string, { x: number; y: number }> = {};
  graph.forEachNode((id, attr) => {
    positions[id] = { x: attr.x as number, y: attr.y as number };
  });
  post({ type: 'done', positions });
}
