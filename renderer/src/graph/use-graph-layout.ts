/**
 * The graph engine's layout run as a hook (use-graph-engine.ts): fcose on the main thread for
 * local and small graphs, the worker layout with progress for big ones (layout-runner.ts), then
 * the nodes moved into place (in chunks past ANIMATE_MAX_NODES) and the global layout captured
 * and saved. A newer run cancels the worker job of the one before it. Kept apart so the engine
 * hook reads as what happens when, and the layout's own bookkeeping stays here.
 */
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { GraphController } from './graph-controller';
import type { PositionCache } from './position-cache';
import { ANIMATE_MAX_NODES, FCOSE_MAX_NODES, layoutRequest, moveTo, runFcose, runWorkerLayout, type WorkerLayoutHandle } from './layout-runner';
import { DEFAULT_FORCES, type GraphForces } from './graph-forces';

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
  const workerJob = useRef<WorkerLayoutHandle | null>(null);
  const [layoutStatus, setLayoutStatus] = useState<string | null>(null);

  const runLayout = useCallback(
    async (kind: 'auto' | 'relayout') => {
      const c = ctl.current;
      if (!c) return;
      const local = include.current !== null;
      const pinned = local ? new Set<string>() : cache.current.pinned;
      workerJob.current?.cancel();
      workerJob.current = null;
      if (local || c.cy.nodes().length <= FCOSE_MAX_NODES) {
        setLayoutStatus('Laying out…');
        await runFcose(c.cy, pinned, !local && kind === 'auto', latest.current.forces ?? DEFAULT_FORCES);
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
    [ctl, cache, include, saver, latest, setError],
  );

  /** Cancels the worker job in flight, if any (the view is unmounting). */
  const cancelLayout = useCallback(() => workerJob.current?.cancel(), []);

  return { runLayout, layoutStatus, cancelLayout };
}
