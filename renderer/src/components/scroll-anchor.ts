/**
 * Keeps what the reader looks at still while a long note draws the chunks above it (a
 * placeholder's estimated height becomes the chunk's real one). The browser's own scroll
 * anchoring is off in a busy note's body (markdown.css): it is missing in some browsers and,
 * on top of this, would correct twice. The anchor is the body's child at the top of the
 * scroller, held by its position in the scrolled content, so a scroll between two commits (the
 * note view scrolling to the address's heading) does not count as a shift.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export const PLACEHOLDER_CLASS = 'progressive-placeholder';

function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

const contentTop = (el: Element, scroller: HTMLElement): number => el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;

/** The body's drawn child at the scroller's top edge (below it when the edge is on a placeholder or a gap). */
function anchorAt(body: HTMLElement, scroller: HTMLElement): Element | null {
  if (typeof document.elementFromPoint !== 'function') return null;
  const box = body.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const x = box.left + Math.min(box.width / 2, 40);
  for (const dy of [2, 24, 64, 160]) {
    let el = document.elementFromPoint(x, view.top + dy);
    while (el && el.parentElement !== body) el = el.parentElement;
    while (el && el.classList.contains(PLACEHOLDER_CLASS)) el = el.nextElementSibling;
    if (el) return el;
  }
  return null;
}

/** Called on every render of a long note; `active` is false once every chunk is drawn. */
export function useScrollAnchor(bodyRef: RefObject<HTMLElement | null>, active: boolean): void {
  const anchor = useRef<{ el: Element; top: number } | null>(null);

  // Every commit: undo the shift the commit made above the anchor (the last one too, which
  // draws the last chunk), then take a new one while chunks are still to come.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const scroller = body && (active || anchor.current) ? scrollerOf(body) : null;
    if (!body || !scroller) {
      anchor.current = null;
      return;
    }
    const held = anchor.current;
    if (held && held.el.isConnected) {
      const shift = contentTop(held.el, scroller) - held.top;
      if (Math.abs(shift) >= 1) scroller.scrollTop += shift;
    }
    const el = active ? anchorAt(body, scroller) : null;
    anchor.current = el ? { el, top: contentTop(el, scroller) } : null;
  });

  // The reader (or the note view) scrolled: what is at the top now is what must stay.
  useEffect(() => {
    const body = bodyRef.current;
    const scroller = body && active ? scrollerOf(body) : null;
    if (!body || !scroller) return;
    const onScroll = () => {
      const el = anchorAt(body, scroller);
      anchor.current = el ? { el, top: contentTop(el, scroller) } : null;
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [bodyRef, active]);
}
