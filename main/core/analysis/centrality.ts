/**
 * Degree and PageRank for every node of a snapshot, and the hub ranking built on them.
 * PageRank runs on the directed link graph with link counts as weights (a note linked five
 * times from one place counts more than a passing mention), damping 0.85, a fixed iteration
 * cap and tolerance, over nodes in snapshot order: the same snapshot always gives the same numbers.
 */
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { GraphSnapshot } from '../types';
import { compareIds, toDirectedGraph } from './build-graph';

export interface NodeCentrality {
  /** Distinct notes linking here. */
  inDegree: number;
  /** Distinct nodes this note links to. */
  outDegree: number;
  /** inDegree + outDegree (a mutual link counts twice). */
  degree: number;
  /** Distinct neighbours when links are read both ways. */
  neighbours: number;
  /** PageRank; all values sum to 1 over the snapshot. */
  pagerank: number;
}

export const PAGERANK_DAMPING = 0.85;
const PAGERANK_MAX_ITERATIONS = 200;
const PAGERANK_TOLERANCE = 1e-10;

export function centrality(snapshot: GraphSnapshot): Map<string, NodeCentrality> {
  const graph = toDirectedGraph(snapshot);
  const result = new Map<string, NodeCentrality>();
  if (graph.order === 0) return result;
  const ranks = pagerank(graph, {
    alpha: PAGERANK_DAMPING,
    maxIterations: PAGERANK_MAX_ITERATIONS,
    tolerance: PAGERANK_TOLERANCE,
    getEdgeWeight: 'weight',
  });
  graph.forEachNode((id) => {
    const inDegree = graph.inDegree(id);
    const outDegree = graph.outDegree(id);
    result.set(id, {
      inDegree,
      outDegree,
      degree: inDegree + outDegree,
      neighbours: graph.neighbors(id).length,
      pagerank: ranks[id] ?? 0,
    });
  });
  return result;
}

export interface Hub extends NodeCentrality {
  id: string;
}

/** Orders ids by PageRank, then degree, both descending, then id: the "most central first" order. */
export function compareByCentrality(scores: ReadonlyMap<string, NodeCentrality>): (a: string, b: string) => number {
  return (a, b) => {
    const sa = scores.get(a);
    const sb = scores.get(b);
    const pa = sa?.pagerank ?? 0;
    const pb = sb?.pagerank ?? 0;
    // Float noise below 1e-12 is not a real difference; let the id decide instead.
    if (Math.abs(pa - pb) > 1e-12) return pb - pa;
    const da = sa?.degree ?? 0;
    const db = sb?.degree ?? 0;
    if (da !== db) return db - da;
    return compareIds(a, b);
  };
}

/** The `limit` most central notes (attachments and placeholders are not hubs). */
export function rankHubs(snapshot: GraphSnapshot, limit: number, scores: ReadonlyMap<string, NodeCentrality> = centrality(snapshot)): Hub[] {
  const noteIds = snapshot.nodes.filter((n) => n.kind === 'note').map((n) => n.id);
  noteIds.sort(compareByCentrality(scores));
  return noteIds.slice(0, Math.max(0, limit)).map((id) => ({ id, ...scores.get(id)! }));
}
