/**
 * The window's columns as the app lays them out: a tab strip of sidebar views on each side and
 * the workspace (tabs, inactive panes, graph panes, and the active pane) in the centre.
 */
import type { ReactNode } from 'react';
import type { FileEntry, PlexusApi } from '../../main/contract/api-contract';
import { SidePanes } from './components/side-panes';
import { SidebarViewBody, type SidebarViewProps } from './components/sidebar-view-body';
import type { useSidebars } from './hooks/use-sidebars';
import { InactivePane } from './workspace/inactive-pane';
import { PaneGraph } from './workspace/pane-graph';
import { SidebarTabs } from './workspace/sidebar-tabs';
import type { Side, SidebarViewId } from './workspace/sidebar-views';
import { tabLabel } from './workspace/tab-label';
import type { useSidebarViews } from './workspace/use-sidebar-views';
import type { Workspace } from './workspace/use-workspace';
import { WorkspaceView } from './workspace/workspace-view';
import type { VaultPath } from '../../main/core/types';

interface Props {
  api: PlexusApi;
  nav: Workspace;
  sidebars: ReturnType<typeof useSidebars>;
  sidebarViews: ReturnType<typeof useSidebarViews>;
  /** What every sidebar view is given. */
  viewProps: SidebarViewProps;
  files: FileEntry[] | null;
  version: number;
  /** Bumped on each reconnect: graph panes are remounted so they re-read what they may have missed. */
  resyncs: number;
  currentPath: VaultPath | null;
  /** The active pane (note or attachment). */
  active: ReactNode;
}

export function AppPanes({ api, nav, sidebars, sidebarViews, viewProps, files, version, resyncs, currentPath, active }: Props) {
  const renderView = (id: SidebarViewId) => <SidebarViewBody id={id} {...viewProps} />;
  const tabs = (side: Side) => (
    <SidebarTabs
      side={side}
      views={sidebarViews.views}
      renderView={renderView}
      onActivate={sidebarViews.activate}
      onMove={sidebarViews.move}
      onShift={sidebarViews.shift}
    />
  );
  return (
    <SidePanes
      sidebars={sidebars}
      left={tabs('left')}
      center={
        <WorkspaceView
          layout={nav.layout}
          update={nav.update}
          labelOf={(view) => tabLabel(files, view)}
          renderInactive={(view) => <InactivePane api={api} view={view} version={version} />}
          renderGraph={(view, paneId) => (
            // Remounted on each reconnect, so the graph re-reads what it may have missed.
            <PaneGraph key={resyncs} api={api} view={view} contextPath={currentPath} layout={nav.layout} paneId={paneId} update={nav.update} />
          )}
          active={active}
        />
      }
      right={tabs('right')}
    />
  );
}
