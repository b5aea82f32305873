/** Tree surgery for the layout model: find, replace, insert beside and remove panes, keeping the tree canonical. */
import type { LayoutNode, Pane, Split } from './layout-types';

export function panesOf(node: LayoutNode): Pane[] {
  return node.kind === 'pane' ? [node] : node.children.flatMap(panesOf);
}

export function findPane(node: LayoutNode, id: string): Pane | null {
  if (node.kind === 'pane') return node.id === id ? node : null;
  for (const c of node.children) {
    const hit = findPane(c, id);
    if (hit) return hit;
  }
  return null;
}

export function mapPane(node: LayoutNode, id: string, f: (pane: Pane) => Pane): LayoutNode {
  if (node.kind === 'pane') return node.id === id ? f(node) : node;
  let changed = false;
  const children = node.children.map((c) => {
    const m = mapPane(c, id, f);
    if (m !== c) changed = true;
    return m;
  });
  return changed ? { ...node, children } : node;
}

/**
 * The canonical form: no split with fewer than two children (one child takes its place) and no
 * split directly inside a split of the same direction (its children join the parent's).
 */
export function normalize(node: LayoutNode): LayoutNode {
  if (node.kind === 'pane') return node;
  const children = node.children.map(normalize).flatMap((c) => (c.kind === 'split' && c.direction === node.direction ? c.children : [c]));
  if (children.length === 1) return children[0];
  return { ...node, children };
}

/** The tree without the pane `id`; the caller makes sure it is not the only pane. */
export function collapse(root: LayoutNode, id: string): LayoutNode {
  const drop = (node: LayoutNode): LayoutNode | null => {
    if (node.kind === 'pane') return node.id === id ? null : node;
    const children = node.children.map(drop).filter((c): c is LayoutNode => c !== null);
    return children.length === 0 ? null : { ...node, children };
  };
  const out = drop(root);
  if (!out) throw new Error('layout: cannot remove the only pane');
  return normalize(out);
}

/** Puts `pane` after the pane `besideId`, in a split of `direction` (joining the parent's when it already runs that way). */
export function insertBeside(root: LayoutNode, besideId: string, pane: Pane, direction: Split['direction'], splitId: string): LayoutNode {
  const visit = (node: LayoutNode): LayoutNode => {
    if (node.kind === 'pane') return node.id === besideId ? { kind: 'split', id: splitId, direction, children: [node, pane] } : node;
    return { ...node, children: node.children.map(visit) };
  };
  return normalize(visit(root));
}
