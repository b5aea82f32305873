/**
 * The body's child at a horizontal line of the viewport, found by a binary search over the
 * body's children: they are laid out in document order, one below the other, so their bottoms
 * only grow. Asking the browser which element is at a point (elementFromPoint) hit-tests the whole
 * page and was most of the time spent while a long note filled in; a rectangle per probe is not.
 */
export const PLACEHOLDER_CLASS = 'progressive-placeholder';

/** A child that is not laid out (display: none) has an empty box at 0,0: it says nothing about where the line is. */
const laidOut = (box: DOMRect): boolean => box.width !== 0 || box.height !== 0 || box.top !== 0;

/** The first child in [from, to) that is laid out, with its bottom; null when none is. */
function laidOutFrom(children: HTMLCollection, from: number, to: number): { index: number; bottom: number } | null {
  for (let i = from; i < to; i++) {
    const box = children[i].getBoundingClientRect();
    if (laidOut(box)) return { index: i, bottom: box.bottom };
  }
  return null;
}

/**
 * The first direct child of `body` whose box reaches below `edge` (viewport coordinates), past
 * placeholders (a chunk not drawn yet holds no place a reader looks at); null when none does.
 */
export function childAtEdge(body: Element, edge: number): Element | null {
  const children = body.children;
  let lo = 0;
  let hi = children.length;
  // Invariant: every laid-out child before lo ends at or above the edge; the answer is in [lo, hi].
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = laidOutFrom(children, mid, hi);
    if (probe === null) hi = mid;
    else if (probe.bottom > edge) hi = probe.index;
    else lo = probe.index + 1;
  }
  let el: Element | null = lo < children.length ? children[lo] : null;
  while (el && (el.classList.contains(PLACEHOLDER_CLASS) || !laidOut(el.getBoundingClientRect()))) el = el.nextElementSibling;
  return el;
}
