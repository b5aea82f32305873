/**
 * The sidebars' views as part of the workspace: the arrangement lives in the layout
 * (Layout.sidebarViews, absent for the default), so it is saved and restored with the tabs.
 * reveal() shows a view wherever it has been moved: its sidebar opened, its tab selected, the
 * focus in it.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { Layout } from './layout-model';
import {
  activateSidebarView,
  defaultSidebarViews,
  leaveSidebarView,
  moveSidebarView,
  shiftSidebarView,
  sideOf,
  type Side,
  type SidebarViewId,
  type SidebarViews,
} from './sidebar-views';

const DEFAULT = defaultSidebarViews();

export const sidebarViewsOf = (layout: Layout): SidebarViews => layout.sidebarViews ?? DEFAULT;

interface Deps {
  layout: Layout;
  update(f: (l: Layout) => Layout): void;
  sidebars: { showLeft(): void; showRight(): void };
}

export function useSidebarViews({ layout, update, sidebars }: Deps) {
  const views = sidebarViewsOf(layout);
  const latest = useRef(views);
  latest.current = views;
  const { showLeft, showRight } = sidebars;
  const change = useCallback((f: (s: SidebarViews) => SidebarViews) => update((l) => ({ ...l, sidebarViews: f(sidebarViewsOf(l)) })), [update]);
  const activate = useCallback((id: SidebarViewId) => change((s) => activateSidebarView(s, id)), [change]);
  const move = useCallback((id: SidebarViewId, side: Side, index: number) => change((s) => moveSidebarView(s, id, side, index)), [change]);
  const shift = useCallback((id: SidebarViewId, delta: -1 | 1) => change((s) => shiftSidebarView(s, id, delta)), [change]);
  const leave = useCallback((id: SidebarViewId) => change((s) => leaveSidebarView(s, id)), [change]);
  /** `focusLabel`: the aria-label of the element in the view to scroll to and focus once it is shown. */
  const reveal = useCallback(
    (id: SidebarViewId, focusLabel?: string) => {
      if (sideOf(latest.current, id) === 'left') showLeft();
      else showRight();
      activate(id);
      if (!focusLabel) return;
      requestAnimationFrame(() => {
        const panel = document.getElementById(`sidebar-panel-${id}`)?.querySelector<HTMLElement>(`[aria-label="${focusLabel}"]`);
        panel?.scrollIntoView({ block: 'start' });
        panel?.focus();
      });
    },
    [showLeft, showRight, activate],
  );
  return useMemo(() => ({ views, activate, move, shift, leave, reveal }), [views, activate, move, shift, leave, reveal]);
}
