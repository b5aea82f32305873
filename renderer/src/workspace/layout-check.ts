/**
 * What a valid layout is, as a list of problems (empty when valid): used by the property test and
 * to reject a stored workspace that is not one (restore then starts fresh instead of crashing).
 */
import type { Layout, LayoutNode } from './layout-model';

export function layoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  let activeFound = 0;
  const seen = (id: string) => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    // New ids count up from seq, so an id at or above it would be handed out twice.
    if (!(Number(id.slice(1)) < layout.seq)) problems.push(`id ${id} not below seq ${layout.seq}`);
    ids.add(id);
  };
  const walk = (node: LayoutNode, parent: LayoutNode | null) => {
    seen(node.id);
    if (node.kind === 'split') {
      if (node.children.length < 2) problems.push(`split ${node.id} has ${node.children.length} children`);
      if (parent && parent.kind === 'split' && parent.direction === node.direction) problems.push(`split ${node.id} runs the same way as its parent`);
      if (node.sizes && (node.sizes.length !== node.children.length || !node.sizes.every((x) => Number.isFinite(x) && x > 0)))
        problems.push(`split ${node.id} sizes [${node.sizes.join(',')}] do not fit its ${node.children.length} children`);
      for (const c of node.children) walk(c, node);
      return;
    }
    if (node.id === layout.activePane) activeFound++;
    if (node.tabs.length === 0 && node.active !== null) problems.push(`empty pane ${node.id} has an active tab`);
    if (node.tabs.length > 0 && !node.tabs.some((t) => t.id === node.active)) problems.push(`pane ${node.id} shows no tab of its own`);
    if (node.tabs.length === 0 && parent !== null) problems.push(`empty pane ${node.id} inside a split`);
    for (const t of node.tabs) {
      seen(t.id);
      if (t.entries.length === 0 ? t.index !== -1 : t.index < 0 || t.index >= t.entries.length)
        problems.push(`tab ${t.id} index ${t.index} outside its ${t.entries.length} entries`);
    }
  };
  walk(layout.root, null);
  if (activeFound !== 1) problems.push(`active pane ${layout.activePane} found ${activeFound} times`);
  return problems;
}
