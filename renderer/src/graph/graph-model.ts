/**
 * The renderer's copy of the vault graph: nodes, edges and an undirected adjacency index,
 * kept current by applying service deltas. Cytoscape only ever shows a view of this model
 * (the whole graph, or a local neighbourhood), so switching views never refetches.
 */
import type { GraphDelta, GraphEdge, GraphNode, GraphSnapshot } from '../../../main/core/types';

export class GraphModel {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** Undirected neighbours with how many edges join the pair (a→b and b→a are separate edges). */
  private readonly adjacency = new Map<string, Map<string, number>>();
  /** Edge ids per node, so removing a node does not scan every edge. */
  private readonly incident = new Map<string, Set<string>>();
  /** Bumped on every change so React memo keys can notice. */
  version = 0;

  constructor(snapshot?: GraphSnapshot) {
    if (snapshot) this.reset(snapshot);
  }

  reset(snapshot: GraphSnapshot): void {
    this.nodes.clear();
    this.edges.clear();
    this.adjacency.clear();
    this.incident.clear();
    for (const n of snapshot.nodes) this.nodes.set(n.id, n);
    for (const e of snapshot.edges) this.addEdge(e);
    this.version++;
  }

  /** Applies a delta; returns the ids whose degree may have changed (endpoints of touched edges). */
  applyDelta(delta: GraphDelta): Set<string> {
    const touched = new Set<string>();
    for (const id of delta.edgesRemoved) {
      const e = this.edges.get(id);
      if (!e) continue;
      this.removeEdge(e);
      touched.add(e.source).add(e.target);
    }
    for (const id of delta.nodesRemoved) {
      for (const other of this.neighbours(id)) touched.add(other);
      for (const edgeId of [...(this.incident.get(id) ?? [])]) {
        const e = this.edges.get(edgeId);
        if (e) this.removeEdge(e);
      }
      this.nodes.delete(id);
      this.adjacency.delete(id);
      this.incident.delete(id);
      touched.delete(id);
    }
    for (const n of [...delta.nodesAdded, ...delta.nodesChanged]) this.nodes.set(n.id, n);
    for (const e of [...delta.edgesAdded, ...delta.edgesChanged]) {
      const old = this.edges.get(e.id);
      if (old) this.removeEdge(old);
      this.addEdge(e);
      touched.add(e.source).add(e.target);
    }
    this.version++;
    return touched;
  }

  neighbours(id: string): Iterable<string> {
    return this.adjacency.get(id)?.keys() ?? [];
  }

  degree(id: string): number {
    return this.adjacency.get(id)?.size ?? 0;
  }

  snapshot(): GraphSnapshot {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  private addEdge(e: GraphEdge): void {
    this.edges.set(e.id, e);
    for (const end of [e.source, e.target]) {
      let set = this.incident.get(end);
      if (!set) this.incident.set(end, (set = new Set()));
      set.add(e.id);
    }
    if (e.source === e.target) return; // A self-link adds no neighbour.
    this.link(e.source, e.target, 1);
    this.link(e.target, e.source, 1);
  }

  private removeEdge(e: GraphEdge): void {
    this.edges.delete(e.id);
    this.incident.get(e.source)?.delete(e.id);
    this.incident.get(e.target)?.delete(e.id);
    if (e.source === e.target) return;
    this.link(e.source, e.target, -1);
    this.link(e.target, e.source, -1);
  }

  private link(a: string, b: string, by: 1 | -1): void {
    let map = this.adjacency.get(a);
    if (!map) this.adjacency.set(a, (map = new Map()));
    const count = (map.get(b) ?? 0) + by;
    if (count > 0) map.set(b, count);
    else map.delete(b);
  }
}

/** Ids within `depth` undirected hops of any of `centres` (the centres included). */
export function neighbourhood(model: GraphModel, centres: Iterable<string>, depth: number): Set<string> {
  const seen = new Set<string>();
  let frontier: string[] = [];
  for (const c of centres) {
    if (model.nodes.has(c) && !seen.has(c)) {
      seen.add(c);
      frontier.push(c);
    }
  }
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of model.neighbours(id)) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen;
}
