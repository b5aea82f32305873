/** The panel on the graph's right: one of path, hubs & bridges, groups, saved views, settings. */
import type { Clustering } from '../../../main/core/analysis';
import type { GraphFilters } from './graph-filters';
import type { GraphSettings, SavedView } from './graph-settings';
import type { SidePanel } from './graph-toolbar';
import type { GraphEngine } from './use-graph-engine';
import type { GraphMode } from './view-builder';
import { PathTool } from './path-tool';
import { HubsPanel } from './hubs-panel';
import { GroupsPanel } from './groups-panel';
import { ViewsPanel } from './views-panel';
import { SettingsPanel } from './settings-panel';
import type { VaultPath } from '../../../main/core/types';

export interface SidePanelProps {
  panel: SidePanel;
  engine: GraphEngine;
  clustering: Clustering | null;
  settings: GraphSettings;
  updateSettings(change: (s: GraphSettings) => GraphSettings): void;
  view: { mode: GraphMode; depth: number; filters: GraphFilters };
  applyView(view: SavedView): void;
  onOpenNote(path: VaultPath): void;
  onClose(): void;
}

const TITLES: Record<SidePanel, string> = {
  none: '',
  path: 'Path',
  hubs: 'Hubs & bridges',
  groups: 'Colour groups',
  views: 'Saved views',
  settings: 'Graph settings',
};

export function GraphSidePanel(p: SidePanelProps) {
  return (
    <aside className="graph-side" aria-label={TITLES[p.panel]}>
      <div className="row">
        <strong style={{ flex: 1 }}>{TITLES[p.panel]}</strong>
        <button type="button" className="icon-button" aria-label={`Close ${TITLES[p.panel]}`} onClick={p.onClose}>
          ✕
        </button>
      </div>
      {p.panel === 'path' && <PathTool engine={p.engine} onOpenNote={p.onOpenNote} />}
      {p.panel === 'hubs' && <HubsPanel engine={p.engine} clustering={p.clustering} />}
      {p.panel === 'groups' && <GroupsPanel settings={p.settings} updateSettings={p.updateSettings} />}
      {p.panel === 'views' && <ViewsPanel engine={p.engine} settings={p.settings} updateSettings={p.updateSettings} view={p.view} applyView={p.applyView} />}
      {p.panel === 'settings' && <SettingsPanel engine={p.engine} settings={p.settings} updateSettings={p.updateSettings} />}
    </aside>
  );
}
