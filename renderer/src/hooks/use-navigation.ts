/**
 * The address bar is the source of truth: `#/note/...` names the open note. Our own back/forward
 * stack sits beside it (Electron has no browser chrome), and moving through it rewrites the hash.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatHash, parseHash, type NoteRoute } from '../routing/hash-route';
import { canGoBack, canGoForward, emptyHistory, move, sameRoute, visit, type NavHistory } from './navigation-history';

export interface Navigation {
  route: NoteRoute | null;
  open(route: NoteRoute): void;
  back(): void;
  forward(): void;
  canBack: boolean;
  canForward: boolean;
}

export function useNavigation(): Navigation {
  const [route, setRoute] = useState<NoteRoute | null>(() => parseHash(window.location.hash));
  const [history, setHistory] = useState<NavHistory>(() => (route ? visit(emptyHistory, route) : emptyHistory));
  const historyRef = useRef(history);
  historyRef.current = history;

  useEffect(() => {
    const onHash = () => {
      const next = parseHash(window.location.hash);
      if (!next) return;
      setRoute(next);
      setHistory((h) => (sameRoute(h.entries[h.index], next) ? h : visit(h, next)));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = useCallback((next: NoteRoute) => {
    const hash = formatHash(next);
    if (window.location.hash === hash) {
      setRoute(next);
      return;
    }
    window.location.hash = hash;
  }, []);

  const go = useCallback((delta: -1 | 1) => {
    const moved = move(historyRef.current, delta);
    if (moved === historyRef.current) return;
    // Update the cursor first so the resulting hashchange finds the route already current.
    historyRef.current = moved;
    setHistory(moved);
    const target = moved.entries[moved.index];
    setRoute(target);
    window.location.hash = formatHash(target);
  }, []);

  return {
    route,
    open,
    back: useCallback(() => go(-1), [go]),
    forward: useCallback(() => go(1), [go]),
    canBack: canGoBack(history),
    canForward: canGoForward(history),
  };
}
