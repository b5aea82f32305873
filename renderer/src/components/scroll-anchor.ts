/**
 * Keeps what the reader looks at still while a long note draws the chunks above it (a
 * placeholder's estimated height becomes the chunk's real one), and after, while embeds and
 * images above it load. The browser's own scroll anchoring is off in such a note's body
 * (markdown.css, `is-progressive`): it is missing in some browsers and, on top of this, corrects
 * twice (it did on the commit that draws the last chunk, when it was only off while busy). The anchor is the body's child at the top of the
 * scroller, held by its position in the scrolled content, so a scroll between two commits (the
 * note view scrolling to the address's heading) does not count as a shift.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { childAtEdge, PLACEHOLDER_CLASS } from './anchor-search';

export { PLACEHOLDER_CLASS };

function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

const contentTop = (el: Element, scroller: HTMLElement): number => el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;

/** Below the scroller's top edge by this much: a child only a sliver of which is still in view is not what the reader looks at. */
const EDGE_INSET_PX = 2;

/** The body's drawn child at the scroller's top edge (below it when the edge is on a placeholder or a gap). */
const anchorAt = (body: HTMLElement, scroller: HTMLElement): Element | null => childAtEdge(body, scroller.getBoundingClientRect().top + EDGE_INSET_PX);

type Held = { el: Element; top: number } | null;

/** Scrolls by what the content above the held anchor grew since it was taken; then takes a new one. */
function correct(held: Held, body: HTMLElement, scroller: HTMLElement): Held {
  if (held && held.el.isConnected) {
    const shift = contentTop(held.el, scroller) - held.top;
    if (Math.abs(shift) >= 1) scroller.scrollTop += shift;
  }
  const el = anchorAt(body, scroller);
  return el ? { el, top: contentTop(el, scroller) } : null;
}

/** Called on every render of a note's body; `active` while the note is drawn in parts. */
export function useScrollAnchor(bodyRef: RefObject<HTMLElement | null>, active: boolean): void {
  const anchor = useRef<Held>(null);

  // Every commit: undo the shift the commit made above the anchor, then take a new one.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const scroller = body && active ? scrollerOf(body) : null;
    anchor.current = body && scroller ? correct(anchor.current, body, scroller) : null;
  });

  // The reader (or the note view) scrolled: what is at the top now is what must stay. And the
  // body changed size outside this view's commits (an embed or image above loaded): undo that too.
  useEffect(() => {
    const body = bodyRef.current;
    const scroller = body && active ? scrollerOf(body) : null;
    if (!body || !scroller) return;
    const take = () => {
      anchor.current = correct(null, body, scroller);
    };
    const onResize = () => {
      anchor.current = correct(anchor.current, body, scroller);
    };
    scroller.addEventListener('scroll', take, { passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
    resized?.observe(body);
    return () => {
      scroller.removeEventListener('scroll', take);
      resized?.disconnect();
    };
  }, [bodyRef, active]);
}
