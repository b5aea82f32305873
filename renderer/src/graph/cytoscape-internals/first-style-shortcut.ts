/**
 * cytoscape styles an element one stylesheet property at a time, and after each property it
 * "checks triggers" (Style.checkTriggers): it clears the style cache of the element and of all
 * its connected edges (a new collection per property), dirties its bounding box and emits a
 * `bounds` event that bubbles to every listener on the core. Styling a 10k-note / 30k-edge graph
 * spent ~40% of its time there (CDP profile of the bench page, headless Chromium, 2 cores).
 *
 * An element being styled for the first time (just added, or every element right after a
 * stylesheet swap, which clears them all: cytoscape's Style.clear dirties every bounding box
 * itself) has nothing for those triggers to invalidate: no bounding box was measured with the
 * style it is getting, and its edges either do not exist yet or are being restyled from
 * scratch too. So for a first application we clear only the element's own style cache and keep
 * the z-order trigger (cheap, and the draw order depends on it); every later style change (a
 * class, a bypass) goes through cytoscape's full checks as before. cytoscape marks the first
 * application with `appliedInitStyle` (3.35); without these internals nothing is changed.
 */
import type { Core } from 'cytoscape';
import { eleOf, styleOf, type StyleInternals } from './private-shapes';

/** Installs the shortcut on this instance's Style object; returns false when cytoscape's internals differ. */
export function installFirstStyleShortcut(cy: Core): boolean {
  const style = styleOf(cy);
  const full = style.checkTriggers;
  const zOrder = style.checkZOrderTrigger;
  if (typeof full !== 'function' || typeof zOrder !== 'function') return false;
  style.checkTriggers = function (this: StyleInternals, ele, name, from, to) {
    const p = eleOf(ele)._private;
    if (!p || p.appliedInitStyle) return full.call(this, ele, name, from, to);
    p.styleCache = null;
    zOrder.call(this, ele, name, from, to);
  };
  return true;
}
