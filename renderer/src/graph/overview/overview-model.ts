/**
 * What the overview draws, as flat arrays: node centres, radii, colours and whether each is
 * shown, edges as index pairs, and the few marked nodes (current note, path, focus) drawn with a
 * ring. Built from element definitions (the first picture, before cytoscape holds anything) or
 * read from cytoscape (after filters, live updates, drags).
 */
import type { Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import { everyElement } from '../cytoscape-internals';

export interface OverviewModel {
  ids: string[];
  index: Map<string, number>;
  x: Float64Array;
  y: Float64Array;
  radius: Float32Array;
  /** Index into palette. */
  colour: Uint16Array;
  palette: string[];
  /** 1 when the node is drawn. */
  shown: Uint8Array;
  /** Pairs of node indices, only edges whose ends are both shown. */
  edges: Uint32Array;
  /** Nodes drawn with an accent ring over the picture. */
  marked: number[];
  /** Set when the positions came from a running or just-finished layout (withPositions). */
  fromLayout?: boolean;
  /**
   * Links are not drawn: the provisional start of a first open, whose layout starts at once
   * (GraphOverview.showDefinitions). Its links all cross one disc, a grey blob, and drawing them
   * held the main thread just as the layout worker started (traced; docs/benchmarks.md).
   */
  linksHidden?: boolean;
}

/** Classes that earn a node a ring in the overview (graph-marks.ts, graph-viewport.ts). */
const MARKS = ['current', 'path', 'focus'];
const DEFAULT_SIZE = 8;
const FALLBACK_COLOUR = '#9094a0';

class Builder {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly palette: string[] = [];
  private readonly paletteIndex = new Map<string, number>();
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly radius: Float32Array;
  readonly colour: Uint16Array;
  readonly shown: Uint8Array;
  readonly marked: number[] = [];

  constructor(n: number) {
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.radius = new Float32Array(n);
    this.colour = new Uint16Array(n);
    this.shown = new Uint8Array(n);
  }

  node(id: string, x: number, y: number, size: number, colour: string, shown: boolean, marked: boolean): void {
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.x[i] = x;
    this.y[i] = y;
    this.radius[i] = size / 2;
    let c = this.paletteIndex.get(colour);
    if (c === undefined) {
      c = this.palette.length;
      this.palette.push(colour);
      this.paletteIndex.set(colour, c);
    }
    this.colour[i] = c;
    this.shown[i] = shown ? 1 : 0;
    if (marked && shown) this.marked.push(i);
  }

  /** `pairs` hands each edge's ends to `visit`, at most `count` of them. */
  finish(pairs: (visit: (source: string, target: string) => void) => void, count: number): OverviewModel {
    const edges = new Uint32Array(2 * count);
    let k = 0;
    pairs((s, t) => {
      const a = this.index.get(s);
      const b = this.index.get(t);
      if (a === undefined || b === undefined || !this.shown[a] || !this.shown[b]) return;
      edges[k++] = a;
      edges[k++] = b;
    });
    const { ids, index, x, y, radius, colour, palette, shown, marked } = this;
    return { ids, index, x, y, radius, colour, palette, shown, marked, edges: edges.subarray(0, k) };
  }
}

function classList(classes: ElementDefinition['classes']): string[] {
  if (!classes) return [];
  return Array.isArray(classes) ? classes : classes.split(/\s+/);
}

/** From the definitions a build starts with; nodes without a position sit at the origin, as cytoscape puts them. */
export function modelFromDefinitions(nodes: readonly ElementDefinition[], edges: readonly ElementDefinition[]): OverviewModel {
  const b = new Builder(nodes.length);
  for (const n of nodes) {
    const classes = classList(n.classes);
    const data = n.data as { id: string; size?: number; colour?: string };
    b.node(
      data.id,
      n.position?.x ?? 0,
      n.position?.y ?? 0,
      data.size ?? DEFAULT_SIZE,
      data.colour ?? FALLBACK_COLOUR,
      !classes.includes('hidden'),
      classes.some((c) => MARKS.includes(c)),
    );
  }
  return b.finish((visit) => {
    for (const e of edges) {
      const d = e.data as { source: string; target: string };
      visit(d.source, d.target);
    }
  }, edges.length);
}

/**
 * From what cytoscape holds now: one pass over its element list (everyElement), each element
 * read through the public API. `pendingEdges`: links of the graph cytoscape does not hold yet
 * (a big build's edges go in after its nodes, edge-fill.ts), drawn after its own.
 */
export function modelFromCore(cy: Core, pendingEdges: readonly ElementDefinition[] = []): OverviewModel {
  const all = everyElement(cy);
  let nodeCount = 0;
  for (let i = 0; i < all.length; i++) if (all[i].isNode()) nodeCount++;
  const b = new Builder(nodeCount);
  const edges: SingularElementArgument[] = [];
  for (let i = 0; i < all.length; i++) {
    const ele = all[i];
    if (!ele.isNode()) {
      edges.push(ele);
      continue;
    }
    const p = ele.position();
    const data = ele.data() as { id: string; size?: unknown; colour?: unknown };
    b.node(
      data.id,
      p.x,
      p.y,
      Number(data.size) || DEFAULT_SIZE,
      String(data.colour ?? FALLBACK_COLOUR),
      !ele.hasClass('hidden'),
      MARKS.some((c) => ele.hasClass(c)),
    );
  }
  return b.finish((visit) => {
    for (const e of edges) {
      if (e.hasClass('hidden')) continue;
      const d = e.data() as { source: string; target: string };
      visit(d.source, d.target);
    }
    for (const e of pendingEdges) {
      if (classList(e.classes).includes('hidden')) continue;
      const d = e.data as { source: string; target: string };
      visit(d.source, d.target);
    }
  }, edges.length + pendingEdges.length);
}

/** True when both would draw the same picture (a sync after a build usually changes nothing). */
export function sameModel(a: OverviewModel, b: OverviewModel): boolean {
  if (a.ids.length !== b.ids.length || a.edges.length !== b.edges.length || a.marked.length !== b.marked.length || !a.linksHidden !== !b.linksHidden)
    return false;
  for (let i = 0; i < a.ids.length; i++) {
    if (a.ids[i] !== b.ids[i] || a.x[i] !== b.x[i] || a.y[i] !== b.y[i] || a.radius[i] !== b.radius[i] || a.shown[i] !== b.shown[i]) return false;
    if (a.palette[a.colour[i]] !== b.palette[b.colour[i]]) return false;
  }
  for (let k = 0; k < a.edges.length; k++) if (a.edges[k] !== b.edges[k]) return false;
  return a.marked.every((m, k) => m === b.marked[k]);
}

/**
 * The same model with the nodes listed in `ids` at the positions in `xy` (x then y per id, as a
 * layout streams them); other nodes stay where they are. New position arrays, so a picture
 * still being drawn from `model` keeps drawing what it started with.
 */
export function withPositions(model: OverviewModel, ids: readonly string[], xy: Float64Array): OverviewModel {
  const x = Float64Array.from(model.x);
  const y = Float64Array.from(model.y);
  const n = Math.min(ids.length, xy.length >> 1);
  for (let k = 0; k < n; k++) {
    const i = model.index.get(ids[k]);
    if (i === undefined) continue;
    x[i] = xy[2 * k];
    y[i] = xy[2 * k + 1];
  }
  return { ...model, x, y, fromLayout: true, linksHidden: false };
}
