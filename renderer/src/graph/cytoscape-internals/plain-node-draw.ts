/**
 * Draws a plain node into a layer bitmap the way cytoscape's canvas renderer does, without
 * its per-element machinery. Drawing a node into a layer goes through drawCachedElement: under-
 * and overlays, the node body drawn once into an element texture cache and then copied into the
 * layer, the label looked up in another cache. For 10k nodes that was ~0.22 s of a build
 * (CDP profile, headless Chromium), for what is, in the view, one filled circle per node.
 *
 * "Plain" is a node cytoscape would draw as a filled ellipse and nothing else at this layer
 * level (3.35 drawNode): shape ellipse, solid fill, no border, outline, image, pie, stripe,
 * blackening, ghost, padding, under- or overlay, and a label too small to show at this level
 * (min-zoomed-font-size). Its fill is the background colour with its alpha times
 * background-opacity times opacity, as drawNode's fill and the cache's copy at the element's
 * opacity come to. Any other node is drawn cytoscape's way.
 */
import type { NodeSingular } from 'cytoscape';
import { nodeShowsEdges, rgba } from './plain-edge-draw';
import { eleOf } from './private-shapes';

const ZERO = ['border-width', 'outline-width', 'background-blacken', 'padding', 'underlay-opacity', 'overlay-opacity'];

/**
 * Whether cytoscape would draw a node with this style as one filled ellipse at layer level
 * `lvl` (its label hidden there): the same for every node with the same style. Visibility
 * is separate (nodeVisible).
 */
export function isPlainNodeStyle(node: NodeSingular, lvl: number): boolean {
  const n = eleOf(node);
  const value = (name: string) => n.pstyle(name).value;
  const number = (name: string) => n.pstyle(name).pfValue ?? Number(n.pstyle(name).value);
  if (value('shape') !== 'ellipse' || value('background-fill') !== 'solid' || value('ghost') !== 'no') return false;
  for (const name of ZERO) if (number(name) !== 0) return false;
  const images = value('background-image');
  if (Array.isArray(images) ? images.some((url) => url != null && url !== 'none') : images != null && images !== 'none') return false;
  // What cytoscape's renderer asks before drawing pies and stripes (hasPie, hasStripe).
  if (n._private.hasPie || n._private.hasStripe) return false;
  // cytoscape's eleTextBiggerThanMin at the level's scale: below it, no label is drawn.
  return number('font-size') * Math.pow(2, lvl) < number('min-zoomed-font-size');
}

/** The fill of a plain node (isPlainNodeStyle): the same for every node with the same style. */
export function plainNodeFill(node: NodeSingular): string {
  const n = eleOf(node);
  const colour = n.pstyle('background-color').value as number[];
  const alpha = (colour[3] == null ? 1 : colour[3]) * Number(n.pstyle('background-opacity').value) * Number(n.pstyle('opacity').value);
  return rgba(colour, alpha);
}

/**
 * cytoscape's visible() for a node in a graph without compound nodes (visibility visible,
 * opacity not 0, display element, non-zero size): the same for every node with the same style.
 */
export function nodeVisible(node: NodeSingular): boolean {
  const n = eleOf(node);
  return n.pstyle('visibility').value === 'visible' && n.pstyle('opacity').pfValue !== 0 && nodeShowsEdges(node);
}

/** Fills a plain node's ellipse into `context` (model coordinates), as cytoscape's drawNode would. */
export function drawPlainNode(context: CanvasRenderingContext2D, node: NodeSingular, fill: string): void {
  const n = eleOf(node);
  const pos = n.position();
  if (!Number.isFinite(pos.x) || !Number.isFinite(pos.y)) return;
  const w = n.pstyle('width').pfValue!;
  const h = n.pstyle('height').pfValue!;
  context.fillStyle = fill;
  context.beginPath();
  context.ellipse(pos.x, pos.y, w / 2, h / 2, 0, 0, 2 * Math.PI);
  context.closePath();
  context.fill();
}
