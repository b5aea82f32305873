/**
 * When do ordinary labels appear? A fixed min-zoomed-font-size shows every label of a
 * 1,000-node graph at its fitted zoom (measured: fit zoom ~0.95, labels from 0.82), which is
 * an unreadable carpet. What matters is on-screen room per node: labels are worth drawing once
 * the average spacing between nodes, times the zoom, leaves about LABEL_ROOM_PX for each.
 * cytoscape expresses "from zoom z on" as min-zoomed-font-size = font-size * z.
 */

/** Screen pixels a label needs around its node: about a short title at 11 px. */
export const LABEL_ROOM_PX = 60;
/** Never ask for more than this multiple of the font size (maxZoom is 4: labels stay reachable). */
const MAX_ZOOM_FOR_LABELS = 3;

export function labelMinZoomedFontSize(positions: Iterable<{ x: number; y: number }>, fontSize: number, floor: number): number {
  let n = 0;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of positions) {
    n++;
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (n < 2) return floor;
  // A line of nodes has no height; give each axis at least one label's room so it stays finite.
  const width = Math.max(maxX - minX, LABEL_ROOM_PX);
  const height = Math.max(maxY - minY, LABEL_ROOM_PX);
  const spacing = Math.sqrt((width * height) / n);
  const zoomNeeded = Math.min(MAX_ZOOM_FOR_LABELS, LABEL_ROOM_PX / spacing);
  return Math.max(floor, Math.round(fontSize * zoomNeeded));
}
