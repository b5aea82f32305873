/**
 * Renders a long list a slice at a time: the first `first` items at once, more each time the end
 * of the list scrolls into view (or the "Show more" button is pressed), so a hub note's 5,000
 * backlinks never block the window while they are turned into DOM.
 */
import { useCallback, useEffect, useState } from 'react';

export const FIRST_ITEMS = 100;
export const MORE_ITEMS = 200;

export interface Progressive {
  /** How many items to render now. */
  shown: number;
  more(): void;
  /** Ref for an element after the last rendered item: seeing it loads the next slice. */
  sentinel(el: HTMLElement | null): (() => void) | void;
}

/** `resetKey` starts over from the first slice (another note's list). */
export function useProgressive(total: number, resetKey: unknown, first = FIRST_ITEMS, step = MORE_ITEMS): Progressive {
  const [state, setState] = useState({ key: resetKey, shown: first });
  // A new list starts from its first slice in the same render (no flash of the old count).
  const shown = state.key === resetKey ? state.shown : first;
  useEffect(() => {
    if (state.key !== resetKey) setState({ key: resetKey, shown: first });
  }, [resetKey, first, state.key]);
  const more = useCallback(() => setState((s) => ({ key: resetKey, shown: (s.key === resetKey ? s.shown : first) + step })), [resetKey, first, step]);
  const sentinel = useCallback(
    (el: HTMLElement | null) => {
      if (!el || typeof IntersectionObserver === 'undefined') return;
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) more();
      });
      observer.observe(el);
      return () => observer.disconnect();
    },
    [more],
  );
  return { shown: Math.min(shown, total), more, sentinel };
}
