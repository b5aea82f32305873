/** Pure tree builders for the sidebar views: headings nest under the nearest shallower heading; tags nest by `/`. */
import type { HeadingInfo } from '../../../main/core/types';
import { compareBase } from '../lib/collate';

export interface OutlineNode {
  heading: HeadingInfo;
  /** Position among the note's headings, to find its element when ids repeat. */
  index: number;
  children: OutlineNode[];
}

export function outlineTree(headings: HeadingInfo[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  headings.forEach((heading, index) => {
    const node: OutlineNode = { heading, index, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  });
  return roots;
}

export interface TagNode {
  /** The full tag (`a/b`), as search wants it. */
  tag: string;
  /** The last segment (`b`), as the tree shows it. */
  name: string;
  /** Notes carrying exactly this tag; null when only nested tags exist below it. */
  count: number | null;
  /** This tag and every tag below it: what a sort by count compares. */
  total: number;
  children: TagNode[];
}

export type TagSort = 'name' | 'count';

export function tagTree(tags: { tag: string; count: number }[], sort: TagSort): TagNode[] {
  const roots: TagNode[] = [];
  const byKey = new Map<string, TagNode>();
  const nodeFor = (parts: string[]): TagNode => {
    const tag = parts.join('/');
    const key = tag.toLowerCase();
    const known = byKey.get(key);
    if (known) return known;
    const node: TagNode = { tag, name: parts[parts.length - 1], count: null, total: 0, children: [] };
    byKey.set(key, node);
    (parts.length > 1 ? nodeFor(parts.slice(0, -1)).children : roots).push(node);
    return node;
  };
  for (const { tag, count } of tags) {
    const parts = tag.split('/').filter((p) => p !== '');
    if (parts.length === 0) continue;
    const node = nodeFor(parts);
    node.count = (node.count ?? 0) + count;
    for (let i = parts.length; i >= 1; i--) nodeFor(parts.slice(0, i)).total += count;
  }
  const order = (a: TagNode, b: TagNode) => (sort === 'count' && a.total !== b.total ? b.total - a.total : compareBase(a.name, b.name));
  const sortAll = (nodes: TagNode[]) => {
    nodes.sort(order);
    for (const n of nodes) sortAll(n.children);
  };
  sortAll(roots);
  return roots;
}
