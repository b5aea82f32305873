/**
 * Where to put nodes that appear in a graph that is already laid out, so the picture does not
 * jump: next to the notes they link with, or on the rim when they link with nothing placed.
 */
import type { GraphSnapshot } from '../types';
import { adjacency, compareIds } from './build-graph';
import { randomFor } from './seeded-random';

export interface Point {
  x: number;
  y: number;
}

export interface PlaceOptions {
  seed?: number;
  /** Jitter radius around the neighbours' average, in layout units. Default 30. */
  spread?: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Returns positions for `newIds` only (ids already in `positions` are placed anew too).
 * A new node goes to the average of its placed neighbours plus a jitter drawn from its id and
 * the seed, so the result does not depend on the order of `newIds`. New nodes that only link to
 * other new nodes are placed in later rounds, after those. The rest go on a ring just outside
 * the current drawing, spread by the golden angle.
 */
export function placeNewNodes(
  positions: Readonly<Record<string, Point>>,
  snapshot: GraphSnapshot,
  newIds: readonly string[],
  options: PlaceOptions = {},
): Record<string, Point> {
  const { seed = 1, spread = 30 } = options;
  const adj = adjacency(snapshot, false);
  const fresh = new Set(newIds);
  const placed = new Map<string, Point>();
  for (const [id, point] of Object.entries(positions)) {
    if (!fresh.has(id) && Number.isFinite(point.x) && Number.isFinite(point.y)) placed.set(id, point);
  }
  const result: Record<string, Point> = {};
  let pending = [...fresh].sort(compareIds);

  while (pending.length > 0) {
    // Each round reads only what was placed before it, so ids in one round cannot influence each other.
    const round: Array<[string, Point]> = [];
    const rest: string[] = [];
    for (const id of pending) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (const neighbour of adj.get(id) ?? []) {
        const p = placed.get(neighbour);
        if (!p) continue;
        sx += p.x;
        sy += p.y;
        n++;
      }
      if (n === 0) {
        rest.push(id);
        continue;
      }
      const random = randomFor(id, seed);
      const angle = random() * 2 * Math.PI;
      const radius = spread * (0.5 + 0.5 * random());
      round.push([id, { x: sx / n + Math.cos(angle) * radius, y: sy / n + Math.sin(angle) * radius }]);
    }
    if (round.length === 0) break;
    for (const [id, point] of round) {
      placed.set(id, point);
      result[id] = point;
    }
    pending = rest;
  }

  if (pending.length > 0) {
    const { cx, cy, radius } = extent(placed);
    const ring = radius + spread * 4;
    pending.forEach((id, k) => {
      const random = randomFor(id, seed);
      const angle = k * GOLDEN_ANGLE + (random() - 0.5) * 0.1;
      const r = ring + random() * spread;
      result[id] = { x: cx + Math.cos(angle) * r, y: cy + Math.sin(angle) * r };
    });
  }
  return result;
}

/** Centre (mean) of the placed points and the largest distance from it. */
function extent(placed: ReadonlyMap<string, Point>): { cx: number; cy: number; radius: number } {
  if (placed.size === 0) return { cx: 0, cy: 0, radius: 0 };
  let cx = 0;
  let cy = 0;
  for (const p of placed.values()) {
    cx += p.x;
    cy += p.y;
  }
  cx /= placed.size;
  cy /= placed.size;
  let radius = 0;
  for (const p of placed.values()) radius = Math.max(radius, Math.hypot(p.x - cx, p.y - cy));
  return { cx, cy, radius };
}
