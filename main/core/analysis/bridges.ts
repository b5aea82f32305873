/**
 * Bridge notes: notes whose neighbours (links read both ways) fall into two or more clusters.
 *
 * Definition. For a note with neighbours grouped by cluster into counts c1..ck (k >= 2):
 * - `clusters` = k, the number of distinct clusters among its neighbours;
 * - `score` = sum over i < j of ci * cj, the number of neighbour pairs that sit in different
 *   clusters. Each such pair is a two-hop path between clusters that runs through this note,
 *   so the score is a local, cheap stand-in for betweenness (full betweenness is O(V*E), too
 *   slow for a 20k-note vault on every change).
 * Ranking: more clusters first, then higher score, then id. The note's own cluster plays no
 * part: a bridge is about what it connects, not where Louvain happened to put it.
 */
import type { GraphSnapshot } from '../types';
import { adjacency, compareIds } from './build-graph';
import { detectClusters, type Clustering } from './clusters';

export interface Bridge {
  id: string;
  /** Distinct clusters among the note's neighbours (>= 2). */
  clusters: number;
  /** Neighbour pairs in different clusters (see the definition above). */
  score: number;
  /** Neighbour count per cluster index, largest first. */
  perCluster: Array<{ cluster: number; neighbours: number }>;
}

/** `clustering` defaults to detectClusters(snapshot) (seed 1); pass one in to reuse it. */
export function bridges(snapshot: GraphSnapshot, clustering: Pick<Clustering, 'clusterOf'> = detectClusters(snapshot), limit = Infinity): Bridge[] {
  const adj = adjacency(snapshot, false);
  const result: Bridge[] = [];
  for (const node of snapshot.nodes) {
    if (node.kind !== 'note') continue;
    const counts = new Map<number, number>();
    for (const neighbour of adj.get(node.id) ?? []) {
      const cluster = clustering.clusterOf.get(neighbour);
      if (cluster === undefined) continue;
      counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    let total = 0;
    let sumOfSquares = 0;
    for (const c of counts.values()) {
      total += c;
      sumOfSquares += c * c;
    }
    const perCluster = [...counts].map(([cluster, neighbours]) => ({ cluster, neighbours }));
    perCluster.sort((a, b) => b.neighbours - a.neighbours || a.cluster - b.cluster);
    // sum_{i<j} ci*cj = ((sum c)^2 - sum c^2) / 2
    result.push({ id: node.id, clusters: counts.size, score: (total * total - sumOfSquares) / 2, perCluster });
  }
  result.sort((a, b) => b.clusters - a.clusters || b.score - a.score || compareIds(a.id, b.id));
  return result.slice(0, limit);
}
