/**
 * Remembering node positions per vault. The stored shape matches the service's
 * GraphLayoutPositions (positions by node id plus the ids the user pinned).
 */
import type { GraphSnapshot } from '../types';
import { compareIds } from './build-graph';
import type { Point } from './place-nodes';

export interface SavedLayout {
  positions: Record<string, Point>;
  pinned: string[];
}

/** Bump when the meaning of stored positions changes (e.g. a different layout scale). */
export const LAYOUT_CACHE_VERSION = 1;

/** Storage key for one vault's layout, e.g. for localStorage in browser mode. */
export function layoutCacheKey(vaultId: string): string {
  return `plexus:graph-layout:v${LAYOUT_CACHE_VERSION}:${vaultId}`;
}

/**
 * The layout to store after a session: the live positions (what the user sees) win, saved
 * positions fill in nodes the view did not report, and nodes no longer in the snapshot are
 * dropped, except pinned ones: a pin is a deliberate choice, and a note often vanishes only
 * for a moment (moved out and back, a sync tool replacing the file), so its pin survives.
 * Keys come out sorted so the stored JSON is stable.
 */
export function mergeLayout(saved: SavedLayout | null, live: Readonly<Record<string, Point>>, snapshot: GraphSnapshot): SavedLayout {
  const present = new Set(snapshot.nodes.map((n) => n.id));
  const pinned = [...new Set(saved?.pinned ?? [])].sort(compareIds);
  const pinnedSet = new Set(pinned);
  const merged: Record<string, Point> = {};
  const ids = new Set([...Object.keys(saved?.positions ?? {}), ...Object.keys(live)]);
  for (const id of [...ids].sort(compareIds)) {
    if (!present.has(id) && !pinnedSet.has(id)) continue;
    const point = live[id] ?? saved?.positions[id];
    if (point && Number.isFinite(point.x) && Number.isFinite(point.y)) merged[id] = { x: point.x, y: point.y };
  }
  return { positions: merged, pinned: pinned.filter((id) => id in merged) };
}
