/** Back/forward over opened notes: a pure list + cursor, so the rules are testable without a DOM. */
import type { NoteRoute } from '../routing/hash-route';

export interface NavHistory {
  entries: NoteRoute[];
  index: number;
}

export const emptyHistory: NavHistory = { entries: [], index: -1 };

export function sameRoute(a: NoteRoute | null | undefined, b: NoteRoute | null | undefined): boolean {
  return !!a && !!b && a.path === b.path && a.heading === b.heading && a.block === b.block;
}

/** Visiting a new route drops the forward entries, like a browser. Revisiting the current one is a no-op. */
export function visit(history: NavHistory, route: NoteRoute): NavHistory {
  if (sameRoute(history.entries[history.index], route)) return history;
  const entries = [...history.entries.slice(0, history.index + 1), route];
  return { entries, index: entries.length - 1 };
}

export function move(history: NavHistory, delta: -1 | 1): NavHistory {
  const index = history.index + delta;
  if (index < 0 || index >= history.entries.length) return history;
  return { ...history, index };
}

export const canGoBack = (h: NavHistory): boolean => h.index > 0;
export const canGoForward = (h: NavHistory): boolean => h.index < h.entries.length - 1;
