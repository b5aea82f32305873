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

export function findSplit(node: LayoutNode, id: string): Split | null {
  if (node.kind === 'pane') return null;
  if (node.id === id) return node;
  for (const c of node.children) {
    const hit = findSplit(c, id);
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

export function mapSplit(node: LayoutNode, id: string, f: (split: Split) => Split): LayoutNode {
  if (node.kind === 'pane') return node;
  if (node.id === id) return f(node);
  let changed = false;
  const children = node.children.map((c) => {
    const m = mapSplit(c, id, f);
    if (m !== c) changed = true;
    return m;
  });
  return changed ? { ...node, children } : node;
}

/** A split's children's shares as fractions summing to 1 (equal when it has no sizes). */
export function shares(split: Split): number[] {
  const w = split.sizes && split.sizes.length === split.children.length ? split.sizes : split.children.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/**
 * The canonical form: no split with fewer than two children (one child takes its place) and no
 * split directly inside a split of the same direction (its children join the parent's, sharing
 * the space it had, so splitting a pane halves that pane and leaves its neighbours as they were).
 */
export function normalize(node: LayoutNode): LayoutNode {
  if (node.kind === 'pane') return node;
  const own = shares(node);
  const children: LayoutNode[] = [];
  const sizes: number[] = [];
  let flattened = false;
  node.children.map(normalize).forEach((c, i) => {
    if (c.kind === 'split' && c.direction === node.direction) {
      flattened = true;
      shares(c).forEach((s, j) => {
        children.push(c.children[j]);
        sizes.push(own[i] * s);
      });
    } else {
      children.push(c);
      sizes.push(own[i]);
    }
  });
  if (children.length === 1) return children[0];
  return node.sizes || flattened ? { ...node, children, sizes } : { ...node, children };
}

/** The tree without the pane `id`; the caller makes sure it is not the only pane. Its space goes to the panes left, in proportion. */
export function collapse(root: LayoutNode, id: string): LayoutNode {
  const drop = (node: LayoutNode): LayoutNode | null => {
    if (node.kind === 'pane') return node.id === id ? null : node;
    const own = shares(node);
    const kept = node.children.map((c, i) => [drop(c), own[i]] as const).filter((k): k is readonly [LayoutNode, number] => k[0] !== null);
    if (kept.length === 0) return null;
    const children = kept.map((k) => k[0]);
    return node.sizes ? { ...node, children, sizes: kept.map((k) => k[1]) } : { ...node, children };
  };
  const out = drop(root);
  if (!out) throw new Error('layout: cannot remove the only pane');
  return normalize(out);
}

/** Puts `pane` after (or `before`) the pane `besideId`, in a split of `direction` (joining the parent's when it already runs that way). */
export function insertBeside(root: LayoutNode, besideId: string, pane: Pane, direction: Split['direction'], splitId: string, before = false): LayoutNode {
  const visit = (node: LayoutNode): LayoutNode => {
    if (node.kind === 'pane') return node.id === besideId ? { kind: 'split', id: splitId, direction, children: before ? [pane, node] : [node, pane] } : node;
    return { ...node, children: node.children.map(visit) };
  };
  return normalize(visit(root));
}
