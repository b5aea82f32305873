/**
 * The graph view's engine as a hook: loads the graph, layout and settings; builds the view
 * (global or local), runs layouts (use-graph-layout.ts), applies live deltas in place, keeps
 * positions and pins saved (use-layout-saver.ts). The React view only renders controls around it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { GraphController } from './graph-controller';
import { GraphModel, neighbourhood } from './graph-model';
import { PositionCache } from './position-cache';
import { applyDeltaToCy } from './apply-delta';
import { applyFilters, definitionCounts, visibleCounts } from './graph-filters';
import { recolour } from './colour-groups';
import { buildView } from './view-builder';
import type { EngineOptions } from './engine-options';
import { chooseRenderer, detectGlRenderer, type RendererChoice } from './renderer-choice';
import { DARK, LIGHT } from './graph-style';
import { installTestHook } from './test-hook';
import { TEST_HOOKS } from '../build-flags';
import { activeAccelerations } from './cytoscape-internals';
import { withMarks } from './graph-marks';
import type { BuildProgress } from './progressive-build';
import { sameForces, type GraphForces } from './graph-forces';
import { isDarkTheme, useDarkTheme } from '../settings/appearance';
import { useSettings } from '../settings/settings-store';
import { useGraphAnimation } from './use-graph-animation';
import { useLayoutSaver } from './use-layout-saver';
import { useGraphLayout } from './use-graph-layout';
import { placedAt } from './layout-stream';

/** A force slider's changes are taken as one once it rests this long; then the layout runs again. */
export const FORCES_DELAY_MS = 300;

export function useGraphEngine(o: EngineOptions) {
  const { api } = o;
  const ctl = useRef<GraphController | null>(null);
  const model = useRef(new GraphModel());
  const cache = useRef(new PositionCache());
  const include = useRef<Set<string> | null>(null);
  const latest = useRef(o);
  latest.current = o;
  const { excludedFolders } = useSettings();
  const excluded = useRef(excludedFolders);
  excluded.current = excludedFolders;
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [modelVersion, setModelVersion] = useState(0);
  const [building, setBuilding] = useState<BuildProgress | null>({ phase: 'nodes', done: 0, total: 0 });
  const [counts, setCounts] = useState({ notes: 0, links: 0 });
  /** The ids of the graph shown (a local graph's neighbourhood), null for the whole graph. */
  const [shownIds, setShownIds] = useState<ReadonlySet<string> | null>(null);
  const [filterError, setFilterError] = useState<string | null>(null);
  const [rebuild, setRebuild] = useState(0);
  /** A saved view's camera, applied after the next build instead of fitting. */
  const pendingCamera = useRef<{ zoom: number; pan: { x: number; y: number } } | null>(null);
  const [renderer] = useState<RendererChoice>(() => chooseRenderer(detectGlRenderer()));

  const saver = useLayoutSaver(api, cache, model, setError);
  const { runLayout, layoutStatus, cancelLayout } = useGraphLayout({ ctl, cache, include, saver, latest, setError });

  const refresh = useCallback(() => {
    const c = ctl.current;
    if (!c) return;
    setFilterError(applyFilters(c.cy, latest.current.filters, excluded.current));
    setCounts(visibleCounts(c.cy, c.links.pending()));
  }, []);

  // One cytoscape instance per mount.
  useEffect(() => {
    const container = o.container.current;
    if (!container) return;
    const dark = isDarkTheme();
    const c = new GraphController(container, dark ? DARK : LIGHT, renderer.kind, {
      onTap: (id, newTab) => latest.current.onTap(id, newTab),
      onDoubleTap: (id) => latest.current.onDoubleTap(id),
      onDragged: (id, p) => {
        // Pins live in the global layout; a local graph's positions are its own.
        if (include.current !== null) return;
        cache.current.pin(id, p);
        c.setPinned(cache.current.pinned);
        saver.current.schedule();
      },
      // A big graph's links went in after its load: filters and counts take them now.
      onEdgesIn: () => refresh(),
    });
    ctl.current = c;
    // Only in the end-to-end build: the production bundle carries no hook (build-flags.ts).
    const uninstall = TEST_HOOKS ? installTestHook(c) : () => undefined;
    const s = saver.current;
    return () => {
      uninstall();
      cancelLayout();
      s.flush();
      c.destroy();
      ctl.current = null;
    };
  }, [o.container, renderer.kind, saver, cancelLayout, refresh]);

  // The app's theme switched while the graph is open: redraw in its colours.
  const dark = useDarkTheme();
  useEffect(() => ctl.current?.setTheme(dark ? DARK : LIGHT), [dark]);

  // First load: graph, layout and nothing else; settings belong to the view.
  useEffect(() => {
    let live = true;
    Promise.all([api.getGraph(), api.getGraphLayout()]).then(
      ([snapshot, layout]) => {
        if (!live) return;
        model.current.reset(snapshot);
        cache.current.load(layout);
        setModelVersion((v) => v + 1);
        latest.current.onLoaded(snapshot.nodes.length);
        setReady(true);
      },
      (e: unknown) => live && setError(`Could not load the graph: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Build the view whenever what it shows changes.
  const centresKey = o.request.centres.join('\n');
  useEffect(() => {
    const c = ctl.current;
    if (!ready || !c) return;
    let live = true;
    const view = buildView(model.current, cache.current, latest.current.request, (id) => latest.current.colourOf(id));
    include.current = view.include;
    setShownIds(view.include);
    // The label names the graph being drawn from now on, not the one it replaces.
    setCounts(definitionCounts(view.nodes, view.edges, latest.current.filters));
    setBuilding({ phase: 'nodes', done: 0, total: view.nodes.length });
    // Pins, the current note and filters are class changes: made before the graph's first full
    // draw, they do not invalidate the layer cache built in it (graph-controller.ts).
    const decorate = () => {
      c.setPinned(view.include ? new Set() : cache.current.pinned);
      c.markCurrent(latest.current.currentPath);
      refresh();
    };
    // Marks in the definitions, so the build draws them in place; decorate() then changes nothing.
    const nodes = withMarks(view.nodes, latest.current.currentPath, view.include ? new Set() : cache.current.pinned);
    const build = (defs: typeof nodes) =>
      c
        .load(
          defs,
          view.edges,
          (p) => live && setBuilding(p),
          () => live && decorate(),
        )
        .then(
          (complete) => {
            if (!live || !complete) return complete;
            setBuilding(null);
            const camera = pendingCamera.current;
            pendingCamera.current = null;
            if (layoutFirst) return complete;
            if (view.layout === 'full') void runLayout('auto');
            else if (camera) c.setCamera(camera);
            else c.fit();
            return complete;
          },
          (e: unknown) => {
            setError(`Could not draw the graph: ${e instanceof Error ? e.message : String(e)}`);
            return false;
          },
        );
    // A first open of a big graph: the overview draws the definitions at once, the layout
    // streams into that picture, and cytoscape is built once, at the result (use-graph-layout.ts).
    const layoutFirst = view.layout === 'full' && view.include === null && c.preview(nodes, view.edges);
    if (layoutFirst) {
      setBuilding(null);
      void runLayout('auto', { nodes, edges: view.edges, build: (positions) => build(positions ? placedAt(nodes, positions) : nodes) });
    } else void build(nodes);
    return () => {
      live = false;
      // Its positions (and an animated fit) belong to this build: the next one must not get them.
      cancelLayout();
    };
  }, [ready, o.request.mode, o.request.depth, centresKey, rebuild, refresh, runLayout, cancelLayout]);

  // Live updates: in place, never a full re-layout.
  useEffect(() => {
    return api.onEvent((event) => {
      if (event.type !== 'graph') return;
      const c = ctl.current;
      const touched = model.current.applyDelta(event.delta);
      for (const id of event.delta.nodesRemoved) cache.current.forget(id);
      setModelVersion((v) => v + 1);
      if (!c) return;
      // The delta names edges: cytoscape must hold every link it had before (edge-fill.ts).
      c.links.complete();
      const req = latest.current.request;
      if (include.current !== null) {
        const next = neighbourhood(model.current, req.centres, req.depth);
        if (!sameSet(next, include.current)) return setRebuild((r) => r + 1);
      }
      const added = applyDeltaToCy(c.cy, event.delta, touched, {
        model: model.current,
        include: include.current ?? undefined,
        colourOf: (id) => latest.current.colourOf(id),
        rememberedPosition: (id) => cache.current.get(id),
      });
      if (include.current === null) {
        for (const [id, p] of added) cache.current.set(id, p);
        if (added.size > 0 || event.delta.nodesRemoved.length > 0) saver.current.schedule();
      }
      refresh();
    });
  }, [api, refresh, saver]);

  useEffect(() => {
    if (!ready) return;
    refresh();
    // A filter restyles many elements at once (see cytoscape-internals/layer-cache.ts).
    ctl.current?.rebuildLayers();
  }, [ready, o.filters, excludedFolders, refresh]);

  useEffect(() => {
    ctl.current?.markCurrent(o.currentPath);
  }, [o.currentPath]);

  useEffect(() => {
    ctl.current?.setDisplay(o.display);
  }, [o.display, ready, renderer.kind]);

  // Forces apply live: once a slider rests, the layout runs again from where the nodes are.
  // The first forces seen are the stored ones (the layout that runs anyway uses them).
  const forcesSeen = useRef<GraphForces | null>(null);
  useEffect(() => {
    const forces = o.forces;
    if (forces === null) return;
    const seen = forcesSeen.current;
    if (seen === null || sameForces(seen, forces)) {
      forcesSeen.current = forces;
      return;
    }
    if (!ready) return;
    const timer = setTimeout(() => {
      forcesSeen.current = forces;
      void runLayout('relayout');
    }, FORCES_DELAY_MS);
    return () => clearTimeout(timer);
  }, [o.forces, ready, runLayout]);

  const { animating, toggleAnimation } = useGraphAnimation(api, ctl, setError);

  const unpinAll = useCallback(() => {
    cache.current.pinned.clear();
    ctl.current?.setPinned(cache.current.pinned);
    saver.current.schedule();
  }, [saver]);

  return {
    controller: ctl,
    model: model.current,
    modelVersion,
    ready,
    error,
    setError,
    building,
    layoutStatus,
    counts,
    shownIds,
    filterError,
    renderer,
    relayout: () => void runLayout('relayout'),
    recolour: useCallback(() => {
      if (ctl.current) recolour(ctl.current.cy, (id) => latest.current.colourOf(id));
    }, []),
    unpinAll,
    animating,
    toggleAnimation,
    /** Applies a camera now, or after the rebuild that a mode/depth change is about to start. */
    setCamera: (camera: { zoom: number; pan: { x: number; y: number } }, afterRebuild: boolean) => {
      if (afterRebuild) pendingCamera.current = camera;
      else ctl.current?.setCamera(camera);
    },
    pinnedCount: () => cache.current.pinned.size,
    /** Which cytoscape accelerations took on this graph (shown in the settings panel). */
    accelerations: () => (ctl.current ? activeAccelerations(ctl.current.cy) : []),
  };
}

export type GraphEngine = ReturnType<typeof useGraphEngine>;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
