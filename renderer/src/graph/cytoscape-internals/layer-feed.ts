/**
 * Draws a progressive build's elements straight into cytoscape's layer bitmaps as they arrive.
 *
 * Left to cytoscape, a big build draws twice: every frame while elements go in draws all of
 * them one by one (its layers are invalid while elements keep changing: ~0.1-0.4 s per frame
 * at 10k nodes), and at the end every element is drawn again into the layers (layer-cache.ts).
 * Here each chunk, once settled (styles, geometry and boxes computed), is drawn into the layer
 * it belongs to right away, so at any moment every element is in a complete layer and a frame
 * is a few drawImage calls: the picture fills in as the build goes, and nothing is left to
 * draw at the end. Plain edges and plain nodes (a line, a filled circle) are drawn directly
 * (plain-edge-draw.ts, plain-node-draw.ts); anything else through cytoscape's drawEleInLayer.
 *
 * cytoscape checks that each layer holds a contiguous run of its draw order (z-index order:
 * edges below nodes, then z-index, then order of addition; validateLayersElesOrdering) or it
 * throws the layer away. Elements arrive in order of addition, so one layer per (edge or node,
 * z-index) keeps every run contiguous: [edges, nodes, hubs (z-index 5)]. A layer's bitmap
 * covers a fixed box; an element outside it grows the layer (a bigger bitmap, the old one
 * copied in). Anything unexpected (a layer cytoscape invalidated, a compound z-order, a layer
 * past cytoscape's size limits) stops the feed and drops its layers: the end-of-build layer
 * build (buildLayersInSlices) then does it all as before.
 */
import type { Collection, Core } from 'cytoscape';
import {
  drawPlainEdge,
  edgeStyleVisible,
  hasStraightPath,
  isPlainEdgeStyle,
  nodeShowsEdges,
  plainEdgeStroke,
  strokeBox,
  type EdgeStroke,
} from './plain-edge-draw';
import {
  coreOf,
  eleOf,
  layerInternals as internals,
  layerBitmapFits,
  publicEdge,
  publicNode,
  type Box,
  type Layer,
  type LayerCache,
  type PrivateEle as FeedEle,
} from './private-shapes';
import { layerLevel } from './layer-cache';
import { drawPlainNode, isPlainNodeStyle, nodeVisible, plainNodeFill } from './plain-node-draw';

export interface LayerFeed {
  /** Draws these just-settled elements (in order of addition) into their layers. */
  add(eles: Collection): void;
  /** True while every element fed so far sits in a valid layer (frames then draw layers only). */
  active(): boolean;
  /** Why the feed stopped or a layer of it is stale, for diagnostics; null while active. */
  stopReason(): string | null;
}

/**
 * What an element's style decides for the feed: its layer key (null: a z-order the feed does
 * not handle), for a plain edge its stroke, and its part in an edge's visibility (an edge's
 * own style; for a node, whether its edges can show).
 */
interface StyleFacts {
  key: number | null;
  stroke: EdgeStroke | null;
  visible: boolean;
  /** For a plain node (plain-node-draw.ts): its fill, and whether cytoscape's visible() holds. */
  fill: string | null;
  nodeVisible: boolean;
}

/**
 * Starts feeding layers at the current zoom's level, or returns null where there are no
 * layers to feed (headless, other renderers, zoomed in past cytoscape's layer levels, or
 * layers already present at that level). `hint` is a box the elements will mostly fall in
 * (the node positions): layers start that big, so they rarely have to grow.
 */
export function startLayerFeed(cy: Core, hint?: { x1: number; y1: number; x2: number; y2: number }): LayerFeed | null {
  const found = internals(cy);
  if (!found) return null;
  const { renderer, cache } = found;
  if (!cache.makeLayer || !cache.drawEleInLayer || !cache.invalidateLayer || !cache.layersByLevel || !renderer.getPixelRatio) return null;
  const pxRatio = renderer.getPixelRatio();
  const lvl = layerLevel(cy.zoom(), pxRatio);
  if (lvl === null || (cache.layersByLevel[lvl]?.length ?? 0) > 0) return null;
  const scale = Math.pow(2, lvl);
  const core = coreOf(cy);
  /** Whether the graph has compound nodes (then cytoscape decides visibility and draws nodes); read once per chunk. */
  let compound = false;
  const ours: { key: number; layer: Layer }[] = [];
  let stopped: string | null = null;

  const stop = (reason: string) => {
    stopped = reason;
    for (const { layer } of ours) if (!layer.invalid) cache.invalidateLayer!(layer);
    ours.length = 0;
  };

  /** Adds a layer to the level, keeping draw order: edges, then nodes, each by z-index. */
  const place = (key: number, layer: Layer) => {
    let i = 0;
    while (i < ours.length && ours[i].key < key) i++;
    ours.splice(i, 0, { key, layer });
    relist(cache, lvl, ours);
  };

  /** The layer for this key that holds `bb` (made or grown as needed); null past cytoscape's size limits. */
  const layerFor = (key: number, bb: Box): Layer | null => {
    const slot = ours.find((o) => o.key === key);
    // An element with an empty box (not displayed) draws nothing: any layer of its kind will do.
    const empty = !(bb.w > 0 || bb.h > 0);
    if (slot && (empty || inside(slot.layer.bb!, bb))) return slot.layer;
    const start = slot ? grownBox(slot.layer.bb!, bb, scale) : initialBox(hint, empty && hint ? { ...hint, w: 0, h: 0 } : bb, scale);
    if (!layerBitmapFits(start, scale)) return null;
    const layer = cache.makeLayer!(start, lvl);
    if (slot) {
      copyInto(slot.layer, layer, scale);
      layer.eles = slot.layer.eles;
      for (const ele of layer.eles) eleOf(ele)._private.rscratch.imgLayerCaches![lvl] = layer;
      slot.layer = layer;
      relist(cache, lvl, ours);
    } else {
      place(key, layer);
    }
    return layer;
  };

  // What an element's style decides, looked up once per style: cytoscape gives elements with
  // identical styles the same styleKey (it shares textures by it), and reading a dozen style
  // properties of each of 30k edges cost ~0.15 s (profiled).
  // (Per group: a node and an edge could hash alike.)
  const byStyle = { nodes: new Map<unknown, StyleFacts>(), edges: new Map<unknown, StyleFacts>() };
  const styleFacts = (ele: FeedEle): StyleFacts => {
    const node = ele.isNode();
    const styleKey = ele._private.styleKey;
    const known = node ? byStyle.nodes : byStyle.edges;
    let facts = styleKey == null ? undefined : known.get(styleKey);
    if (!facts) {
      const ordinary = ele.pstyle('z-compound-depth').value === 'auto' && ele.pstyle('z-index-compare').value === 'auto';
      const edge = publicEdge(ele);
      facts = {
        key: ordinary ? (node ? 1e9 : 0) + (Number(ele.pstyle('z-index').value) || 0) : null,
        stroke: !node && isPlainEdgeStyle(edge) ? plainEdgeStroke(edge) : null,
        visible: node ? nodeShowsEdges(publicNode(ele)) : edgeStyleVisible(edge),
        fill: node && isPlainNodeStyle(publicNode(ele), lvl) ? plainNodeFill(publicNode(ele)) : null,
        nodeVisible: node && nodeVisible(publicNode(ele)),
      };
      if (styleKey != null) known.set(styleKey, facts);
    }
    return facts;
  };

  /** cytoscape's visible() for an edge from style facts; undefined (ask cytoscape) with compound nodes. */
  const visibleEdge = (ele: FeedEle, facts: StyleFacts): boolean | undefined => {
    if (compound) return undefined;
    const { source, target } = ele._private as { source: FeedEle; target: FeedEle };
    return facts.visible && styleFacts(source).visible && (source === target || styleFacts(target).visible);
  };

  /** Draws one element into the layer for its kind and z-index; false when that is impossible. */
  const feedOne = (ele: FeedEle): boolean => {
    const facts = styleFacts(ele);
    if (facts.key === null) {
      stop('custom z-order');
      return false;
    }
    const edge = publicEdge(ele);
    const plain = facts.stroke !== null && hasStraightPath(edge);
    // A plain edge's box is its points widened by half its width (asking cytoscape for it cost
    // ~0.15 s over 30k edges, profiled); anything else asks.
    const layer = layerFor(facts.key, (plain && strokeBox(edge, facts.stroke!.width)) || ele.boundingBox());
    if (!layer) {
      stop('layer too big');
      return false;
    }
    if (plain) drawPlainEdge(layer.context!, edge, facts.stroke!, visibleEdge(ele, facts));
    else if (facts.fill !== null && !compound) {
      if (facts.nodeVisible) drawPlainNode(layer.context!, publicNode(ele), facts.fill);
    } else cache.drawEleInLayer!(layer, ele, lvl, pxRatio);
    layer.eles.push(ele);
    const rs = ele._private.rscratch;
    (rs.imgLayerCaches = rs.imgLayerCaches ?? {})[lvl] = layer;
    return true;
  };

  let fed = 0;
  let redrawn = 0;
  /**
   * A restyle of elements already drawn, or a removal (a live update while building), makes
   * cytoscape invalidate their layer. Such a layer is drawn again from its elements, as
   * long as redrawing stays a fraction of the work; past that the feed stops.
   */
  const repair = (): boolean => {
    for (const slot of [...ours]) {
      if (!slot.layer.invalid) continue;
      // Removed elements (a live update mid-build) are what invalidated it, or among them.
      const eles = slot.layer.eles.map(eleOf).filter((ele) => !ele.removed());
      redrawn += eles.length;
      if (redrawn > fed / 4 + 100) {
        stop('layers invalidated too often');
        return false;
      }
      ours.splice(ours.indexOf(slot), 1);
      relist(cache, lvl, ours);
      for (const ele of eles) if (!feedOne(ele)) return false;
    }
    return true;
  };

  return {
    add(eles) {
      compound = core.hasCompoundNodes();
      if (stopped || !repair()) return;
      for (let i = 0; i < eles.length; i++) if (!feedOne(eleOf(eles[i]))) return;
      fed += eles.length;
    },
    active: () => stopped === null && !ours.some((o) => o.layer.invalid),
    stopReason: () => stopped ?? (ours.some((o) => o.layer.invalid) ? 'a layer was invalidated after the last chunk' : null),
  };
}

/** cytoscape's list of the level's layers, made to be ours (in our order). */
function relist(cache: LayerCache, lvl: number, ours: { layer: Layer }[]): void {
  const level = (cache.layersByLevel![lvl] = cache.layersByLevel![lvl] ?? []);
  level.length = 0;
  for (const o of ours) level.push(o.layer);
}

function inside(outer: Box, b: Box): boolean {
  return b.x1 >= outer.x1 && b.x2 <= outer.x2 && b.y1 >= outer.y1 && b.y2 <= outer.y2;
}

/** A box from its corners, its left and top on the layer's pixel grid so copies stay sharp. */
function box(x1: number, y1: number, x2: number, y2: number, scale: number): Box {
  const gx = Math.floor(x1 * scale) / scale;
  const gy = Math.floor(y1 * scale) / scale;
  return { x1: gx, y1: gy, x2, y2, w: x2 - gx, h: y2 - gy };
}

function initialBox(hint: { x1: number; y1: number; x2: number; y2: number } | undefined, bb: Box, scale: number): Box {
  const h = hint ?? bb;
  // A margin of a tenth of the extent covers most labels and node radii past the centres.
  const mx = Math.max(50, (h.x2 - h.x1) / 10);
  const my = Math.max(50, (h.y2 - h.y1) / 10);
  return box(Math.min(h.x1 - mx, bb.x1), Math.min(h.y1 - my, bb.y1), Math.max(h.x2 + mx, bb.x2), Math.max(h.y2 + my, bb.y2), scale);
}

/** The old box grown to hold `bb`, with room to spare on the sides it grew (fewer regrowths). */
function grownBox(old: Box, bb: Box, scale: number): Box {
  const sx = old.w / 4;
  const sy = old.h / 4;
  const x1 = bb.x1 < old.x1 ? bb.x1 - sx : old.x1;
  const y1 = bb.y1 < old.y1 ? bb.y1 - sy : old.y1;
  const x2 = bb.x2 > old.x2 ? bb.x2 + sx : old.x2;
  const y2 = bb.y2 > old.y2 ? bb.y2 + sy : old.y2;
  return box(x1, y1, x2, y2, scale);
}

/** Copies a layer's bitmap into a bigger one at the same level, pixel for pixel. */
function copyInto(from: Layer, to: Layer, scale: number): void {
  const cxt = to.context!;
  cxt.save();
  cxt.setTransform(1, 0, 0, 1, 0, 0);
  cxt.drawImage(from.canvas!, Math.round((from.bb!.x1 - to.bb!.x1) * scale), Math.round((from.bb!.y1 - to.bb!.y1) * scale));
  cxt.restore();
}
