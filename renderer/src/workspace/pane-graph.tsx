/**
 * A pane's graph tab, the same element whether the pane is active or not: a click on an inactive
 * pane activates it before the graph's node tap is handled, and a graph remounted by that change
 * would drop the tap (and its layout). A linked local graph centres on the note of the pane it
 * follows and opens a clicked node there (linked-graph.ts).
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { GraphPane } from '../components/graph-pane';
import { activatePane, openInNewTab, type Layout, type View } from './layout-model';
import { noteView } from './use-workspace';
import { closeGraphIn, linkedNotePath, openFromGraph, shownTabOf } from './linked-graph';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  api: PlexusApi;
  view: Extract<View, { kind: 'graph' }>;
  /** The note the active tab is about, for a global graph to mark. */
  contextPath: VaultPath | null;
  layout: Layout;
  paneId: string;
  update(f: (l: Layout) => Layout): void;
}

export function PaneGraph({ api, view, contextPath, layout, paneId, update }: Props) {
  const tab = shownTabOf(layout, paneId);
  return (
    <GraphPane
      api={api}
      currentPath={linkedNotePath(layout, tab) ?? view.local ?? contextPath}
      mode={view.local === null ? undefined : 'local'}
      onOpenNote={(path) => update((l) => openFromGraph(l, paneId, path))}
      onOpenNoteInNewTab={(path) => update((l) => openInNewTab(activatePane(l, paneId), noteView({ path, heading: null, block: null })))}
      onClose={() => update((l) => closeGraphIn(l, paneId))}
    />
  );
}
