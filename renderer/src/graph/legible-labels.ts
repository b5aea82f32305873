/**
 * Labels that must stay readable at any zoom: hubs, the hovered node, the current note and a
 * highlighted path. cytoscape scales label text with the zoom, so a 14 px hub label is a 4 px
 * speck when a 10k-node graph is fitted (zoom ~0.28, measured). While the zoom is that low,
 * these few nodes get a font-size bypass that keeps them LEGIBLE_SCREEN_PX tall on screen;
 * zoomed in far enough, the bypass goes and the stylesheet rules again.
 */
import type { Core, EventObject, NodeCollection } from 'cytoscape';

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
  // invalidates cytoscape's layer cache (cytoscape-internals/layer-cache.ts) and costs ~1 s frames at 10k notes.
  // On screen the labels stay between 12 and 17 px.
  const stepped = Math.pow(2, Math.floor(2 * Math.log2(zoom)) / 2);
  return Math.min(MAX_MODEL_FONT, Math.round(LEGIBLE_SCREEN_PX / stepped));
}

export type LegibleLabels = (() => void) & {
  flush(): void;
  /**
   * Makes sure nodes just added have the bypass now, before they are first styled and drawn.
   * Set in a later frame, it restyled hubs already drawn into cytoscape's layers (and their
   * edges), invalidating them mid-build (cytoscape-internals/layer-feed.ts: a full redraw in that frame at 10k
   * notes). The 'add' listener gives it to new targets already unless an update is pending
   * (the zoom moved): adopt runs that update now instead of at the next frame.
   */
  adopt(nodes: NodeCollection): void;
  /** Applies what was skipped while held (cytoscape draws again). */
  refresh(): void;
};

/**
 * Keeps always-on labels readable as the zoom and classes change. Returns an uninstaller;
 * `adopt` is for nodes a build adds; `flush` applies a pending update now instead of at the next frame (a bulk build calls it
 * before the frame that builds cytoscape's layer cache, which the update would invalidate).
 */
export function installLegibleLabels(cy: Core, styledSize: number, held: () => boolean = () => false): LegibleLabels {
  let frame: number | null = null;
  // While the overview draws (held), cytoscape draws no label: restyling the hubs at each zoom
  // step would only recompute their edges' geometry, about a second per step on a dense graph
  // (profiled at 10k notes / 77k links). The update waits for refresh().
  let skipped = false;
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
    if (held()) {
      skipped = true;
      return;
    }
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
  /**
   * Nodes just added: only targets matter, and while nothing else is pending they get the
   * current bypass at once. A full update instead scans every node (~30-60 ms at 10k); run
   * for each chunk of a build (each chunk's 'add' events scheduled one), it was ~0.1 s of a
   * 10k-note build (profiled). `now`: a pending update runs now rather than at the next frame.
   */
  const takeIn = (nodes: NodeCollection, now: boolean) => {
    // Class checks, not the selector: this runs for every added node.
    const legible = nodes.filter((n) => n.isNode() && !bypassed.has(n) && LEGIBLE_CLASSES.some((c) => n.hasClass(c)));
    if (legible.empty()) return;
    const size = legibleFontSize(cy.zoom(), styledSize);
    if (size !== applied || frame !== null || held()) {
      // The zoom moved (or classes changed) since the last update: redo every target.
      targetsChanged = true;
      if (!now) return schedule();
      if (frame !== null) cancelAnimationFrame(frame);
      update();
      return;
    }
    if (size !== null) legible.style('font-size', size);
    bypassed = bypassed.union(legible);
  };
  const added = (e: EventObject) => takeIn(e.target as NodeCollection, false);
  cy.on('zoom', schedule);
  cy.on('class', 'node', classesChanged);
  cy.on('add', 'node', added);
  update();
  const uninstall = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    cy.off('zoom', schedule);
    cy.off('class', 'node', classesChanged);
    cy.off('add', 'node', added);
  };
  return Object.assign(uninstall, {
    flush() {
      if (frame === null) return;
      cancelAnimationFrame(frame);
      update();
    },
    adopt(nodes: NodeCollection) {
      takeIn(nodes, true);
    },
    refresh() {
      if (!skipped) return;
      skipped = false;
      targetsChanged = true;
      schedule();
    },
  });
}
