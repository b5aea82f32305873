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
import { rendererOf } from './private-shapes';

export interface RenderHold {
  /** False when cytoscape's renderer lacks the hook: nothing is held then. */
  readonly available: boolean;
  readonly held: boolean;
  set(held: boolean): void;
  uninstall(): void;
}

export function installRenderHold(cy: Core): RenderHold {
  const r = rendererOf(cy);
  const original = r?.render;
  if (!r || typeof original !== 'function') return { available: false, held: false, set: () => undefined, uninstall: () => undefined };
  let held = false;
  const wrapped = function (this: unknown, options?: unknown) {
    if (held) return;
    return original.call(this, options);
  };
  r.render = wrapped;
  return {
    available: true,
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
    },
  };
}
