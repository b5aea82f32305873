/**
 * Holds cytoscape's drawing while the graph overview (renderer/src/graph/overview/) draws a big
 * graph: cytoscape keeps the elements, the viewport and their events, but its canvas renderer
 * skips its frames (each one would draw every element again at a zoom where they are specks).
 * The canvas renderer's frame loop calls the instance's `render` (the same hook cytoscape's own
 * WebGL mode overrides); the hold wraps it. On release, one full redraw through the public
 * forceRender. Without the internal (another version, headless) the hold is unavailable and the
 * controller does not use the overview.
 */
import type { Core } from 'cytoscape';
import { rendererOf, type RendererInternals } from './private-shapes';

export interface RenderHold {
  /** False when cytoscape's renderer lacks the hook: nothing is held then. */
  readonly available: boolean;
  readonly held: boolean;
  /**
   * True when the hold also keeps the frame loop from computing the rendered geometry of
   * elements changed meanwhile (its eleCalcs step): elements added while held are then settled
   * only when the caller asks (layer-cache.ts settleElements), not all in one frame.
   */
  readonly holdsCalculations: boolean;
  set(held: boolean): void;
  uninstall(): void;
}

export function installRenderHold(cy: Core): RenderHold {
  const r = rendererOf(cy);
  const original = r?.render;
  if (!r || typeof original !== 'function')
    return { available: false, held: false, holdsCalculations: false, set: () => undefined, uninstall: () => undefined };
  let held = false;
  const wrapped = function (this: unknown, options?: unknown) {
    if (held) return;
    return original.call(this, options);
  };
  r.render = wrapped;
  // A held frame still ran the loop's flush of every element queued since the last one: elements
  // added unsettled while the overview draws (edge-fill.ts) took one 1-2 s frame (profiled).
  const calcs = eleCalcsOf(r);
  const calcsFn = calcs?.fn;
  if (calcs && calcsFn) calcs.fn = (willDraw, time) => (held ? undefined : calcsFn(willDraw, time));
  return {
    available: true,
    holdsCalculations: calcs !== undefined,
    get held() {
      return held;
    },
    set(next: boolean) {
      if (next === held) return;
      held = next;
      if (!held && !cy.destroyed()) cy.forceRender();
    },
    uninstall() {
      held = false;
      if (r.render === wrapped) r.render = original;
      if (calcs && calcsFn) calcs.fn = calcsFn;
    },
  };
}

/** The frame loop's eleCalcs step (the rendered-style flush before each frame), if the renderer has one. */
export function eleCalcsOf(r: RendererInternals | undefined): { fn: (willDraw: boolean, time?: number) => void; priority: number } | undefined {
  const priority = r?.beforeRenderPriorities?.eleCalcs;
  if (typeof priority !== 'number' || !Array.isArray(r?.beforeRenderCallbacks)) return undefined;
  return r.beforeRenderCallbacks.find((c) => c.priority === priority && typeof c.fn === 'function');
}
