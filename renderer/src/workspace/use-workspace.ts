/**
 * The workspace state, and its bond with the address bar. The layout (layout-model.ts) is the
 * source of truth; the hash mirrors the active tab (`#/note/...` for a note, `#/graph` for the
 * graph, none for an empty tab), so deep links and links in rendered markdown keep working: a
 * hash change the app did not make (a clicked `<a href="#/note/...">`, the browser's own back)
 * opens that note in the active tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatHash, parseHash, type NoteRoute } from '../routing/hash-route';
import {
  activeTabOf,
  canMove,
  contextRoute,
  currentView,
  initialLayout,
  moveHistory,
  openInActive,
  openInNewTab,
  sameView,
  type Layout,
  type Tab,
  type View,
} from './layout-model';

export const GRAPH_HASH = '#/graph';

export const noteView = (route: NoteRoute): View => ({ kind: 'note', route });

export function hashFor(view: View | null): string {
  if (!view) return '';
  return view.kind === 'note' ? formatHash(view.route) : GRAPH_HASH;
}

export interface Workspace {
  layout: Layout;
  /** Apply a transition (layout-model.ts) to the layout. */
  update(f: (layout: Layout) => Layout): void;
  activeTab: Tab | null;
  /** What the active tab shows. */
  view: View | null;
  /** The note the active tab is about (its note, or the note a graph was opened from). */
  route: NoteRoute | null;
  open(route: NoteRoute): void;
  openInNewTab(route: NoteRoute): void;
  back(): void;
  forward(): void;
  canBack: boolean;
  canForward: boolean;
}

export function useWorkspace(): Workspace {
  const [layout, setLayout] = useState<Layout>(() => {
    const route = parseHash(window.location.hash);
    return route ? openInActive(initialLayout(), noteView(route)) : initialLayout();
  });

  // What the layout last asked the address bar for. The hash is written only when that changes,
  // so a hash changed from outside is opened, never overwritten with the old note: one can land
  // between the first render and the listener's registration (Electron's deep links change it as
  // soon as the page has loaded), and StrictMode runs mount effects twice.
  const lastWanted = useRef<string | null>(null);
  const applyOutsideHash = useCallback(() => {
    const route = parseHash(window.location.hash);
    if (!route) return;
    setLayout((l) => (sameView(currentView(activeTabOf(l)), noteView(route)) ? l : openInActive(l, noteView(route))));
  }, []);

  useEffect(() => {
    window.addEventListener('hashchange', applyOutsideHash);
    return () => window.removeEventListener('hashchange', applyOutsideHash);
  }, [applyOutsideHash]);

  const activeTab = activeTabOf(layout);
  const view = currentView(activeTab);
  const wanted = hashFor(view);
  useEffect(() => {
    if (lastWanted.current === wanted) return;
    const first = lastWanted.current === null;
    lastWanted.current = wanted;
    const current = window.location.hash;
    if (first && current !== wanted && parseHash(current)) return applyOutsideHash();
    if (current === wanted || (wanted === '' && current === '')) return;
    if (wanted === '') {
      // An empty tab names no note: drop the hash without a navigation, so the next click on any note link is a change.
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    } else {
      window.location.hash = wanted;
    }
  }, [wanted, applyOutsideHash]);

  const update = useCallback((f: (l: Layout) => Layout) => setLayout(f), []);
  const open = useCallback((route: NoteRoute) => setLayout((l) => openInActive(l, noteView(route))), []);
  const openNew = useCallback((route: NoteRoute) => setLayout((l) => openInNewTab(l, noteView(route))), []);
  const back = useCallback(() => setLayout((l) => moveHistory(l, -1)), []);
  const forward = useCallback(() => setLayout((l) => moveHistory(l, 1)), []);

  return useMemo(
    () => ({
      layout,
      update,
      activeTab,
      view,
      route: contextRoute(activeTab),
      open,
      openInNewTab: openNew,
      back,
      forward,
      canBack: canMove(activeTab, -1),
      canForward: canMove(activeTab, 1),
    }),
    [layout, update, activeTab, view, open, openNew, back, forward],
  );
}
