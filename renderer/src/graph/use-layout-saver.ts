/**
 * The graph engine's layout saver as a hook (use-graph-engine.ts): positions and pins of the
 * global graph are written back to the vault a short while after the last change, as one save
 * instead of one per drag or layout step (position-cache.ts), and a failed save is shown as the
 * view's error. Kept apart so the engine hook only says when to save, not how.
 */
import { useRef, type MutableRefObject } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import type { GraphModel } from './graph-model';
import { createDebouncedSaver, type PositionCache } from './position-cache';

const SAVE_DELAY_MS = 800;

export function useLayoutSaver(
  api: PlexusApi,
  cache: MutableRefObject<PositionCache>,
  model: MutableRefObject<GraphModel>,
  setError: (message: string) => void,
) {
  return useRef(
    createDebouncedSaver(
      async () => {
        const r = await api.saveGraphLayout(cache.current.toLayout((id) => model.current.nodes.has(id)));
        if (!r.ok) throw new Error(r.error.message);
      },
      SAVE_DELAY_MS,
      (m) => setError(`Could not save the graph layout: ${m}`),
    ),
  );
}
