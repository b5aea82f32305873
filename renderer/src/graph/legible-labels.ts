/**
 * Labels that must stay readable at any zoom: hubs, the hovered node, the current note and a
 * highlighted path. cytoscape scales label text with the zoom, so a 14 px hub label is a 4 px
 * speck when a 10k-node graph is fitted (zoom ~0.28, measured). While the zoom is that low,
 * these few nodes get a font-size bypass that keeps them LEGIBLE_SCREEN_PX tall on screen;
 * zoomed in far enough, the bypass goes and the stylesheet rules again.
 */
import type { Core, NodeCollection } from 'cytoscape';

export const LEGIBLE_CLASSES = ['hub', 'hover', 'current', 'path'];
export const LEGIBLE_SELECTOR = LEGIBLE_CLASSES.map((c) => `node.${c}`).join(', ');
/** Screen height the always-on labels keep. */
export const LEGIBLE_SCREEN_PX = 12;
/** Model-space cap, so a label never grows past its neighbourhood at minZoom. */
const MAX_MODEL_FONT = 90;

/** The font size (model px) for always-on labels at `zoom`, or null when the stylesheet's own size is readable. */
export function legibleFontSize(zoom: number, styledSize: number): number | null {
  if (zoom * styledSize >= LEGIBLE_SCREEN_PX) return null;
  // In steps of √2 in zoom, not per wheel tick: every bypass change is a style change, which
  // invalidates cytoscape's layer cache (layer-cache.ts) and costs ~1 s frames at 10k notes.
  // On screen the labels stay between 12 and 17 px.
  const stepped = Math.pow(2, Math.floor(2 * Math.log2(zoom)) / 2);
  return Math.min(MAX_MODEL_FONT, Math.round(LEGIBLE_SCREEN_PX / stepped));
}

export type LegibleLabels = (() => void) & {
  flush(): void;
  /**
   * Gives nodes just added the bypass now, before they are first styled and drawn. Set in a
   * later frame, it restyled hubs already drawn into cytoscape's layers (and their edges),
   * invalidating them mid-build (layer-feed.ts: a full redraw in that frame at 10k notes). An
   * 'add' listener would do the same but makes cytoscape emit an event per added element
   * (~0.45 s at 10k notes / 30k edges, profiled).
   */
  adopt(nodes: NodeCollection): void;
};

/**
 * Keeps always-on labels readable as the zoom and classes change. Returns an uninstaller;
 * `adopt` is for nodes a build adds; `flush` applies a pending update now instead of at the next frame (a bulk build calls it
 * before the frame that builds cytoscape's layer cache, which the update would invalidate).
 */
export function installLegibleLabels(cy: Core, styledSize: number): LegibleLabels {
  let frame: number | null = null;
  let bypassed: NodeCollection = cy.collection();
  let applied: number | null = null;
  // Which nodes need the bypass changes only with classes and additions; the size only with
  // the zoom. A wheel gesture therefore costs nothing until the size steps: re-applying the
  // same bypass on every frame still restyled every hub and its edges in cytoscape (~1.2 s
  // over a 3 s gesture at 10k notes, profiled).
  let targetsChanged = true;
  const update = () => {
    frame = null;
    if (cy.destroyed()) return;
    const size = legibleFontSize(cy.zoom(), styledSize);
    if (size === applied && !targetsChanged) return;
    const targets = size === null ? cy.collection() : cy.nodes(LEGIBLE_SELECTOR);
    cy.batch(() => {
      // Nodes that stopped being hubs (or hovered) go back to the stylesheet.
      const stale = bypassed.difference(targets).filter((n) => !n.removed());
      if (stale.nonempty()) stale.removeStyle('font-size');
      // Same size: only the nodes that just became targets need it.
      const toSet = size === applied ? targets.difference(bypassed) : targets;
      if (size !== null && toSet.nonempty()) toSet.style('font-size', size);
    });
    bypassed = targets;
    applied = size;
    targetsChanged = false;
  };
  // Zoom events come per wheel tick and class events per element: one update per frame is enough.
  const schedule = () => {
    if (frame === null) frame = requestAnimationFrame(update);
  };
  const classesChanged = () => {
    targetsChanged = true;
    schedule();
  };
  cy.on('zoom', schedule);
  cy.on('class add', 'node', classesChanged);
  update();
  const uninstall = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    cy.off('zoom', schedule);
    cy.off('class add', 'node', classesChanged);
  };
  return Object.assign(uninstall, {
    flush() {
      if (frame === null) return;
      cancelAnimationFrame(frame);
      update();
    },
    adopt(nodes: NodeCollection) {
      // Class checks, not the selector: this runs on every chunk of a build.
      const legible = nodes.filter((n) => n.isNode() && LEGIBLE_CLASSES.some((c) => n.hasClass(c)));
      if (legible.empty()) return;
      const size = legibleFontSize(cy.zoom(), styledSize);
      if (size !== applied || frame !== null) {
        // The zoom moved (or classes changed) since the last update: redo every target now.
        if (frame !== null) cancelAnimationFrame(frame);
        targetsChanged = true;
        update();
        return;
      }
      // Same size: only the new nodes need it (a full update scanned every node per chunk).
      if (size !== null) legible.style('font-size', size);
      bypassed = bypassed.union(legible);
    },
  });
}
