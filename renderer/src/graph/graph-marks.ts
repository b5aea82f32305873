/**
 * Class marks the view puts on elements: a highlighted path, the current note, pinned nodes.
 * Each is one batch, and touches only elements whose mark changes (a no-op class write still
 * restyles an element, and a restyle invalidates cytoscape's layer cache: cytoscape-internals/layer-cache.ts).
 */
import type { Core, ElementDefinition } from 'cytoscape';

/** Marks the nodes and edges of the given paths (each a node-id list) and brings them into view; clears when empty. */
export function highlightPaths(cy: Core, paths: string[][]): void {
  cy.batch(() => {
    cy.elements('.path').removeClass('path');
    for (const path of paths) {
      path.forEach((id, i) => {
        cy.getElementById(id).addClass('path');
        if (i === 0) return;
        const a = cy.getElementById(path[i - 1]);
        a.edgesWith(cy.getElementById(id)).addClass('path');
      });
    }
  });
  if (paths.length === 0) return;
  const els = cy.elements('.path');
  if (els.empty()) return;
  // Fit the path, but never closer than 1.5×: a one-step path would otherwise fill the pane.
  const bb = els.boundingBox();
  const zoom = Math.min(1.5, cy.width() / (bb.w + 160), cy.height() / (bb.h + 160));
  cy.animate({ center: { eles: els }, zoom }, { duration: 400 });
}

/** Marks the note open in the editor (or none); nothing is written when that is already so. */
export function markCurrent(cy: Core, id: string | null): void {
  const marked = cy.nodes('.current');
  if (id === null ? marked.empty() : marked.length === 1 && marked[0].id() === id) return;
  cy.batch(() => {
    marked.removeClass('current');
    if (id) cy.getElementById(id).addClass('current');
  });
}

/**
 * Node definitions with the current note and the pinned nodes already marked, for a build: a
 * big build draws each node into cytoscape's layers as it goes in (cytoscape-internals/layer-feed.ts), so a mark
 * added afterwards restyled that node and its links and invalidated the layers they were drawn
 * in (the whole graph's: a ~0.8 s redraw at the end of a 10k build in the app). Only the marked
 * definitions are copied; the rest are the same objects.
 */
export function withMarks(nodes: ElementDefinition[], current: string | null, pinned: ReadonlySet<string>): ElementDefinition[] {
  if (current === null && pinned.size === 0) return nodes;
  return nodes.map((n) => {
    const id = String(n.data.id);
    const isCurrent = id === current;
    const isPinned = pinned.has(id);
    if (!isCurrent && !isPinned) return n;
    const classes = Array.isArray(n.classes) ? [...n.classes] : typeof n.classes === 'string' ? n.classes.split(/\s+/).filter(Boolean) : [];
    if (isCurrent && !classes.includes('current')) classes.push('current');
    if (isPinned && !classes.includes('pinned')) classes.push('pinned');
    return { ...n, classes };
  });
}

/** Marks exactly these nodes as pinned. */
export function setPinned(cy: Core, ids: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      if (n.hasClass('pinned') !== ids.has(n.id())) n.toggleClass('pinned', ids.has(n.id()));
    });
  });
}
