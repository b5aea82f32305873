/**
 * When do ordinary labels appear? A fixed min-zoomed-font-size shows every label of a
 * 1,000-node graph at its fitted zoom (measured: fit zoom ~0.95, labels from 0.82), which is
 * an unreadable carpet. What matters is on-screen room per node: labels are worth drawing once
 * the average spacing between nodes, times the zoom, leaves about LABEL_ROOM_PX for each.
 * cytoscape expresses "from zoom z on" as min-zoomed-font-size = font-size * z.
 */
import { CULL_MAX_NODES } from './label-cull';

/** Screen pixels a label needs around its node: about a short title at 11 px. */
export const LABEL_ROOM_PX = 60;
/**
 * The same where labels are culled by collision (label-cull.ts, up to CULL_MAX_NODES): no two
 * are drawn on top of each other anyway, so they may start with less room; a medium vault shows
 * its best-connected titles at the fit zoom, as Obsidian does.
 */
export const CULLED_LABEL_ROOM_PX = 30;

/** The room labels need in a graph of this many nodes. */
export function labelRoomFor(nodes: number): number {
  return nodes <= CULL_MAX_NODES ? CULLED_LABEL_ROOM_PX : LABEL_ROOM_PX;
}
/** Never ask for more than this multiple of the font size (maxZoom is 4: labels stay reachable). */
const MAX_ZOOM_FOR_LABELS = 3;

export function labelMinZoomedFontSize(positions: Iterable<{ x: number; y: number }>, fontSize: number, floor: number, roomPx = LABEL_ROOM_PX): number {
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
  const width = Math.max(maxX - minX, roomPx);
  const height = Math.max(maxY - minY, roomPx);
  const spacing = Math.sqrt((width * height) / n);
  const zoomNeeded = Math.min(MAX_ZOOM_FOR_LABELS, roomPx / spacing);
  return Math.max(floor, Math.round(fontSize * zoomNeeded));
}
