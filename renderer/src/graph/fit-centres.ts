/**
 * Fitting the viewport to node centres. cy.fit() measures every label's bounding box, which
 * takes seconds at 10k nodes; centres plus room for the largest node and a label are enough for
 * a whole-graph view, and work before the nodes are even added (a big build fits first).
 */
import type { Core } from 'cytoscape';

/** The box around these points, or undefined when there are none. */
export function extentOf(points: Iterable<{ x: number; y: number }>): { x1: number; y1: number; x2: number; y2: number } | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  return Number.isFinite(x1) ? { x1, y1, x2, y2 } : undefined;
}

export function fitToCentres(cy: Core, positions: Iterable<{ x: number; y: number }>, padding = 40): void {
  const box = extentOf(positions);
  if (!box) return;
  const { x1: minX, y1: minY, x2: maxX, y2: maxY } = box;
  const width = cy.width() || 800;
  const height = cy.height() || 600;
  const margin = 40; // room for the largest node and a label
  const zoom = Math.min(4, Math.max(0.02, Math.min((width - 2 * padding) / (maxX - minX + 2 * margin), (height - 2 * padding) / (maxY - minY + 2 * margin))));
  cy.viewport({ zoom, pan: { x: width / 2 - (zoom * (minX + maxX)) / 2, y: height / 2 - (zoom * (minY + maxY)) / 2 } });
}
