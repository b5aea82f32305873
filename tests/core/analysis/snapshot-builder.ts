/** Tiny GraphSnapshot builders for the analysis tests: notes named by id, edges as 'a>b' pairs. */
import type { GraphEdge, GraphNode, GraphSnapshot } from '../../../main/core/types';
import { PLACEHOLDER_PREFIX } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

export function note(id: string, tags: string[] = [], path: string | null = `${id}.md`): GraphNode {
  return { id, kind: 'note', label: id.replace(/^.*\//, '').replace(/\.md$/, ''), path: path === null ? null : vp(path), tags };
}

export function placeholder(target: string): GraphNode {
  return { id: PLACEHOLDER_PREFIX + target.toLowerCase(), kind: 'placeholder', label: target, path: null, tags: [] };
}

/** `links` like ['a>b', 'b>c'] (directed); notes are created for every id that is not given. */
export function snapshotOf(links: string[], extraNodes: GraphNode[] = []): GraphSnapshot {
  const nodes = new Map<string, GraphNode>(extraNodes.map((n) => [n.id, n]));
  const edges: GraphEdge[] = [];
  for (const link of links) {
    const [source, target] = link.split('>');
    for (const id of [source, target]) if (!nodes.has(id)) nodes.set(id, note(id));
    edges.push({ id: `${source}->${target}`, source, target, count: 1 });
  }
  return { nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), edges };
}

export function pathGraph(n: number): GraphSnapshot {
  const links: string[] = [];
  for (let i = 0; i < n - 1; i++) links.push(`n${i}>n${i + 1}`);
  return snapshotOf(links);
}

/** Hub 'hub' linked from every leaf l0..l(n-1). */
export function star(n: number): GraphSnapshot {
  return snapshotOf(Array.from({ length: n }, (_, i) => `l${i}>hub`));
}

/** Two 5-cliques a0..a4 and b0..b4; 'bridge' links to a0..a2 and b0..b2 and nothing else joins them. */
export function twoCliquesWithBridge(): GraphSnapshot {
  const links: string[] = [];
  for (const side of ['a', 'b']) {
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) links.push(`${side}${i}>${side}${j}`);
  }
  for (let i = 0; i < 3; i++) links.push(`bridge>a${i}`, `bridge>b${i}`);
  return snapshotOf(links);
}
