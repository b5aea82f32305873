/**
 * Remembered node positions and pinned nodes for the global graph. Loaded from
 * api.getGraphLayout, captured from cytoscape after layouts and drags, and written back through
 * a debounced saver so a drag or a layout run costs one save, not hundreds.
 */
import type { Core } from 'cytoscape';
import type { GraphLayoutPositions } from '../../../main/contract/api-contract';

export type Point = { x: number; y: number };

export class PositionCache {
  readonly positions = new Map<string, Point>();
  readonly pinned = new Set<string>();

  load(layout: GraphLayoutPositions | null): void {
    this.positions.clear();
    this.pinned.clear();
    if (!layout) return;
    for (const [id, p] of Object.entries(layout.positions)) {
      if (Number.isFinite(p.x) && Number.isFinite(p.y)) this.positions.set(id, { x: p.x, y: p.y });
    }
    for (const id of layout.pinned) this.pinned.add(id);
  }

  get(id: string): Point | undefined {
    return this.positions.get(id);
  }

  set(id: string, p: Point): void {
    this.positions.set(id, { x: p.x, y: p.y });
  }

  /** Copies every node position currently in cytoscape into the cache. */
  capture(cy: Core): void {
    cy.nodes().forEach((n) => {
      const p = n.position();
      this.set(n.id(), p);
    });
  }

  pin(id: string, p: Point): void {
    this.set(id, p);
    this.pinned.add(id);
  }

  unpin(id: string): void {
    this.pinned.delete(id);
  }

  forget(id: string): void {
    this.positions.delete(id);
    this.pinned.delete(id);
  }

  /** Only ids still in the graph are saved, so stale entries do not pile up in the vault's layout. */
  toLayout(keep: (id: string) => boolean): GraphLayoutPositions {
    const positions: Record<string, Point> = {};
    for (const [id, p] of this.positions) if (keep(id)) positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    return { positions, pinned: [...this.pinned].filter(keep) };
  }
}

/** Debounces saves; `flush` writes a pending save now (on unmount). Errors go to `onError`. */
export function createDebouncedSaver(save: () => Promise<void>, delayMs: number, onError: (message: string) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    save().catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  return {
    schedule(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    flush(): void {
      if (!timer) return;
      clearTimeout(timer);
      run();
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Deterministic spot for a node with no remembered position and no placed neighbour. */
export function provisionalPosition(id: string, total: number): Point {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const u = ((h >>> 0) % 100000) / 100000;
  const v = (((h >>> 0) / 100000) % 1000) / 1000;
  // Uniform over a disc whose area grows with the graph, so provisional layouts are not crowded.
  const radius = 40 * Math.sqrt(Math.max(total, 1)) * Math.sqrt(u);
  const angle = v * 2 * Math.PI;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Near the average of already-placed neighbours (with a little jitter), else provisional. */
export function positionNearNeighbours(id: string, neighbours: Iterable<string>, known: (id: string) => Point | undefined, total: number): Point {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const other of neighbours) {
    const p = known(other);
    if (!p) continue;
    x += p.x;
    y += p.y;
    n++;
  }
  if (n === 0) return provisionalPosition(id, total);
  const jitter = provisionalPosition(id, 4);
  return { x: x / n + jitter.x, y: y / n + jitter.y };
}
