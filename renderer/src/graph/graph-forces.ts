/**
 * Obsidian's graph settings: the forces (centre, repel, link force, link distance) and the
 * display (arrows, text fade threshold, node size, link thickness), with the same ranges and
 * defaults as Obsidian's sliders, and how each force maps onto the layouts this view runs:
 * ForceAtlas2 in the worker for big graphs (forceatlas-run.ts), fcose for small and local ones
 * (layout-runner.ts). The defaults map to exactly the parameters the view used before these
 * settings existed, so a vault that never touches them is laid out as before.
 */

export interface GraphForces {
  centre: number;
  repel: number;
  linkForce: number;
  linkDistance: number;
}

export interface GraphDisplay {
  arrows: boolean;
  /** Shifts the zoom at which ordinary labels fade in: negative sooner, positive later. */
  textFade: number;
  /** Multiplies every node's size. */
  nodeSize: number;
  /** Multiplies every link's width. */
  linkThickness: number;
}

export interface Range {
  min: number;
  max: number;
  step: number;
  default: number;
}

export const FORCE_RANGES: Record<keyof GraphForces, Range> = {
  centre: { min: 0, max: 1, step: 0.01, default: 0.5 },
  repel: { min: 0, max: 20, step: 0.1, default: 10 },
  linkForce: { min: 0, max: 1, step: 0.01, default: 1 },
  linkDistance: { min: 30, max: 500, step: 1, default: 250 },
};

export const DISPLAY_RANGES: Record<Exclude<keyof GraphDisplay, 'arrows'>, Range> = {
  textFade: { min: -3, max: 3, step: 0.1, default: 0 },
  nodeSize: { min: 0.1, max: 5, step: 0.05, default: 1 },
  linkThickness: { min: 0.1, max: 5, step: 0.05, default: 1 },
};

export const DEFAULT_FORCES: GraphForces = { centre: 0.5, repel: 10, linkForce: 1, linkDistance: 250 };
export const DEFAULT_DISPLAY: GraphDisplay = { arrows: false, textFade: 0, nodeSize: 1, linkThickness: 1 };

/** A value within the range; anything that is not a finite number gets the default. */
export function clampTo(range: Range, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return range.default;
  return Math.min(range.max, Math.max(range.min, value));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Forces from stored JSON: each missing or bad value gets its default, each out-of-range one is clamped. */
export function parseForces(raw: unknown): GraphForces {
  const v = isObj(raw) ? raw : {};
  return {
    centre: clampTo(FORCE_RANGES.centre, v.centre),
    repel: clampTo(FORCE_RANGES.repel, v.repel),
    linkForce: clampTo(FORCE_RANGES.linkForce, v.linkForce),
    linkDistance: clampTo(FORCE_RANGES.linkDistance, v.linkDistance),
  };
}

export function parseDisplay(raw: unknown): GraphDisplay {
  const v = isObj(raw) ? raw : {};
  return {
    arrows: typeof v.arrows === 'boolean' ? v.arrows : DEFAULT_DISPLAY.arrows,
    textFade: clampTo(DISPLAY_RANGES.textFade, v.textFade),
    nodeSize: clampTo(DISPLAY_RANGES.nodeSize, v.nodeSize),
    linkThickness: clampTo(DISPLAY_RANGES.linkThickness, v.linkThickness),
  };
}

export function sameForces(a: GraphForces, b: GraphForces): boolean {
  return a.centre === b.centre && a.repel === b.repel && a.linkForce === b.linkForce && a.linkDistance === b.linkDistance;
}

export function sameDisplay(a: GraphDisplay, b: GraphDisplay): boolean {
  return a.arrows === b.arrows && a.textFade === b.textFade && a.nodeSize === b.nodeSize && a.linkThickness === b.linkThickness;
}

/**
 * ForceAtlas2's parameters. Its forces are repulsion (scalingRatio, default 20), attraction
 * along links (proportional to length, with no coefficient of its own) and gravity; only their
 * ratios shape the layout. Centre force is gravity (default 1). Repel force scales the
 * repulsion. Link force is the attraction, so it divides the repulsion (edge weights would
 * not do: ForceAtlas2 also weighs each node's repulsion by its weighted degree, so lighter
 * links repelled less too). With no rest length, a link's length at equilibrium grows with the
 * square root of repulsion over attraction, so link distance multiplies the repulsion by
 * (distance / 250)². A link force of 0 is taken as 0.05 (no attraction at all has no layout).
 */
export function forceAtlasParameters(f: GraphForces): { gravity: number; scalingRatio: number } {
  const distance = f.linkDistance / DEFAULT_FORCES.linkDistance;
  return { gravity: 2 * f.centre, scalingRatio: (2 * f.repel * distance * distance) / Math.max(0.05, f.linkForce) };
}

/**
 * fcose's parameters (its defaults scaled the same way: repulsion 15000, ideal edge length 120,
 * edge elasticity 0.45, gravity 0.25 at the default forces). fcose rejects a repulsion of 0,
 * so the floor is a tiny one.
 */
export function fcoseParameters(f: GraphForces): { nodeRepulsion: number; idealEdgeLength: number; edgeElasticity: number; gravity: number } {
  return {
    nodeRepulsion: Math.max(1, 1500 * f.repel),
    idealEdgeLength: f.linkDistance * (120 / DEFAULT_FORCES.linkDistance),
    edgeElasticity: 0.45 * f.linkForce,
    gravity: 0.5 * f.centre,
  };
}

/** How much the text fade threshold multiplies the label threshold (min-zoomed-font-size): 1.5 per step. */
export function labelFadeFactor(textFade: number): number {
  return Math.pow(1.5, textFade);
}
