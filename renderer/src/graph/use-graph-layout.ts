/**
 * The graph engine's layout run as a hook (use-graph-engine.ts): fcose on the main thread for
 * local and small graphs, the worker layout with progress for big ones (layout-runner.ts), then
 * the nodes moved into place (in chunks past ANIMATE_MAX_NODES) and the global layout captured
 * and saved. Where the overview draws the graph, the layout streams into it as it runs
 * (layout-stream.ts), beside the build on a first open, and is saved while it runs and as soon
 * as it converges. A newer run cancels the one before it. Kept apart so the engine hook reads
 * as what happens when, and the layout's own bookkeeping stays here.
 */
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { ElementDefinition } from 'cytoscape';
import type { GraphController } from './graph-controller';
import type { PositionCache } from './position-cache';
import { ANIMATE_MAX_NODES, FCOSE_MAX_NODES, layoutRequest, layoutRequestFromDefinitions, moveTo, runFcose, runWorkerLayout } from './layout-runner';
import { runStreamedLayout, streamsLayout } from './layout-stream';
import { DEFAULT_FORCES, type GraphForces } from './graph-forces';
import type { LayoutRequest } from './layout-protocol';

/** While a streamed layout runs, its positions are saved this often, so a reload mid-run shows about the same picture. */
export const STREAM_SAVE_MS = 3000;

/**
 * A first open of a big graph (GraphController.preview): the definitions the layout starts
 * from, and the build that puts them into cytoscape at the result (or where they are, null,
 * when the layout failed).
 */
export interface LayoutSource {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
  build(positions: Record<string, { x: number; y: number }> | null): Promise<boolean>;
}

export interface LayoutDeps {
  ctl: MutableRefObject<GraphController | null>;
  cache: MutableRefObject<PositionCache>;
  /** The ids of a local graph, null for the global one (only the global layout is saved). */
  include: MutableRefObject<Set<string> | null>;
  saver: MutableRefObject<{ schedule(): void }>;
  /** The graph settings' forces now (null before they are loaded). */
  latest: MutableRefObject<{ forces: GraphForces | null }>;
  setError(message: string): void;
}

export function useGraphLayout({ ctl, cache, include, saver, latest, setError }: LayoutDeps) {
  /** The layout running now (worker or fcose), cancelled by a newer run or view. */
  const workerJob = useRef<{ cancel(): void } | null>(null);
  /** A first open whose elements wait for its layout (LayoutSource). */
  const pendingSource = useRef<LayoutSource | null>(null);
  const [layoutStatus, setLayoutStatus] = useState<string | null>(null);

  /** A big graph's layout streamed into the overview (layout-stream.ts); the global layout is saved while it runs and when it converges. */
  const runStreamed = useCallback(
    async (c: GraphController, request: LayoutRequest, source?: LayoutSource) => {
      setLayoutStatus('Laying out… 0%');
      let lastSave = performance.now();
      const remember = (ids: readonly string[], at: (i: number) => { x: number; y: number }) => {
        if (ctl.current !== c || include.current !== null) return;
        ids.forEach((id, i) => cache.current.set(id, at(i)));
        saver.current.schedule();
      };
      const job = runStreamedLayout(c, request, {
        apply: source
          ? (positions) => {
              // Built now: a relayout from here on starts from cytoscape.
              if (pendingSource.current === source) pendingSource.current = null;
              return source.build(positions);
            }
          : undefined,
        onProgress: (done, total) => workerJob.current === job && setLayoutStatus(`Laying out… ${Math.round((100 * done) / total)}%`),
        onPositions: (xy) => {
          if (performance.now() - lastSave < STREAM_SAVE_MS) return;
          lastSave = performance.now();
          remember(request.nodes, (i) => ({ x: xy[2 * i], y: xy[2 * i + 1] }));
        },
        onConverged: (positions) => {
          if (workerJob.current === job) setLayoutStatus(null);
          remember(request.nodes, (i) => positions[request.nodes[i]]);
        },
      });
      workerJob.current = job;
      try {
        if ((await job.result) !== 'applied' || ctl.current !== c || workerJob.current !== job) return;
      } catch (e) {
        if (workerJob.current !== job) return;
        setError(`Layout failed: ${e instanceof Error ? e.message : String(e)}`);
        // cytoscape still needs the elements, where they are.
        if (source && pendingSource.current === source) {
          pendingSource.current = null;
          void source.build(null);
        }
        return;
      } finally {
        if (workerJob.current === job) setLayoutStatus(null);
      }
      // Pins and drags made while it ran are in cytoscape now.
      if (include.current !== null) return;
      cache.current.capture(c.cy);
      saver.current.schedule();
    },
    [ctl, cache, include, saver, setError],
  );

  const runLayout = useCallback(
    async (kind: 'auto' | 'relayout', source?: LayoutSource) => {
      const c = ctl.current;
      if (!c) return;
      const local = include.current !== null;
      const pinned = local ? new Set<string>() : cache.current.pinned;
      workerJob.current?.cancel();
      workerJob.current = null;
      const forces = latest.current.forces ?? DEFAULT_FORCES;
      // A relayout (a force changed) before a first open's elements are in cytoscape starts over from its definitions.
      const from = source ?? pendingSource.current;
      pendingSource.current = from ?? null;
      if (from) return runStreamed(c, layoutRequestFromDefinitions(from.nodes, from.edges, pinned, forces), from);
      // The layout reads every link from cytoscape (a big load's may still be going in, edge-fill.ts).
      c.links.complete();
      if (!local && c.cy.nodes().length > FCOSE_MAX_NODES && streamsLayout(c)) return runStreamed(c, layoutRequest(c.cy, pinned, forces));
      if (local || c.cy.nodes().length <= FCOSE_MAX_NODES) {
        setLayoutStatus('Laying out…');
        const job = runFcose(c.cy, pinned, !local && kind === 'auto', latest.current.forces ?? DEFAULT_FORCES);
        workerJob.current = job;
        const finished = await job.result;
        // A newer run owns the status now; cancelled without one, the status goes.
        if (workerJob.current !== job) return;
        if (!finished) return setLayoutStatus(null);
      } else {
        setLayoutStatus('Laying out… 0%');
        const job = runWorkerLayout(layoutRequest(c.cy, pinned, latest.current.forces ?? DEFAULT_FORCES), (done, total) =>
          setLayoutStatus(`Laying out… ${Math.round((100 * done) / total)}%`),
        );
        workerJob.current = job;
        let positions;
        try {
          positions = await job.result;
        } catch (e) {
          if (workerJob.current === job) setError(`Layout failed: ${e instanceof Error ? e.message : String(e)}`);
          return;
        } finally {
          if (workerJob.current === job) setLayoutStatus(null);
        }
        if (positions === null || ctl.current !== c || workerJob.current !== job) return;
        if (c.cy.nodes().length > ANIMATE_MAX_NODES) {
          // Big graphs: in chunks, with one draw at the end (progressive-build.ts).
          if (!(await c.applyPositions(positions))) return;
        } else {
          await moveTo(c.cy, positions);
          c.rebuildLayers();
        }
      }
      setLayoutStatus(null);
      if (ctl.current !== c || include.current !== null) return;
      cache.current.capture(c.cy);
      saver.current.schedule();
      // All refs and a state setter: runLayout keeps one identity for the engine's lifetime.
    },
    [ctl, cache, include, saver, latest, setError, runStreamed],
  );

  /** Cancels the worker job in flight, if any (the view is unmounting or rebuilding). */
  const cancelLayout = useCallback(() => {
    pendingSource.current = null;
    workerJob.current?.cancel();
  }, []);

  return { runLayout, layoutStatus, cancelLayout };
}
