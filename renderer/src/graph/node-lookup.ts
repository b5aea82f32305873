/** Finding nodes by what a person types: exact title first, then path, then unique prefix. */
import type { GraphNode } from '../../../main/core/types';
import type { GraphModel } from './graph-model';

export function findNode(model: GraphModel, text: string): GraphNode | null {
  const q = text.trim().toLowerCase();
  if (q === '') return null;
  const exact = model.nodes.get(text.trim());
  if (exact) return exact;
  let byPath: GraphNode | null = null;
  const prefixed: GraphNode[] = [];
  for (const n of model.nodes.values()) {
    const label = n.label.toLowerCase();
    if (label === q && n.kind === 'note') return n;
    if (n.path?.toLowerCase() === q) byPath = n;
    else if (label.startsWith(q)) prefixed.push(n);
  }
  return byPath ?? (prefixed.length === 1 ? prefixed[0] : null);
}

/** Up to `limit` suggestions: titles starting with the text first, then containing it. */
export function suggestNodes(model: GraphModel, text: string, limit = 20): GraphNode[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [];
  const starts: GraphNode[] = [];
  const contains: GraphNode[] = [];
  for (const n of model.nodes.values()) {
    const label = n.label.toLowerCase();
    if (label.startsWith(q)) starts.push(n);
    else if (label.includes(q)) contains.push(n);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
