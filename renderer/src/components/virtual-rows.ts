/**
 * Windowing for long lists of equal-height rows: only the rows in (and just around) the scroll
 * container's viewport are rendered, the rest is two spacers. Short lists render every row, so
 * small vaults keep a plain DOM (and find-in-page finds every name).
 */
import { useCallback, useLayoutEffect, useState } from 'react';

/** Lists up to this many rows are rendered whole. */
export const WINDOW_ABOVE_ROWS = 400;
/** Rows rendered beyond each edge of the viewport, so a fast scroll or arrow key lands on rendered rows. */
const OVERSCAN = 20;
/** Used until a row has been measured (and where layout is unavailable). */
const DEFAULT_ROW_PX = 26;
/** Rows shown when the container reports no height (not yet laid out). */
const UNMEASURED_VIEWPORT_ROWS = 60;

export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
  /** Scrolls the container so row `index` is inside the viewport; false while there is no container yet. */
  reveal(index: number): boolean;
}

export function windowFor(count: number, scrollTop: number, viewportPx: number, rowPx: number): { start: number; end: number } {
  if (count <= WINDOW_ABOVE_ROWS) return { start: 0, end: count };
  const visible = viewportPx > 0 ? Math.ceil(viewportPx / rowPx) : UNMEASURED_VIEWPORT_ROWS;
  const first = Math.floor(Math.max(0, scrollTop) / rowPx);
  const start = Math.max(0, Math.min(count, first) - OVERSCAN);
  return { start, end: Math.min(count, first + visible + OVERSCAN) };
}

/** `container` is the scrolling element (held in state by the caller, so the hook sees it appear). */
export function useRowWindow(container: HTMLElement | null, count: number): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 0, rowPx: DEFAULT_ROW_PX });
  const measure = useCallback(() => {
    const el = container;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('[data-row]');
    const rowPx = row && row.offsetHeight > 0 ? row.offsetHeight : DEFAULT_ROW_PX;
    setView((v) =>
      v.scrollTop === el.scrollTop && v.height === el.clientHeight && v.rowPx === rowPx ? v : { scrollTop: el.scrollTop, height: el.clientHeight, rowPx },
    );
  }, [container]);

  useLayoutEffect(() => {
    const el = container;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [container, measure]);

  const { start, end } = windowFor(count, view.scrollTop, view.height, view.rowPx);
  const reveal = useCallback(
    (index: number) => {
      const el = container;
      if (!el) return false;
      if (count <= WINDOW_ABOVE_ROWS) return true;
      const top = index * view.rowPx;
      const height = el.clientHeight || UNMEASURED_VIEWPORT_ROWS * view.rowPx;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + view.rowPx > el.scrollTop + height) el.scrollTop = top + view.rowPx - height;
      measure();
      return true;
    },
    [container, count, view.rowPx, measure],
  );
  return { start, end, padTop: start * view.rowPx, padBottom: (count - end) * view.rowPx, reveal };
}
