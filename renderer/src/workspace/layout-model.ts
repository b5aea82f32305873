/**
 * The centre area as data: a tree of splits whose leaves are panes, each pane a row of tabs, each
 * tab a back/forward list of views. Every change is a pure function from layout to layout, so the
 * rules (what closing the last tab does, where a split goes) are tested without a DOM, and any
 * sequence of them keeps the tree valid (layout-check.ts; tests/renderer/workspace/).
 *
 * Ids come from a counter inside the layout, not from randomness, so transitions stay pure.
 */
import type { NoteRoute } from '../routing/hash-route';
import { collapse, findPane, insertBeside, mapPane, panesOf } from './layout-tree';
import type { LayoutNode, NoteMode, Pane, Tab, View } from './layout-types';
import type { SidebarViews } from './sidebar-views';
import type { VaultPath } from '../../../main/core/types';

export type { LayoutNode, NoteMode, Pane, Split, Tab, View } from './layout-types';

export interface Layout {
  root: LayoutNode;
  activePane: string;
  /** Next id number. */
  seq: number;
  /** The sidebars' tab strips (sidebar-views.ts); absent: the default arrangement. */
  sidebarViews?: SidebarViews;
}

export function initialLayout(): Layout {
  return { root: { kind: 'pane', id: 'p0', tabs: [], active: null }, activePane: 'p0', seq: 1 };
}

const nextId = (layout: Layout, prefix: string): [string, Layout] => [`${prefix}${layout.seq}`, { ...layout, seq: layout.seq + 1 }];

export function sameView(a: View | null | undefined, b: View | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'graph' && b.kind === 'graph') return a.local === b.local;
  if (a.kind === 'note' && b.kind === 'note') return a.route.path === b.route.path && a.route.heading === b.route.heading && a.route.block === b.route.block;
  return false;
}

export const currentView = (tab: Tab | null | undefined): View | null => (tab && tab.index >= 0 ? (tab.entries[tab.index] ?? null) : null);

/** The note a tab is about: its view's note, or for a graph the note it was opened from. */
export function contextRoute(tab: Tab | null | undefined): NoteRoute | null {
  if (!tab) return null;
  for (let i = tab.index; i >= 0; i--) {
    const v = tab.entries[i];
    if (v.kind === 'note') return v.route;
  }
  return null;
}

export function activePaneOf(layout: Layout): Pane {
  const pane = findPane(layout.root, layout.activePane);
  if (!pane) throw new Error(`layout: active pane ${layout.activePane} is not in the tree`);
  return pane;
}

export function activeTabOf(layout: Layout): Tab | null {
  const pane = activePaneOf(layout);
  return pane.tabs.find((t) => t.id === pane.active) ?? null;
}

export const allPanes = (layout: Layout): Pane[] => panesOf(layout.root);

function paneOfTab(layout: Layout, tabId: string): Pane | null {
  return allPanes(layout).find((p) => p.tabs.some((t) => t.id === tabId)) ?? null;
}

function updatePane(layout: Layout, paneId: string, f: (pane: Pane) => Pane): Layout {
  return { ...layout, root: mapPane(layout.root, paneId, f) };
}

/** Visiting a view drops the tab's forward entries, like a browser; revisiting the current one is a no-op. */
export function visitTab(tab: Tab, view: View): Tab {
  if (sameView(currentView(tab), view)) return tab;
  const entries = [...tab.entries.slice(0, tab.index + 1), view];
  return { ...tab, entries, index: entries.length - 1 };
}

/** The active tab's mode changed by `f`; no tab, no change. */
export function updateActiveTabMode(layout: Layout, f: (mode: NoteMode) => NoteMode): Layout {
  const pane = activePaneOf(layout);
  const tab = pane.tabs.find((t) => t.id === pane.active);
  if (!tab) return layout;
  const mode = f(tab.mode ?? 'reading');
  if (mode === (tab.mode ?? 'reading')) return layout;
  return updatePane(layout, pane.id, (p) => ({ ...p, tabs: p.tabs.map((t) => (t.id === tab.id ? { ...t, mode } : t)) }));
}

/** Show a view in the active tab (a new tab when the pane has none). */
export function openInActive(layout: Layout, view: View): Layout {
  const pane = activePaneOf(layout);
  if (!pane.active) return openInNewTab(layout, view);
  return updatePane(layout, pane.id, (p) => ({ ...p, tabs: p.tabs.map((t) => (t.id === p.active ? visitTab(t, view) : t)) }));
}

/** A new tab right after the active one, shown; with no view it is an empty tab. */
export function openInNewTab(layout: Layout, view: View | null = null): Layout {
  const [id, next] = nextId(layout, 't');
  const tab: Tab = view ? { id, entries: [view], index: 0 } : { id, entries: [], index: -1 };
  const pane = activePaneOf(next);
  const at = pane.tabs.findIndex((t) => t.id === pane.active);
  return updatePane(next, pane.id, (p) => ({ ...p, tabs: [...p.tabs.slice(0, at + 1), tab, ...p.tabs.slice(at + 1)], active: id }));
}

export function activateTab(layout: Layout, tabId: string): Layout {
  const pane = paneOfTab(layout, tabId);
  if (!pane) return layout;
  return { ...updatePane(layout, pane.id, (p) => ({ ...p, active: tabId })), activePane: pane.id };
}

export function activatePane(layout: Layout, paneId: string): Layout {
  return findPane(layout.root, paneId) ? { ...layout, activePane: paneId } : layout;
}

/** Removes a tab from its pane; the neighbour to the right (else left) is shown; a pane left empty closes unless it is the last. */
function removeTab(layout: Layout, tabId: string): Layout {
  const pane = paneOfTab(layout, tabId);
  if (!pane) return layout;
  const at = pane.tabs.findIndex((t) => t.id === tabId);
  const tabs = pane.tabs.filter((t) => t.id !== tabId);
  const active = pane.active !== tabId ? pane.active : ((tabs[at] ?? tabs[at - 1] ?? null)?.id ?? null);
  if (tabs.length > 0 || allPanes(layout).length === 1) return updatePane(layout, pane.id, (p) => ({ ...p, tabs, active }));
  return closePane(layout, pane.id);
}

export function closeTab(layout: Layout, tabId: string): Layout {
  return removeTab(layout, tabId);
}

export function closeActiveTab(layout: Layout): Layout {
  const pane = activePaneOf(layout);
  return pane.active ? closeTab(layout, pane.active) : allPanes(layout).length > 1 ? closePane(layout, pane.id) : layout;
}

/** Closes a pane (its tabs go with it) and collapses the tree; the last pane cannot close, it is emptied. */
export function closePane(layout: Layout, paneId: string): Layout {
  const panes = allPanes(layout);
  const index = panes.findIndex((p) => p.id === paneId);
  if (index < 0) return layout;
  if (panes.length === 1) return updatePane(layout, paneId, (p) => ({ ...p, tabs: [], active: null }));
  const root = collapse(layout.root, paneId);
  const rest = panesOf(root);
  const activePane = layout.activePane !== paneId ? layout.activePane : (rest[index - 1] ?? rest[0]).id;
  return { ...layout, root, activePane };
}

/** Moves a tab within its pane or to another, at `index` there; a pane left empty closes. */
export function moveTab(layout: Layout, tabId: string, toPane: string, index: number): Layout {
  const from = paneOfTab(layout, tabId);
  if (!from || !findPane(layout.root, toPane)) return layout;
  const tab = from.tabs.find((t) => t.id === tabId)!;
  if (from.id === toPane) {
    const tabs = from.tabs.filter((t) => t.id !== tabId);
    const at = Math.max(0, Math.min(tabs.length, index));
    return { ...updatePane(layout, from.id, (p) => ({ ...p, tabs: [...tabs.slice(0, at), tab, ...tabs.slice(at)], active: tabId })), activePane: from.id };
  }
  const target = findPane(layout.root, toPane)!;
  const at = Math.max(0, Math.min(target.tabs.length, index));
  const added = updatePane(layout, toPane, (p) => ({ ...p, tabs: [...p.tabs.slice(0, at), tab, ...p.tabs.slice(at)], active: tabId }));
  // Removing after adding: the source pane may close, which must not take the moved tab along.
  const removed = removeFrom(added, from.id, tabId);
  return { ...removed, activePane: toPane };
}

function removeFrom(layout: Layout, paneId: string, tabId: string): Layout {
  const pane = findPane(layout.root, paneId)!;
  const tabs = pane.tabs.filter((t) => t.id !== tabId);
  if (tabs.length === 0) return closePane(layout, paneId);
  const at = pane.tabs.findIndex((t) => t.id === tabId);
  const active = pane.active !== tabId ? pane.active : (tabs[at] ?? tabs[at - 1]).id;
  return updatePane(layout, paneId, (p) => ({ ...p, tabs, active }));
}

/**
 * Split right / down: a new pane beside the active one showing the active tab's view (as
 * Obsidian does), or an empty tab when there is none; the new pane becomes active.
 */
export function splitActive(layout: Layout, side: 'right' | 'down'): Layout {
  const source = activePaneOf(layout);
  // An empty pane has nothing to show twice, and an empty pane may not sit in a split.
  if (source.tabs.length === 0) return layout;
  const view = currentView(activeTabOf(layout));
  const [paneId, a] = nextId(layout, 'p');
  const [splitId, b] = nextId(a, 's');
  const [tabId, c] = nextId(b, 't');
  const tab: Tab = view ? { id: tabId, entries: [view], index: 0 } : { id: tabId, entries: [], index: -1 };
  const pane: Pane = { kind: 'pane', id: paneId, tabs: [tab], active: tabId };
  const root = insertBeside(c.root, source.id, pane, side === 'right' ? 'row' : 'column', splitId);
  return { ...c, root, activePane: paneId };
}

export type PaneEdge = 'left' | 'right' | 'top' | 'bottom';

/**
 * A tab dropped on an edge of a pane: a new pane on that side of it holding the tab, which leaves
 * its old pane (closing it when emptied). A pane's only tab dropped on its own edge changes nothing.
 */
export function splitWithTab(layout: Layout, tabId: string, paneId: string, edge: PaneEdge): Layout {
  const from = paneOfTab(layout, tabId);
  if (!from || !findPane(layout.root, paneId) || (from.id === paneId && from.tabs.length === 1)) return layout;
  const tab = from.tabs.find((t) => t.id === tabId)!;
  const [newId, a] = nextId(layout, 'p');
  const [splitId, b] = nextId(a, 's');
  const removed = removeFrom(b, from.id, tabId);
  const pane: Pane = { kind: 'pane', id: newId, tabs: [tab], active: tab.id };
  const direction = edge === 'left' || edge === 'right' ? 'row' : 'column';
  const root = insertBeside(removed.root, paneId, pane, direction, splitId, edge === 'left' || edge === 'top');
  return { ...removed, root, activePane: newId };
}

/** Back (-1) or forward (+1) in the active tab. */
export function moveHistory(layout: Layout, delta: -1 | 1): Layout {
  const tab = activeTabOf(layout);
  if (!tab) return layout;
  const index = tab.index + delta;
  if (index < 0 || index >= tab.entries.length) return layout;
  const pane = activePaneOf(layout);
  return updatePane(layout, pane.id, (p) => ({ ...p, tabs: p.tabs.map((t) => (t.id === tab.id ? { ...t, index } : t)) }));
}

export const canMove = (tab: Tab | null, delta: -1 | 1): boolean => !!tab && tab.index + delta >= 0 && tab.index + delta < tab.entries.length;

/** Ctrl/Cmd+Tab and Ctrl/Cmd+Shift+Tab: the next / previous tab of the active pane, wrapping. */
export function cycleTab(layout: Layout, delta: -1 | 1): Layout {
  const pane = activePaneOf(layout);
  if (pane.tabs.length < 2) return layout;
  const at = pane.tabs.findIndex((t) => t.id === pane.active);
  const next = pane.tabs[(at + delta + pane.tabs.length) % pane.tabs.length];
  return activateTab(layout, next.id);
}

/** Ctrl/Cmd+1..8 go to that tab; Ctrl/Cmd+9 to the last, as in browsers and Obsidian. */
export function activateTabNumber(layout: Layout, n: number): Layout {
  const pane = activePaneOf(layout);
  const tab = n >= 9 ? pane.tabs[pane.tabs.length - 1] : pane.tabs[n - 1];
  return tab ? activateTab(layout, tab.id) : layout;
}

/** Keeps only the views `keep` accepts (a restored workspace whose notes were deleted); emptied tabs close. */
export function filterViews(layout: Layout, keep: (view: View) => boolean): Layout {
  let out = layout;
  for (const pane of allPanes(layout)) {
    for (const tab of pane.tabs) {
      const entries = tab.entries.filter(keep);
      if (entries.length === tab.entries.length) continue;
      const shown = currentView(tab);
      if (entries.length === 0) {
        out = closeTab(out, tab.id);
        continue;
      }
      const kept = shown && keep(shown) ? entries.indexOf(shown) : entries.length - 1;
      out = updatePane(out, pane.id, (p) => ({ ...p, tabs: p.tabs.map((t) => (t.id === tab.id ? { ...t, entries, index: kept } : t)) }));
    }
  }
  return out;
}

/** The notes shown now, one per pane (its shown tab's note, if that is a note). */
export function shownNotePaths(layout: Layout): VaultPath[] {
  return allPanes(layout)
    .map((p) => currentView(p.tabs.find((t) => t.id === p.active)))
    .flatMap((v) => (v?.kind === 'note' ? [v.route.path] : []));
}
