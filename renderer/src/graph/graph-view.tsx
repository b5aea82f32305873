/**
 * The concept graph: global or local (around the current note), filters and toggles, colour by
 * folder or cluster with a legend, live updates, and exploration panels (path, hubs & bridges,
 * colour groups, saved views). Cytoscape work lives in plain modules; this file wires the UI.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { detectClusters } from '../../../main/core/analysis';
import { DEFAULT_FILTERS, graphAriaLabel, type GraphFilters } from './graph-filters';
import { folderScheme, schemeFromKeys, type ColourScheme } from './graph-colours';
import { combineColours } from './colour-groups';
import { GraphToolbar, type SidePanel } from './graph-toolbar';
import { GraphLegend } from './graph-legend';
import { GraphSidePanel } from './graph-side-panel';
import { useGraphEngine } from './use-graph-engine';
import { useGraphSettings } from './use-graph-settings';
import { GRAPH_CSS } from './graph-css';
import { progressText } from './progressive-build';
import type { GraphMode } from './view-builder';
import type { SavedView } from './graph-settings';
import type { VaultPath } from '../../../main/core/types';

/** Above this many notes the local graph opens by default. */
export const LOCAL_DEFAULT_NOTES = 3000;
/** In a local graph a single click waits this long for a possible double-click (expand). */
const DOUBLE_CLICK_MS = 280;

export interface GraphViewProps {
  api: PlexusApi;
  currentPath: VaultPath | null;
  onOpenNote(path: VaultPath): void;
  /** Ctrl/Cmd+click on a note's node: open it in a new tab (absent: as a plain click). */
  onOpenNoteInNewTab?(path: VaultPath): void;
  /**
   * The mode to open in (and to switch to whenever the host changes it); the toolbar can still
   * switch. Left out, the view opens global, or local on vaults over LOCAL_DEFAULT_NOTES nodes.
   */
  mode?: GraphMode;
}

export function GraphView({ api, currentPath, onOpenNote, onOpenNoteInNewTab, mode: requestedMode }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<GraphMode>(requestedMode ?? 'global');
  useEffect(() => {
    if (requestedMode) setMode(requestedMode);
  }, [requestedMode]);
  const [depth, setDepth] = useState(1);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [filters, setFilters] = useState<GraphFilters>(DEFAULT_FILTERS);
  const [panel, setPanel] = useState<SidePanel>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const { settings, loaded: settingsLoaded, update } = useGraphSettings(api, setSettingsError);
  const colourRef = useRef<(id: string) => string>(() => '#888');
  const tapTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const effectiveMode: GraphMode = mode === 'local' && currentPath ? 'local' : 'global';
  const request = useMemo(
    () => ({ mode: effectiveMode, depth, centres: effectiveMode === 'local' && currentPath ? [currentPath, ...expanded] : [] }),
    [effectiveMode, depth, currentPath, expanded],
  );

  const openNode = useCallback(
    (id: string, newTab = false) => {
      const node = engineRef.current?.model.nodes.get(id);
      if (!node) return;
      if (node.kind === 'note' && node.path) (newTab && onOpenNoteInNewTab ? onOpenNoteInNewTab : onOpenNote)(node.path);
      else if (node.kind === 'placeholder') setNotice(`“${node.label}” is not created yet.`);
      else setNotice(`${node.label} is an attachment.`);
    },
    [onOpenNote, onOpenNoteInNewTab],
  );

  const engine = useGraphEngine({
    api,
    container,
    request,
    filters,
    colourOf: (id) => colourRef.current(id),
    currentPath,
    forces: settingsLoaded ? settings.forces : null,
    display: settings.display,
    onTap: (id, newTab) => {
      if (tapTimer.current) clearTimeout(tapTimer.current);
      // A new tab leaves this graph as it is, so there is no double click to wait for.
      if (request.mode === 'global' || newTab) return openNode(id, newTab);
      tapTimer.current = setTimeout(() => openNode(id), DOUBLE_CLICK_MS);
    },
    onDoubleTap: (id) => {
      if (tapTimer.current) clearTimeout(tapTimer.current);
      tapTimer.current = null;
      if (request.mode !== 'local') return;
      setExpanded((list) => (list.includes(id) ? list : [...list, id]));
      setNotice(`Expanded the neighbours of “${engineRef.current?.model.nodes.get(id)?.label ?? id}”.`);
    },
    onLoaded: (count) => {
      // A mode the host asked for wins over the big-vault default.
      if (requestedMode === undefined && count > LOCAL_DEFAULT_NOTES && currentPath) {
        setMode('local');
        setNotice(`This vault has ${count.toLocaleString()} nodes: showing the local graph. Switch to Global to see all of it.`);
      }
    },
  });
  const engineRef = useRef(engine);
  engineRef.current = engine;
  useEffect(
    () => () => {
      if (tapTimer.current) clearTimeout(tapTimer.current);
    },
    [],
  );
  useEffect(() => setExpanded([]), [currentPath, mode]);

  const clustering = useMemo(
    () => (settings.colourBy === 'cluster' || panel === 'hubs' ? detectClusters(engine.model.snapshot()) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model is mutated in place; modelVersion counts its changes
    [engine.model, engine.modelVersion, settings.colourBy, panel],
  );
  const schemeFor = useCallback(
    (shown?: (id: string) => boolean): ColourScheme => {
      if (settings.colourBy === 'cluster' && clustering) {
        const keyOf = new Map<string, string | null>();
        for (const [id, index] of clustering.clusterOf) keyOf.set(id, String(index));
        const nameOf = (key: string) => {
          const c = clustering.clusters[Number(key)];
          return c ? (engine.model.nodes.get(c.name)?.label ?? c.name) : key;
        };
        return schemeFromKeys(keyOf, nameOf, { shown });
      }
      return folderScheme(engine.model.nodes.values(), shown);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model is mutated in place; modelVersion counts its changes
    [engine.model, engine.modelVersion, settings.colourBy, clustering],
  );
  // Colours over the whole graph (a mode switch recolours nothing); the legend counts what is shown.
  const scheme = useMemo(() => schemeFor(), [schemeFor]);
  const shownIds = engine.shownIds;
  const legendScheme = useMemo(() => (shownIds ? schemeFor((id) => shownIds.has(id)) : scheme), [schemeFor, scheme, shownIds]);
  const { recolour } = engine;
  useEffect(() => {
    colourRef.current = combineColours(engine.model, settings.groups, scheme.colourOf);
    recolour();
  }, [scheme, settings.groups, engine.model, recolour, engine.ready]);

  const applyView = (v: SavedView) => {
    const rebuild = v.mode !== effectiveMode || v.depth !== depth;
    setMode(v.mode);
    setDepth(v.depth);
    setFilters(v.filters);
    update((s) => ({ ...s, colourBy: v.colourBy, groups: v.groups }));
    if (v.camera) engine.setCamera(v.camera, rebuild);
  };

  const error = engine.error ?? settingsError;
  return (
    <div className="graph-view">
      <style>{GRAPH_CSS}</style>
      <GraphToolbar
        mode={effectiveMode}
        onMode={(m) => {
          setMode(m);
          setNotice(null);
        }}
        canLocal={currentPath !== null}
        depth={depth}
        onDepth={setDepth}
        filters={filters}
        onFilters={setFilters}
        filterError={engine.filterError}
        colourBy={settings.colourBy}
        onColourBy={(colourBy) => update((s) => ({ ...s, colourBy }))}
        onRelayout={engine.relayout}
        relayoutBusy={engine.layoutStatus !== null}
        panel={panel}
        onPanel={setPanel}
      />
      {error && (
        <p className="graph-error" role="alert">
          {error}{' '}
          <button
            type="button"
            onClick={() => {
              engine.setError(null);
              setSettingsError(null);
            }}
          >
            Dismiss
          </button>
        </p>
      )}
      {engine.filterError && (
        <p className="graph-error" role="status">
          {engine.filterError}
        </p>
      )}
      <div className="graph-stage">
        <div ref={container} className="graph-canvas" role="img" aria-label={graphAriaLabel(engine.counts)} data-testid="graph-canvas" />
        {engine.building && (
          <div className="graph-building" role="status" data-testid="graph-building">
            {progressText(engine.building)}
          </div>
        )}
        {(notice || engine.layoutStatus) && (
          <div className="graph-notice" role="status">
            {engine.layoutStatus && (
              <span className="graph-progress" data-testid="graph-layout-status">
                {engine.layoutStatus}{' '}
              </span>
            )}
            {notice}
            {notice && (
              <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={() => setNotice(null)}>
                ✕
              </button>
            )}
          </div>
        )}
        <GraphLegend title={settings.colourBy === 'cluster' ? 'Clusters' : 'Folders'} scheme={legendScheme} groups={settings.groups} />
        {panel !== 'none' && (
          <GraphSidePanel
            panel={panel}
            engine={engine}
            clustering={clustering}
            settings={settings}
            updateSettings={update}
            view={{ mode: effectiveMode, depth, filters }}
            applyView={applyView}
            onOpenNote={onOpenNote}
            onClose={() => setPanel('none')}
          />
        )}
      </div>
    </div>
  );
}
