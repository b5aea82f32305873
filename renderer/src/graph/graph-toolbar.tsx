/** The graph's controls: mode and depth, filter, toggles, colouring, re-layout and panels. */
import type { GraphFilters } from './graph-filters';
import type { GraphMode } from './view-builder';

export type ColourBy = 'folder' | 'cluster';
export type SidePanel = 'none' | 'path' | 'hubs' | 'groups' | 'views' | 'settings';

interface Props {
  mode: GraphMode;
  onMode(mode: GraphMode): void;
  canLocal: boolean;
  depth: number;
  onDepth(depth: number): void;
  filters: GraphFilters;
  onFilters(filters: GraphFilters): void;
  filterError: string | null;
  colourBy: ColourBy;
  onColourBy(c: ColourBy): void;
  onRelayout(): void;
  relayoutBusy: boolean;
  panel: SidePanel;
  onPanel(p: SidePanel): void;
}

const PANELS: { id: SidePanel; label: string }[] = [
  { id: 'path', label: 'Path' },
  { id: 'hubs', label: 'Hubs & bridges' },
  { id: 'groups', label: 'Groups' },
  { id: 'views', label: 'Views' },
  { id: 'settings', label: 'Settings' },
];

export function GraphToolbar(p: Props) {
  const toggle = (key: 'showOrphans' | 'showPlaceholders' | 'showAttachments', label: string) => (
    <label>
      <input type="checkbox" checked={p.filters[key]} onChange={(e) => p.onFilters({ ...p.filters, [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph controls">
      <span className="segmented" role="group" aria-label="Graph scope">
        <button type="button" aria-pressed={p.mode === 'global'} onClick={() => p.onMode('global')}>
          Global
        </button>
        <button
          type="button"
          aria-pressed={p.mode === 'local'}
          disabled={!p.canLocal}
          title={p.canLocal ? undefined : 'Open a note to see its local graph'}
          onClick={() => p.onMode('local')}
        >
          Local
        </button>
      </span>
      {p.mode === 'local' && (
        <label>
          Depth
          <select aria-label="Depth" value={p.depth} onChange={(e) => p.onDepth(Number(e.target.value))}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      <input
        type="search"
        aria-label="Filter graph by name or tag"
        placeholder="Filter: name, #tag, folder:"
        value={p.filters.query}
        aria-invalid={p.filterError ? true : undefined}
        title={p.filterError ?? undefined}
        onChange={(e) => p.onFilters({ ...p.filters, query: e.target.value })}
      />
      {toggle('showOrphans', 'Orphans')}
      {toggle('showPlaceholders', 'Unresolved')}
      {toggle('showAttachments', 'Attachments')}
      <label>
        Colour by
        <select aria-label="Colour by" value={p.colourBy} onChange={(e) => p.onColourBy(e.target.value as ColourBy)}>
          <option value="folder">folder</option>
          <option value="cluster">cluster</option>
        </select>
      </label>
      <button type="button" onClick={p.onRelayout} disabled={p.relayoutBusy}>
        Re-layout
      </button>
      {PANELS.map((panel) => (
        <button key={panel.id} type="button" aria-pressed={p.panel === panel.id} onClick={() => p.onPanel(p.panel === panel.id ? 'none' : panel.id)}>
          {panel.label}
        </button>
      ))}
    </div>
  );
}
