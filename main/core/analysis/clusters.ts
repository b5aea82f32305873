/**
 * Communities by Louvain (graphology-communities-louvain) on the undirected, count-weighted
 * link graph. Louvain visits nodes in random order; a seeded RNG makes the result repeatable.
 * Cluster indices are renumbered by size so the biggest cluster is always 0 (stable colours).
 */
import louvain from 'graphology-communities-louvain';
import type { GraphSnapshot } from '../types';
import { centrality, compareByCentrality, type NodeCentrality } from './centrality';
import { compareIds, toUndirectedGraph } from './build-graph';
import { seededRandom } from './seeded-random';

export interface Cluster {
  index: number;
  /** Id of the cluster's most central note (highest PageRank, ties by id); the most central node when it has no note. */
  name: string;
  /** Member ids, sorted. */
  nodes: string[];
}

export interface Clustering {
  /** Largest first; ties by name. */
  clusters: Cluster[];
  /** node id -> index into `clusters`. */
  clusterOf: Map<string, number>;
  modularity: number;
}

export interface ClusterOptions {
  seed?: number;
  /** Louvain resolution: above 1 gives more, smaller clusters. Default 1. */
  resolution?: number;
  /** Reuse scores already computed for the same snapshot. */
  scores?: ReadonlyMap<string, NodeCentrality>;
}

export function detectClusters(snapshot: GraphSnapshot, options: ClusterOptions = {}): Clustering {
  const { seed = 1, resolution = 1 } = options;
  const graph = toUndirectedGraph(snapshot);
  if (graph.order === 0) return { clusters: [], clusterOf: new Map(), modularity: 0 };

  let communities: Record<string, number>;
  let modularity = 0;
  if (graph.size === 0) {
    // Louvain is undefined without edges; every node is its own community.
    communities = {};
    let next = 0;
    graph.forEachNode((id) => (communities[id] = next++));
  } else {
    const detailed = louvain.detailed(graph, { rng: seededRandom(seed), resolution, getEdgeWeight: 'weight' });
    communities = detailed.communities;
    modularity = detailed.modularity;
  }

  const members = new Map<number, string[]>();
  graph.forEachNode((id) => {
    const community = communities[id];
    const list = members.get(community);
    if (list) list.push(id);
    else members.set(community, [id]);
  });

  const scores = options.scores ?? centrality(snapshot);
  const byCentrality = compareByCentrality(scores);
  const kinds = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
  const named = [...members.values()].map((nodes) => {
    nodes.sort(compareIds);
    const notes = nodes.filter((id) => kinds.get(id) === 'note');
    const candidates = [...(notes.length > 0 ? notes : nodes)].sort(byCentrality);
    return { name: candidates[0], nodes };
  });
  named.sort((a, b) => b.nodes.length - a.nodes.length || compareIds(a.name, b.name));

  const clusters = named.map((c, index) => ({ index, ...c }));
  const clusterOf = new Map<string, number>();
  for (const cluster of clusters) for (const id of cluster.nodes) clusterOf.set(id, cluster.index);
  return { clusters, clusterOf, modularity };
}
