/**
 * The hast passes' walk: every element in document order, parents before children, like
 * unist-util-visit's `visit(tree, 'element', ...)`, but iterative and without a fresh ancestors
 * array per node, and never into the math KaTeX drew (marked by rehype-math.ts), which is most
 * of the elements of a math-heavy note and holds nothing these passes look for. On a 1 MB note
 * the walks with `visit` were a fifth of the render, their garbage much of the rest.
 *
 * The visitor may change the element and its children (they are read after it returns), or
 * replace it in its parent (the walk then goes into what is at that index now); returning
 * SKIP_CHILDREN leaves its children out.
 */
import type { Element, Root } from 'hast';

export const SKIP_CHILDREN = 'skip-children';

type Parent = Root | Element;

/** Marks KaTeX's output so that walks pass it by; `data` is ours, sanitize and the note's HTML cannot set it. */
export function markAsMath(node: Element): void {
  node.data = { ...node.data, plexusMath: true } as Element['data'];
}

export function isMath(node: Element): boolean {
  return (node.data as { plexusMath?: boolean } | undefined)?.plexusMath === true;
}

export function eachElement(
  tree: Parent,
  visitor: (element: Element, index: number, parent: Parent, ancestors: readonly Parent[]) => void | typeof SKIP_CHILDREN,
): void {
  // ancestors[k] is the parent whose children indexes[k] walks; the last is the current parent.
  const ancestors: Parent[] = [tree];
  const indexes: number[] = [0];
  while (ancestors.length > 0) {
    const depth = ancestors.length - 1;
    const parent = ancestors[depth];
    const index = indexes[depth];
    if (index >= parent.children.length) {
      ancestors.pop();
      indexes.pop();
      continue;
    }
    indexes[depth] = index + 1;
    const child = parent.children[index];
    if (child.type !== 'element' || isMath(child)) continue;
    if (visitor(child, index, parent, ancestors) === SKIP_CHILDREN) continue;
    const now = parent.children[index];
    if (now?.type === 'element' && !isMath(now)) {
      ancestors.push(now);
      indexes.push(0);
    }
  }
}
