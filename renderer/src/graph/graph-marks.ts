/**
 * Class marks the view puts on elements: a highlighted path, the current note, pinned nodes.
 * Each is one batch, and touches only elements whose mark changes (a no-op class write still
 * restyles an element, and a restyle invalidates cytoscape's layer cache: layer-cache.ts).
 */
import type { Core } from 'cytoscape';

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

/** Marks the note open in the editor (or none). */
export function markCurrent(cy: Core, id: string | null): void {
  cy.batch(() => {
    cy.nodes('.current').removeClass('current');
    if (id) cy.getElementById(id).addClass('current');
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
