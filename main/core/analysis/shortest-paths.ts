/**
 * All shortest paths between two nodes (unweighted: every edge is one hop, whatever its count).
 * graphology-shortest-path returns one path only, so this is a BFS that keeps every predecessor.
 */
import type { GraphSnapshot } from '../types';
import { adjacency } from './build-graph';

export interface ShortestPathOptions {
  /** Follow links only from source to target. Default false: links are walked both ways. */
  directed?: boolean;
  /** At most this many paths (they are enumerated in lexicographic order of node ids). Default 5. */
  max?: number;
}

/** Each path is a node-id array from `from` to `to`; empty when there is none (or an id is unknown). */
export function shortestPaths(snapshot: GraphSnapshot, from: string, to: string, options: ShortestPathOptions = {}): string[][] {
  return findShortestPaths(snapshot, from, to, options).paths;
}

export interface ShortestPathResult {
  /** The first `max` shortest paths, in lexicographic order of node ids. */
  paths: string[][];
  /** How many shortest paths exist in all (may exceed `paths.length`; can be huge in dense graphs, so a number, not a list). */
  total: number;
}

/** Shortest paths plus how many there are in all, so a view can say "5 of 37". */
export function findShortestPaths(snapshot: GraphSnapshot, from: string, to: string, options: ShortestPathOptions = {}): ShortestPathResult {
  const { directed = false, max = 5 } = options;
  const adj = adjacency(snapshot, directed);
  if (max <= 0 || !adj.has(from) || !adj.has(to)) return { paths: [], total: 0 };
  if (from === to) return { paths: [[from]], total: 1 };

  // BFS from `from`, remembering every predecessor at the previous level.
  const dist = new Map<string, number>([[from, 0]]);
  const preds = new Map<string, string[]>();
  let frontier = [from];
  while (frontier.length > 0 && !dist.has(to)) {
    const next: string[] = [];
    for (const current of frontier) {
      const d = dist.get(current)! + 1;
      for (const neighbour of adj.get(current)!) {
        const known = dist.get(neighbour);
        if (known === undefined) {
          dist.set(neighbour, d);
          preds.set(neighbour, [current]);
          next.push(neighbour);
        } else if (known === d) {
          preds.get(neighbour)!.push(current);
        }
      }
    }
    frontier = next;
  }
  if (!dist.has(to)) return { paths: [], total: 0 };

  // Nodes that lie on some shortest path: walk the predecessor DAG back from `to`.
  const onPath = new Set<string>([to]);
  const stack = [to];
  while (stack.length > 0) {
    for (const pred of preds.get(stack.pop()!) ?? []) {
      if (!onPath.has(pred)) {
        onPath.add(pred);
        stack.push(pred);
      }
    }
  }

  // Forward DFS in sorted neighbour order, so the first `max` paths are the same on every run.
  const paths: string[][] = [];
  const path = [from];
  const walk = (current: string): void => {
    if (paths.length >= max) return;
    if (current === to) {
      paths.push([...path]);
      return;
    }
    const d = dist.get(current)! + 1;
    for (const neighbour of adj.get(current)!) {
      if (dist.get(neighbour) !== d || !onPath.has(neighbour)) continue;
      path.push(neighbour);
      walk(neighbour);
      path.pop();
      if (paths.length >= max) return;
    }
  };
  walk(from);
  return { paths, total: countPaths(from, onPath, dist, preds, to) };
}

/**
 * Number of shortest paths: the paths into a node are the sum over its predecessors, so visiting
 * the nodes on a shortest path in order of distance counts them all in one pass (no recursion:
 * a long chain of notes must not overflow the stack).
 */
function countPaths(from: string, onPath: Set<string>, dist: Map<string, number>, preds: Map<string, string[]>, to: string): number {
  const counts = new Map<string, number>([[from, 1]]);
  const ordered = [...onPath].filter((node) => node !== from).sort((a, b) => dist.get(a)! - dist.get(b)!);
  for (const node of ordered) {
    let sum = 0;
    for (const pred of preds.get(node) ?? []) sum += counts.get(pred) ?? 0;
    counts.set(node, sum);
  }
  return counts.get(to) ?? 0;
}
