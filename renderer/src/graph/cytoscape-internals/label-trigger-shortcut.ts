/**
 * For every property of every restyle, cytoscape's Style.checkTriggers (3.35) starts with
 * dirtyStyleCache: it clears the style cache of the element and of each of its connected
 * edges, building a new collection of them per node per property. That cache holds derived
 * state only (visible, takesUpSpace, interactive, isBundledBezier: from display, visibility,
 * opacity, events, size and curve style), which no label property feeds. So when a label
 * property changes on an element already styled (font, text colour and outline, the label
 * itself, text-opacity, min-zoomed-font-size), only the element's own cache is cleared; the
 * other triggers (z-order, its bounds, its edges' bounds) run as before. Everything else, and
 * every first application (first-style-shortcut.ts), goes through unchanged.
 *
 * Where it showed: applying a layout restyles the 10k nodes' min-zoomed-font-size, ~0.2 s of
 * edge collections in the app (CDP profile); the hub labels' font-size bypass
 * (legible-labels.ts), set again at each zoom step, walked every edge of every hub.
 */
import type { Core } from 'cytoscape';
import { eleOf, styleOf, type StyleInternals } from './private-shapes';

const LABEL_GROUPS = ['commonLabel', 'labelDimensions', 'mainLabel', 'sourceLabel', 'targetLabel'];
/** Label properties cytoscape files under other groups (visibility). */
const ALSO_LABEL = ['text-opacity', 'min-zoomed-font-size'];

/** The label properties of this cytoscape (by its property groups); empty when it has none of them. */
export function labelProperties(cy: Core): Set<string> {
  const groups = styleOf(cy).propertyGroupNames;
  if (!groups || LABEL_GROUPS.some((g) => !Array.isArray(groups[g]))) return new Set();
  return new Set([...LABEL_GROUPS.flatMap((g) => groups[g]!), ...ALSO_LABEL]);
}

/** Installs the shortcut on this instance's Style object; false when cytoscape's internals differ. */
export function installLabelTriggerShortcut(cy: Core): boolean {
  const style = styleOf(cy);
  const next = style.checkTriggers;
  const { checkZOrderTrigger, checkBoundsTrigger, checkConnectedEdgesBoundsTrigger, checkParallelEdgesBoundsTrigger } = style;
  const labels = labelProperties(cy);
  if (typeof next !== 'function' || typeof checkZOrderTrigger !== 'function' || typeof checkBoundsTrigger !== 'function') return false;
  if (typeof checkConnectedEdgesBoundsTrigger !== 'function' || typeof checkParallelEdgesBoundsTrigger !== 'function' || labels.size === 0) return false;
  style.checkTriggers = function (this: StyleInternals, ele, name, from, to) {
    const p = eleOf(ele)._private;
    if (!labels.has(name) || !p?.appliedInitStyle) return next.call(this, ele, name, from, to);
    p.styleCache = null;
    checkZOrderTrigger.call(this, ele, name, from, to);
    checkBoundsTrigger.call(this, ele, name, from, to);
    checkConnectedEdgesBoundsTrigger.call(this, ele, name, from, to);
    checkParallelEdgesBoundsTrigger.call(this, ele, name, from, to);
  };
  return true;
}
