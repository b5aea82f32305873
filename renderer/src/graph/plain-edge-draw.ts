/**
 * Draws a plain edge into a layer bitmap the way cytoscape's canvas renderer does, without
 * its per-element machinery. Drawing an edge into a layer goes through drawCachedElement:
 * under- and overlays, four texture-cache "portions" (the edge, its label, source and target
 * labels), each measuring a bounding box, and finally drawEdge's stroke. For 30k edges that
 * was ~0.7 s, of which the strokes were ~0.3 s (CDP profile, 10k notes, headless Chromium).
 *
 * "Plain" is what the graph view draws: a straight or haystack line, solid, one colour, no
 * outline, under- or overlay, arrows or labels. For such an edge every other step of
 * drawCachedElement draws nothing, and what is left is drawEdge's drawLine (cytoscape 3.35):
 * lineJoin round, lineWidth, lineCap, an rgba strokeStyle with the colour's alpha times
 * opacity times line-opacity, no dash, a path through its points, one stroke, lineCap reset
 * to butt. Any other edge returns false and is drawn cytoscape's way.
 */
import type { EdgeSingular } from 'cytoscape';

interface EdgeInternals {
  pstyle(name: string): { value: unknown; pfValue?: number };
  visible(): boolean;
  _private: { rscratch: { edgeType?: string; badLine?: boolean; allpts?: number[] | null } };
}

const NONE_ARROWS = ['source-arrow-shape', 'target-arrow-shape', 'mid-source-arrow-shape', 'mid-target-arrow-shape'];
const EMPTY_LABELS = ['label', 'source-label', 'target-label'];

/** Whether cytoscape would draw this edge as nothing but one solid stroke along its points. */
export function isPlainEdge(edge: EdgeSingular): boolean {
  const e = edge as unknown as EdgeInternals;
  const rs = e._private.rscratch;
  if (rs.edgeType !== 'haystack' && rs.edgeType !== 'straight') return false;
  const value = (name: string) => e.pstyle(name).value;
  if (value('curve-style') === 'straight-triangle' || value('line-style') !== 'solid' || value('line-fill') !== 'solid') return false;
  if (value('line-outline-width') !== 0 || value('ghost') !== 'no') return false;
  if (value('underlay-opacity') !== 0 || value('overlay-opacity') !== 0) return false;
  for (const name of NONE_ARROWS) if (value(name) !== 'none') return false;
  for (const name of EMPTY_LABELS) if (value(name)) return false;
  return true;
}

/**
 * Strokes a plain edge (isPlainEdge) into `context` as cytoscape's drawEdge would; invisible
 * edges and edges without valid points draw nothing, as there.
 */
export function drawPlainEdge(context: CanvasRenderingContext2D, edge: EdgeSingular): void {
  const e = edge as unknown as EdgeInternals;
  const rs = e._private.rscratch;
  const pts = rs.allpts;
  if (!e.visible() || rs.badLine || pts == null || isNaN(pts[0])) return;
  const colour = e.pstyle('line-color').value as number[];
  const alpha = (colour[3] == null ? 1 : colour[3]) * (e.pstyle('opacity').value as number) * (e.pstyle('line-opacity').value as number);
  context.lineJoin = 'round';
  context.lineWidth = e.pstyle('width').pfValue as number;
  context.lineCap = e.pstyle('line-cap').value as CanvasLineCap;
  context.strokeStyle = 'rgba(' + colour[0] + ',' + colour[1] + ',' + colour[2] + ',' + alpha + ')';
  context.setLineDash([]);
  context.beginPath();
  context.moveTo(pts[0], pts[1]);
  for (let i = 2; i + 1 < pts.length; i += 2) context.lineTo(pts[i], pts[i + 1]);
  context.stroke();
  context.lineCap = 'butt';
}
