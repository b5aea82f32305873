/**
 * GraphSnapshot -> graphology graphs. Nodes keep the snapshot's (sorted) order, which is what
 * makes the graphology algorithms deterministic: they iterate in insertion order.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { GraphSnapshot } from '../types';

/** Directed graph, one edge per snapshot edge, `weight` = the edge's link count. */
export function toDirectedGraph(snapshot: GraphSnapshot): Graph {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  return fill(graph, snapshot);
}

/** Undirected graph: A->B and B->A collapse into one edge whose weight is the sum of both counts. */
export function toUndirectedGraph(snapshot: GraphSnapshot): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  return fill(graph, snapshot);
}

/** Adds the snapshot's nodes in order, then its edges weighted by link count (summed where the graph merges two into one). */
function fill<G extends Graph>(graph: G, snapshot: GraphSnapshot): G {
  for (const node of snapshot.nodes) graph.mergeNode(node.id);
  for (const edge of snapshot.edges) {
    if (edge.source === edge.target) continue; // a note linking itself says nothing about structure
    graph.mergeNode(edge.source);
    graph.mergeNode(edge.target);
    if (graph.hasEdge(edge.source, edge.target)) {
      graph.updateEdgeAttribute(edge.source, edge.target, 'weight', (w: number | undefined) => (w ?? 0) + edge.count);
    } else {
      graph.addEdge(edge.source, edge.target, { weight: edge.count });
    }
  }
  return graph;
}

/** Plain adjacency lists (sorted, self-loops dropped) for the BFS-style algorithms. */
export function adjacency(snapshot: GraphSnapshot, directed: boolean): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const get = (id: string) => {
    let set = sets.get(id);
    if (!set) sets.set(id, (set = new Set()));
    return set;
  };
  for (const node of snapshot.nodes) get(node.id);
  for (const edge of snapshot.edges) {
    if (edge.source === edge.target) continue;
    get(edge.source).add(edge.target);
    if (directed) get(edge.target);
    else get(edge.target).add(edge.source);
  }
  const lists = new Map<string, string[]>();
  for (const [id, set] of sets) lists.set(id, [...set].sort(compareIds));
  return lists;
}

/** Code-unit order, the same on every platform and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
