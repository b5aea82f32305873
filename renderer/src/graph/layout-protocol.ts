/** Messages between the view and the ForceAtlas2 layout worker. */
import type { GraphForces } from './graph-forces';

export interface LayoutRequest {
  nodes: string[];
  /** [source, target] pairs. */
  edges: [string, string][];
  /** Starting positions (every node has one). */
  positions: Record<string, { x: number; y: number }>;
  /** These keep their place. */
  pinned: string[];
  iterations: number;
  /** Each node's drawn diameter (graph px): medium graphs are spread so that these do not overlap (node-spread.ts). */
  sizes?: Record<string, number>;
  /** The graph settings' forces (graph-forces.ts); the defaults when absent. */
  forces?: GraphForces;
  /**
   * The same graph packed, for big graphs (layoutRequestFromDefinitions): edges as pairs of
   * indices into `nodes`, starting positions as x then y per node. Used instead of `edges` and
   * `positions` when present; handed to the worker without a copy (building and cloning 80k
   * small arrays took ~0.5 s of the main thread, profiled).
   */
  packed?: { edges: Uint32Array; xy: Float64Array };
  /** Stream positions while running ('positions' messages), for a view that shows them (big graphs). */
  stream?: boolean;
}

export type LayoutMessage =
  | { type: 'progress'; done: number; total: number }
  /**
   * Where the nodes are now, while the layout runs (every STREAM_INTERVAL_MS at most, see
   * forceatlas-run.ts): `xy` holds x then y for each of the request's nodes, in its order.
   */
  | { type: 'positions'; done: number; total: number; xy: Float64Array }
  | { type: 'done'; positions: Record<string, { x: number; y: number }> }
  | { type: 'error'; message: string };
