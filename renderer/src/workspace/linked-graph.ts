/**
 * The linked local graph, as pure layout functions: "Open local graph" puts a local graph in a
 * new pane to the right of the active note, linked to the note's pane, and the graph follows
 * whatever note that pane shows (linkedNotePath). The note's pane stays active, so navigating on
 * is what moves the graph along.
 */
import { activePaneOf, activeTabOf, allPanes, contextRoute, currentView, type Layout } from './layout-model';
import { findPane, insertBeside } from './layout-tree';
import type { Pane, Tab } from './layout-types';

export function openLinkedLocalGraph(layout: Layout): Layout {
  const source = activePaneOf(layout);
  const route = contextRoute(activeTabOf(layout));
  if (!route) return layout; // no note to centre on
  const n = layout.seq;
  const tab: Tab = { id: `t${n + 2}`, entries: [{ kind: 'graph', local: route.path }], index: 0, linkedPane: source.id };
  const pane: Pane = { kind: 'pane', id: `p${n}`, tabs: [tab], active: tab.id };
  return { ...layout, seq: n + 3, root: insertBeside(layout.root, source.id, pane, 'row', `s${n + 1}`) };
}

/** The note the graph of tab `tabId` centres on: its linked pane's shown note while that pane exists, else the graph's own note. */
export function linkedNotePath(layout: Layout, tab: Tab | null): string | null {
  const view = currentView(tab);
  if (!tab || view?.kind !== 'graph' || view.local === null) return null;
  const linked = tab.linkedPane ? findPane(layout.root, tab.linkedPane) : null;
  const shown = linked?.tabs.find((t) => t.id === linked.active);
  const followed = shown && shown !== tab ? contextRoute(shown) : null;
  return followed?.path ?? view.local;
}

/** The shown tab of pane `paneId`. */
export function shownTabOf(layout: Layout, paneId: string): Tab | null {
  const pane = allPanes(layout).find((p) => p.id === paneId);
  return pane?.tabs.find((t) => t.id === pane.active) ?? null;
}
