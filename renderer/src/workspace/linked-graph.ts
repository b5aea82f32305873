/**
 * The linked local graph, as pure layout functions: "Open local graph" puts a local graph in a
 * new pane to the right of the active note, linked to the note's pane, and the graph follows
 * whatever note that pane shows (linkedNotePath). The note's pane stays active, so navigating on
 * is what moves the graph along.
 */
import {
  activatePane,
  activePaneOf,
  activeTabOf,
  allPanes,
  canMove,
  closeActiveTab,
  contextRoute,
  currentView,
  moveHistory,
  openInActive,
  type Layout,
} from './layout-model';
import { findPane, insertBeside } from './layout-tree';
import type { Pane, Tab } from './layout-types';
import type { VaultPath } from '../../../main/core/types';

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
export function linkedNotePath(layout: Layout, tab: Tab | null): VaultPath | null {
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

/**
 * A note clicked in the graph shown by pane `paneId`: a linked graph opens it in the pane it
 * follows, which becomes active (as Obsidian's linked view), so the graph moves along to it; any
 * other graph, or one whose linked pane has closed, opens it in its own pane.
 */
export function openFromGraph(layout: Layout, paneId: string, path: VaultPath): Layout {
  const linked = shownTabOf(layout, paneId)?.linkedPane;
  const target = linked && findPane(layout.root, linked) ? linked : paneId;
  return openInActive(activatePane(layout, target), { kind: 'note', route: { path, heading: null, block: null } });
}

/** The graph's close button in pane `paneId`: back to what its tab showed before, or the tab closes when the graph is all it has. */
export function closeGraphIn(layout: Layout, paneId: string): Layout {
  const l = activatePane(layout, paneId);
  return canMove(activeTabOf(l), -1) ? moveHistory(l, -1) : closeActiveTab(l);
}
