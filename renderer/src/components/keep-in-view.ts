/**
 * Keeping a list's current row in sight, as Obsidian's outline does while the note scrolls: the
 * list moves only as far as it must, and not at all while the row is already in view, so a
 * person scrolling the list by hand is not fought.
 */

/** The scroll offset that shows the span [top, bottom) with the least movement; `scrollTop` itself when it is in view. */
export function nearestScrollTop(scrollTop: number, viewHeight: number, top: number, bottom: number): number {
  if (viewHeight <= 0) return scrollTop;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewHeight) return Math.min(top, bottom - viewHeight);
  return scrollTop;
}

/** The nearest ancestor of `el` that scrolls vertically (overflow auto or scroll, with more content than room). */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** Scrolls `el`'s scrolling ancestor (only that one, never the page or the note) so `el` is in view. */
export function keepInView(el: HTMLElement): void {
  const box = scrollParent(el);
  if (!box) return;
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  const next = nearestScrollTop(box.scrollTop, box.clientHeight, top, top + el.offsetHeight);
  if (next !== box.scrollTop) box.scrollTop = next;
}
