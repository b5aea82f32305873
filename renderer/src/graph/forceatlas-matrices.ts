/**
 * ForceAtlas2's flat matrices built straight from a layout request, without a graphology graph:
 * building that graph (a Map entry per node and edge, a duplicate check per edge) was the
 * largest part of the worker's time before its first streamed batch on a big graph, and every
 * chunk converted it to these matrices and back again. The matrices are graphology's own
 * (helpers.graphToByteArrays) and the iteration is its own (iterate.js), so the layout computed
 * is the same: nodes in request order, edges in request order without self-loops or repeats
 * (either direction), mass 1 + degree, size 1, pinned nodes fixed.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import type { LayoutRequest } from './layout-protocol';

/** Floats per node and per edge in graphology's matrices. */
const PPN = 10;
const PPE = 3;

export class ForceAtlasMatrices {
  readonly nodes: Float32Array;
  readonly edges: Float32Array;
  readonly order: number;

  constructor(request: LayoutRequest) {
    const ids = request.nodes;
    this.order = ids.length;
    const pinned = new Set(request.pinned);
    const packed = request.packed;
    const nodes = new Float32Array(this.order * PPN);
    ids.forEach((id, i) => {
      const p = packed ? { x: packed.xy[2 * i], y: packed.xy[2 * i + 1] } : (request.positions[id] ?? { x: 0, y: 0 });
      const j = i * PPN;
      nodes[j] = p.x;
      nodes[j + 1] = p.y;
      nodes[j + 6] = 1; // mass: 1 + degree, below
      nodes[j + 7] = 1; // convergence
      nodes[j + 8] = 1; // size
      nodes[j + 9] = pinned.has(id) ? 1 : 0;
    });
    const pairs: number[] = [];
    const seen = new Set<number>();
    const n = this.order;
    const add = (s: number | undefined, t: number | undefined) => {
      if (s === undefined || t === undefined || s === t) return;
      const key = s < t ? s * n + t : t * n + s;
      if (seen.has(key)) return;
      seen.add(key);
      pairs.push(s, t);
    };
    if (packed) for (let k = 0; k + 1 < packed.edges.length; k += 2) add(packed.edges[k], packed.edges[k + 1]);
    else {
      const index = new Map(ids.map((id, i) => [id, i]));
      for (const [s, t] of request.edges) add(index.get(s), index.get(t));
    }
    const edges = new Float32Array((pairs.length / 2) * PPE);
    for (let e = 0; e < pairs.length / 2; e++) {
      const s = pairs[2 * e] * PPN;
      const t = pairs[2 * e + 1] * PPN;
      nodes[s + 6]++;
      nodes[t + 6]++;
      edges[e * PPE] = s;
      edges[e * PPE + 1] = t;
      edges[e * PPE + 2] = 1;
    }
    this.nodes = nodes;
    this.edges = edges;
  }

  /**
   * `iterations` more iterations. Each chunk starts with the speeds and convergence reset, as
   * graphology's `assign` does when it rebuilds the matrices per call, which the layout used
   * before: the same chunks give the same positions.
   */
  run(settings: Record<string, unknown>, iterations: number): void {
    const full = { ...DEFAULTS, ...settings };
    const m = this.nodes;
    for (let j = 0; j < m.length; j += PPN) {
      m[j + 2] = 0;
      m[j + 3] = 0;
      m[j + 4] = 0;
      m[j + 5] = 0;
      m[j + 7] = 1;
    }
    for (let i = 0; i < iterations; i++) iterate(full, m, this.edges);
  }

  x(i: number): number {
    return this.nodes[i * PPN];
  }

  y(i: number): number {
    return this.nodes[i * PPN + 1];
  }

  /** x then y of each node, in request order. */
  positions(): Float64Array {
    const xy = new Float64Array(2 * this.order);
    for (let i = 0; i < this.order; i++) {
      xy[2 * i] = this.nodes[i * PPN];
      xy[2 * i + 1] = this.nodes[i * PPN + 1];
    }
    return xy;
  }
}
