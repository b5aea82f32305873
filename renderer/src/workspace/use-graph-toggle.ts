/** Open the global graph in the active tab, and close it again: back to what the tab showed before, as the old graph toggle did. */
import { useCallback } from 'react';
import { closeActiveTab, openInActive, type View } from './layout-model';
import type { Workspace } from './use-workspace';

const GLOBAL_GRAPH: View = { kind: 'graph', local: null };

export function useGraphToggle(nav: Workspace) {
  const { update, back, canBack } = nav;
  const graphOpen = nav.view?.kind === 'graph';
  const openGraph = useCallback(() => update((l) => openInActive(l, GLOBAL_GRAPH)), [update]);
  const closeGraph = useCallback(() => (canBack ? back() : update(closeActiveTab)), [canBack, back, update]);
  return { graphOpen, openGraph, closeGraph, toggleGraph: graphOpen ? closeGraph : openGraph };
}
