/**
 * Keeps what the reader looks at still while a long note draws the chunks above it (a
 * placeholder's estimated height becomes the chunk's real one), and after, while embeds and
 * images above it load. The browser's own scroll anchoring is off in such a note's body
 * (markdown.css, `is-progressive`): it is missing in some browsers and, on top of this, corrects
 * twice (it did on the commit that draws the last chunk, when it was only off while busy). The anchor is the body's child at the top of the
 * scroller, held by its position in the scrolled content, so a scroll between two commits (the
 * note view scrolling to the address's heading) does not count as a shift. Blocks out of view are
 * skipped by the browser (`content-visibility: auto`): they keep a stand-in height until first
 * shown, and the body's resize observer corrects for them when they take their real one.
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

/**
 * The anchor: where it was in the scrolled content, the scroll offset then, and how far below
 * the scroller's top it is to stay. That last is kept while the anchor and the offset stay the
 * same: measured anew after each correction, it drifted by the rounding of the offset, a pixel
 * now and then over the hundreds of corrections of a long note.
 */
type Held = { el: Element; top: number; scrollTop: number; view: number } | null;

/**
 * Whether the offset moved since the anchor was taken by more than the browser's own clamping:
 * when the content shrinks under the view (placeholders above drawn shorter than estimated, near
 * the note's end) the offset falls to the new maximum. That fall is no scroll of the reader's;
 * counting from it would move the anchor twice (a late heading ended far below the view).
 */
function scrolledSince(held: NonNullable<Held>, scroller: HTMLElement): boolean {
  const now = scroller.scrollTop;
  if (Math.abs(now - held.scrollTop) < 1) return false;
  // Within 2 px: the offset is fractional, the content's height is not.
  const clamped = now < held.scrollTop && now >= scroller.scrollHeight - scroller.clientHeight - 2;
  return !clamped;
}

const take = (el: Element | null, scroller: HTMLElement, view?: number): Held => {
  if (!el) return null;
  const top = contentTop(el, scroller);
  return { el, top, scrollTop: scroller.scrollTop, view: view ?? top - scroller.scrollTop };
};

/** Scrolls by what the content above the held anchor grew since it was taken; then takes a new one. */
function correct(held: Held, body: HTMLElement, scroller: HTMLElement): Held {
  let keep: number | undefined;
  if (held && held.el.isConnected) {
    const top = contentTop(held.el, scroller);
    if (scrolledSince(held, scroller)) {
      // A scroll between two commits (the note view scrolling to the address's heading): only the growth above counts.
      const shift = top - held.top;
      if (Math.abs(shift) >= 1) scroller.scrollTop += shift;
    } else {
      const wanted = top - held.view;
      if (Math.abs(wanted - scroller.scrollTop) >= 0.5) scroller.scrollTop = wanted;
      keep = held.view;
    }
  }
  const el = anchorAt(body, scroller);
  return take(el, scroller, el === held?.el ? keep : undefined);
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
    const onScroll = () => {
      const held = anchor.current;
      // The scroll a correction made is no new place to keep.
      if (held && held.el.isConnected && Math.abs(scroller.scrollTop - held.scrollTop) < 1) return;
      anchor.current = correct(null, body, scroller);
    };
    const onResize = () => {
      anchor.current = correct(anchor.current, body, scroller);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
    resized?.observe(body);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [bodyRef, active]);
}
