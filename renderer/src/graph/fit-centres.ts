/**
 * Fitting the viewport to node centres. cy.fit() measures every label's bounding box, which
 * takes seconds at 10k nodes; centres plus room for the largest node and a label are enough for
 * a whole-graph view, and work before the nodes are even added (a big build fits first).
 */
import type { Core } from 'cytoscape';

export function fitToCentres(cy: Core, positions: Iterable<{ x: number; y: number }>, padding = 40): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of positions) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (!Number.isFinite(minX)) return;
  const width = cy.width() || 800;
  const height = cy.height() || 600;
  const margin = 40; // room for the largest node and a label
  const zoom = Math.min(4, Math.max(0.02, Math.min((width - 2 * padding) / (maxX - minX + 2 * margin), (height - 2 * padding) / (maxY - minY + 2 * margin))));
  cy.viewport({ zoom, pan: { x: width / 2 - (zoom * (minX + maxX)) / 2, y: height / 2 - (zoom * (minY + maxY)) / 2 } });
}
