/**
 * The private shapes of cytoscape (3.35.0) that the accelerations in this folder reach into,
 * declared once, and the only casts from cytoscape's public types to them. Every field is
 * optional where cytoscape might lack it, and every patch checks before it uses one, so another
 * version or renderer (headless, WebGL) falls back to cytoscape's own behaviour; the version
 * test (tests/renderer/graph/cytoscape-internals/door-version.test.ts) names each internal on a
 * real instance so an upgrade fails loudly instead of quietly losing the speed.
 */
import type { Collection, Core, EdgeCollection, EdgeSingular, NodeCollection, NodeSingular, SingularElementArgument } from 'cytoscape';

/** The cytoscape release these shapes were read from (pinned in package.json). */
export const CYTOSCAPE_VERSION = '3.35.0';

// ---------------------------------------------------------------- boxes and layers

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** One bitmap of the canvas renderer's layered texture cache (LayeredTextureCache). */
export interface Layer {
  level: number;
  reqs: number;
  invalid?: boolean;
  eles: unknown[];
  elesQueue: unknown[];
  /** Model-space box the bitmap covers (makeLayer). */
  bb?: Box;
  canvas?: HTMLCanvasElement;
  context?: CanvasRenderingContext2D;
}

export interface LayerCache {
  firstGet: boolean;
  skipping?: boolean;
  layersByLevel?: Record<number, Layer[] | undefined>;
  layersQueue?: { size(): number };
  getLayers?(eles: unknown, pxRatio: number, lvl?: number): unknown;
  makeLayer?(bb: Box, lvl: number): Layer;
  invalidateLayer?(layer: Layer): void;
  drawEleInLayer?(layer: Layer, ele: unknown, lvl: number, pxRatio: number): void;
  dequeue?(pxRatio: number): unknown;
  validateLayersElesOrdering?(lvl: number, eles: unknown): void;
  levelIsComplete?(lvl: number, eles: unknown): boolean;
}

/** One of the four element texture caches (ElementTextureCache). */
export interface TextureCache {
  invalidateElement?(ele: { id(): string }): void;
  lookup?: { keyForId?: { get(id: string): unknown } };
}

export const TEXTURE_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'] as const;
export type TextureCacheName = (typeof TEXTURE_CACHES)[number];

// ---------------------------------------------------------------- renderer

export type ZSorted = SingularElementArgument[] & { interactive?: SingularElementArgument[]; nondrag?: unknown };

/** The canvas renderer (and its BaseRenderer), as far as this folder uses it. */
export interface RendererInternals {
  cy?: Core;
  data?: { lyrTxrCache?: LayerCache } & Partial<Record<TextureCacheName, TextureCache>>;
  redrawHint?(group: string, value: boolean): void;
  redraw?(): void;
  flushRenderedStyleQueue?(): void;
  cachedZSortedEles?: ZSorted | null;
  getCachedZSortedEles?(forceRecalc?: boolean): ZSorted | undefined;
  updateCachedGrabbedEles?(): void;
  notify?(eventName: string, eles?: ArrayLike<unknown>): void;
  getPixelRatio?(): number;
  recalculateRenderedStyle?(eles: Collection, useCache?: boolean): void;
  /** Draws one frame; the renderer's frame loop calls it through the instance (render-hold.ts). */
  render?(options?: unknown): void;
  /** What the frame loop runs before each frame, highest priority first; eleCalcs flushes the rendered-style queue (render-hold.ts). */
  beforeRenderCallbacks?: { fn: (willDraw: boolean, time?: number) => void; priority: number }[];
  beforeRenderPriorities?: { eleCalcs?: number };
}

// ---------------------------------------------------------------- core, style, elements

export interface CoreInternals {
  renderer?(): RendererInternals | undefined;
  hasCompoundNodes(): boolean;
  mutableElements(): ArrayLike<SingularElementArgument>;
  notify(event: string, eles: unknown): void;
  collection(eles?: unknown[]): unknown;
}

export type Trigger = (ele: unknown, name: string, from: unknown, to: unknown) => void;

export interface ContextMeta {
  key: string;
  empty: boolean;
}

/** cytoscape's Style object (cy.style()). */
export interface StyleInternals {
  checkTriggers?: Trigger;
  checkZOrderTrigger?: Trigger;
  checkBoundsTrigger?: Trigger;
  checkConnectedEdgesBoundsTrigger?: Trigger;
  checkParallelEdgesBoundsTrigger?: Trigger;
  propertyGroupNames?: Record<string, string[] | undefined>;
  apply?(eles: ArrayLike<PrivateEle>): unknown;
  getContextMeta?(ele: PrivateEle): ContextMeta;
  getContextStyle?(meta: ContextMeta): Record<string, { mapped?: unknown } | unknown>;
  updateStyleHints?(ele: unknown): unknown;
  _private: { contextStyles?: object; cy: CoreInternals };
}

/** An element's `_private`, the fields this folder reads or writes. */
export interface ElementPrivate {
  group: 'nodes' | 'edges';
  styleCxtKey?: string;
  style: Record<string, unknown>;
  styleKeys: Record<string, unknown>;
  styleCache?: unknown;
  styleKey?: unknown;
  appliedInitStyle?: boolean;
  bbCache?: unknown;
  hasPie?: boolean | null;
  hasStripe?: boolean | null;
  source?: PrivateEle;
  target?: PrivateEle;
  rscratch: { imgLayerCaches?: Record<number, Layer | null>; edgeType?: string; badLine?: boolean; allpts?: number[] | null };
  [field: string]: unknown;
}

export interface StyleValue {
  value: unknown;
  pfValue?: number;
  strValue?: string;
}

/** A singular element with its private parts and the public methods the patches use. */
export interface PrivateEle {
  _private: ElementPrivate;
  id(): string;
  isNode(): boolean;
  removed(): boolean;
  visible(): boolean;
  interactive(): boolean;
  position(): { x: number; y: number };
  boundingBox(): Box;
  pstyle(name: string): StyleValue;
}

/** Collection methods the typings leave out. */
interface CollectionInternals {
  cleanStyle(): void;
  updateStyle(): void;
}

export type Emit = (this: ArrayLike<unknown>, event: string, extra?: unknown) => unknown;

// ---------------------------------------------------------------- the casts

/** The core's internals. */
export function coreOf(cy: Core): CoreInternals {
  return cy as unknown as CoreInternals;
}

/** The core's renderer (canvas, WebGL, or the headless null renderer), when there is one. */
export function rendererOf(cy: Core): RendererInternals | undefined {
  return coreOf(cy).renderer?.();
}

/** The core's Style object with its internals. */
export function styleOf(cy: Core): StyleInternals {
  return cy.style() as unknown as StyleInternals;
}

/** An element with its private parts. */
export function eleOf(ele: SingularElementArgument | NodeSingular | EdgeSingular | unknown): PrivateEle {
  return ele as PrivateEle;
}

/** Back from the private view to cytoscape's public type. */
export function publicEdge(ele: PrivateEle): EdgeSingular {
  return ele as unknown as EdgeSingular;
}
export function publicNode(ele: PrivateEle): NodeSingular {
  return ele as unknown as NodeSingular;
}

/** The prototype that collections (and elements) share: where emitAndNotify lives. */
export function collectionProto(eles: Collection): { emitAndNotify?: Emit } {
  return Object.getPrototypeOf(eles) as { emitAndNotify?: Emit };
}

/** Computes pending styles of these elements now (cytoscape does it lazily before a frame). */
export function cleanStyle(eles: Collection | NodeCollection | EdgeCollection): void {
  (eles as unknown as CollectionInternals).cleanStyle();
}

/** Marks these elements' styles dirty so a stylesheet function is read again. */
export function updateStyle(eles: Collection | NodeCollection | EdgeCollection): void {
  (eles as unknown as CollectionInternals).updateStyle();
}

/** The canvas renderer and its layered texture cache, or null (destroyed, headless, WebGL, another version). */
export function layerInternals(cy: Core): { renderer: RendererInternals; cache: LayerCache } | null {
  if (cy.destroyed()) return null;
  const renderer = rendererOf(cy);
  const cache = renderer?.data?.lyrTxrCache;
  return renderer && cache && typeof cache.firstGet === 'boolean' ? { renderer, cache } : null;
}

/** cytoscape's limits for one layer's bitmap (LayeredTextureCache, 3.35). */
const MAX_LAYER_DIM = 32767;
const MAX_LAYER_AREA = 4000 * 4000;

/** Whether a layer covering `bb` at `scale` (2^level) is within cytoscape's bitmap limits (and not empty). */
export function layerBitmapFits(bb: Box, scale: number): boolean {
  const w = Math.ceil(bb.w * scale);
  const h = Math.ceil(bb.h * scale);
  return w > 0 && h > 0 && w <= MAX_LAYER_DIM && h <= MAX_LAYER_DIM && w * h <= MAX_LAYER_AREA;
}
