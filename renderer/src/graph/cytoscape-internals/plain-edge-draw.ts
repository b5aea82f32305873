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
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { eleOf } from './private-shapes';

const NONE_ARROWS = ['source-arrow-shape', 'target-arrow-shape', 'mid-source-arrow-shape', 'mid-target-arrow-shape'];
const EMPTY_LABELS = ['label', 'source-label', 'target-label'];

/** Whether cytoscape would draw this edge as nothing but one solid stroke along its points. */
export function isPlainEdge(edge: EdgeSingular): boolean {
  return hasStraightPath(edge) && isPlainEdgeStyle(edge);
}

/** Whether cytoscape laid this edge out as a straight line (haystack or straight): its geometry, not its style. */
export function hasStraightPath(edge: EdgeSingular): boolean {
  const edgeType = eleOf(edge)._private.rscratch.edgeType;
  return edgeType === 'haystack' || edgeType === 'straight';
}

/** The style half of isPlainEdge: the same for every edge with the same style. */
export function isPlainEdgeStyle(edge: EdgeSingular): boolean {
  const e = eleOf(edge);
  const value = (name: string) => e.pstyle(name).value;
  if (value('curve-style') === 'straight-triangle' || value('line-style') !== 'solid' || value('line-fill') !== 'solid') return false;
  if (value('line-outline-width') !== 0 || value('ghost') !== 'no') return false;
  if (value('underlay-opacity') !== 0 || value('overlay-opacity') !== 0) return false;
  for (const name of NONE_ARROWS) if (value(name) !== 'none') return false;
  for (const name of EMPTY_LABELS) if (value(name)) return false;
  return true;
}

/** How a plain edge is stroked: the same for every edge with the same style. */
export interface EdgeStroke {
  width: number;
  cap: CanvasLineCap;
  /** An rgba() string: the line colour with its alpha times opacity times line-opacity. */
  colour: string;
}

export function plainEdgeStroke(edge: EdgeSingular): EdgeStroke {
  const e = eleOf(edge);
  const colour = e.pstyle('line-color').value as number[];
  const alpha = (colour[3] == null ? 1 : colour[3]) * (e.pstyle('opacity').value as number) * (e.pstyle('line-opacity').value as number);
  return {
    width: e.pstyle('width').pfValue as number,
    cap: e.pstyle('line-cap').value as CanvasLineCap,
    colour: rgba(colour, alpha),
  };
}

/** A cytoscape colour value ([r, g, b] or [r, g, b, a]) as a canvas rgba() string with this alpha. */
export function rgba(colour: number[], alpha: number): string {
  return 'rgba(' + colour[0] + ',' + colour[1] + ',' + colour[2] + ',' + alpha + ')';
}

/**
 * What an edge's own style contributes to cytoscape's visible() (3.35: visibility visible,
 * opacity not 0, display element, width not 0): the same for every edge with the same style.
 */
export function edgeStyleVisible(edge: EdgeSingular): boolean {
  const e = eleOf(edge);
  return (
    e.pstyle('visibility').value === 'visible' &&
    e.pstyle('opacity').pfValue !== 0 &&
    e.pstyle('display').value === 'element' &&
    e.pstyle('width').pfValue !== 0
  );
}

/**
 * Whether a node lets its edges show, in a graph without compound nodes (cytoscape's
 * takesUpSpace: display element, non-zero width and height): the same for every node with
 * the same style.
 */
export function nodeShowsEdges(node: NodeSingular): boolean {
  const n = eleOf(node);
  return n.pstyle('display').value === 'element' && n.pstyle('width').pfValue !== 0 && n.pstyle('height').pfValue !== 0;
}

/**
 * Strokes a plain edge (isPlainEdge) into `context` as cytoscape's drawEdge would; invisible
 * edges and edges without valid points draw nothing, as there. `stroke` may come from another
 * edge with the same style; so may `visible` (edgeStyleVisible and nodeShowsEdges of both
 * ends, in a graph without compound nodes): cytoscape's visible() costs a few µs per new edge
 * in its style caches, ~0.07 s over 30k edges (profiled).
 */
export function drawPlainEdge(context: CanvasRenderingContext2D, edge: EdgeSingular, stroke: EdgeStroke = plainEdgeStroke(edge), visible?: boolean): void {
  const e = eleOf(edge);
  const rs = e._private.rscratch;
  const pts = rs.allpts;
  if (!(visible ?? e.visible()) || rs.badLine || pts == null || isNaN(pts[0])) return;
  context.lineJoin = 'round';
  context.lineWidth = stroke.width;
  context.lineCap = stroke.cap;
  context.strokeStyle = stroke.colour;
  context.setLineDash([]);
  context.beginPath();
  context.moveTo(pts[0], pts[1]);
  for (let i = 2; i + 1 < pts.length; i += 2) context.lineTo(pts[i], pts[i + 1]);
  context.stroke();
  context.lineCap = 'butt';
}

/** The box a straight edge's stroke covers (its points widened by half the width), or null without valid points. */
export function strokeBox(edge: EdgeSingular, width: number): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } | null {
  const pts = eleOf(edge)._private.rscratch.allpts;
  if (pts == null || pts.length < 2 || isNaN(pts[0])) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i + 1 < pts.length; i += 2) {
    if (pts[i] < x1) x1 = pts[i];
    if (pts[i] > x2) x2 = pts[i];
    if (pts[i + 1] < y1) y1 = pts[i + 1];
    if (pts[i + 1] > y2) y2 = pts[i + 1];
  }
  const half = width / 2;
  return { x1: x1 - half, y1: y1 - half, x2: x2 + half, y2: y2 + half, w: x2 - x1 + width, h: y2 - y1 + width };
}
