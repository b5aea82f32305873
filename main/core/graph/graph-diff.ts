/**
 * Turns "these elements before" and "these elements after" into a GraphDelta. The graph
 * captures only the elements a change could touch, so a one-note edit diffs a handful of
 * elements, not the vault.
 */
import type { GraphDelta, GraphEdge, GraphNode } from '../types';

export interface ElementState {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

// Characters JSON.stringify would escape; strings without them can be quoted by concatenation.
// eslint-disable-next-line no-control-regex -- the control characters are among those JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Opaque, unambiguous edge id (paths may contain any separator we could pick): exactly
 * JSON.stringify([source, target]), built by concatenation in the usual case because this runs
 * once per edge while indexing and JSON.stringify of an array costs several times more.
 */
export function edgeId(source: string, target: string): string {
  if (NEEDS_ESCAPE.test(source) || NEEDS_ESCAPE.test(target)) return JSON.stringify([source, target]);
  return `["${source}","${target}"]`;
}

/** The source and target an edge id names (the inverse of edgeId). */
export function edgeEnds(id: string): [source: string, target: string] {
  const ends: unknown = JSON.parse(id);
  if (!Array.isArray(ends) || ends.length !== 2 || typeof ends[0] !== 'string' || typeof ends[1] !== 'string') throw new Error(`not an edge id: ${id}`);
  return [ends[0], ends[1]];
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.kind === b.kind && a.label === b.label && a.path === b.path && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}

export function emptyDelta(): GraphDelta {
  return { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] };
}

export function isEmptyDelta(delta: GraphDelta): boolean {
  return Object.values(delta).every((list) => list.length === 0);
}

export function diffElements(before: ElementState, after: ElementState): GraphDelta {
  const delta = emptyDelta();
  for (const [id, node] of after.nodes) {
    const old = before.nodes.get(id);
    if (!old) delta.nodesAdded.push(node);
    else if (!sameNode(old, node)) delta.nodesChanged.push(node);
  }
  for (const id of before.nodes.keys()) if (!after.nodes.has(id)) delta.nodesRemoved.push(id);
  for (const [id, edge] of after.edges) {
    const old = before.edges.get(id);
    if (!old) delta.edgesAdded.push(edge);
    else if (old.count !== edge.count) delta.edgesChanged.push(edge);
  }
  for (const id of before.edges.keys()) if (!after.edges.has(id)) delta.edgesRemoved.push(id);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  delta.nodesAdded.sort(byId);
  delta.nodesChanged.sort(byId);
  delta.edgesAdded.sort(byId);
  delta.edgesChanged.sort(byId);
  delta.nodesRemoved.sort();
  delta.edgesRemoved.sort();
  return delta;
}
