/**
 * Every cytoscape internal the accelerations rely on, by name, with where it is found. The
 * version test checks each on a real instance (a canvas renderer in jsdom); at run time the
 * core, style and renderer entries explain why an acceleration is off (activeAccelerations).
 * Element fields are only checked by the test: they exist once an element is styled, measured
 * or drawn, not on an empty graph.
 */
import type { Collection, Core } from 'cytoscape';
import { eleCalcsOf } from './render-hold';
import {
  collectionProto,
  coreOf,
  eleOf,
  rendererOf,
  styleOf,
  TEXTURE_CACHES,
  type PrivateEle,
  type RendererInternals,
  type StyleInternals,
} from './private-shapes';

/** What an internal is looked up on. */
export interface Probe {
  cy: Core;
  renderer: RendererInternals | undefined;
  style: StyleInternals;
  /** A styled, measured and drawn node and edge (the test's), when checking element fields. */
  node?: PrivateEle;
  edge?: PrivateEle;
  collection?: Collection;
}

export type InternalKind = 'core' | 'style' | 'renderer' | 'element';

/** The kind of a named internal (throws for a name not in the table: a typo in a patch's needs). */
export function kindOf(name: string): InternalKind {
  const internal = INTERNALS.find((i) => i.name === name);
  if (!internal) throw new Error(`Unknown cytoscape internal: ${name}`);
  return internal.kind;
}

export interface Internal {
  name: string;
  kind: InternalKind;
  /** How it is found, for people reading a failure. */
  where: string;
  /** True when it is there in the expected form. */
  present(p: Probe): boolean;
}

const fn = (v: unknown) => typeof v === 'function';
const layers = (p: Probe) => p.renderer?.data?.lyrTxrCache;

const style = (name: keyof StyleInternals): Internal => ({
  name: `Style.${name}`,
  kind: 'style',
  where: `cy.style().${name} (Style prototype)`,
  present: (p) => fn(p.style[name]),
});
const renderer = (name: keyof RendererInternals): Internal => ({
  name: `renderer.${name}`,
  kind: 'renderer',
  where: `cy.renderer().${name} (canvas renderer prototype)`,
  present: (p) => fn(p.renderer?.[name]),
});
const layerCache = (name: string, check: (v: unknown) => boolean = fn): Internal => ({
  name: `LayeredTextureCache.${name}`,
  kind: 'renderer',
  where: `cy.renderer().data.lyrTxrCache.${name}`,
  present: (p) => {
    const cache = layers(p) as Record<string, unknown> | undefined;
    return cache != null && check(cache[name]);
  },
});
const field = (name: string, of: 'node' | 'edge', check: (v: unknown, ele: PrivateEle) => boolean): Internal => ({
  name: `${of}._private.${name}`,
  kind: 'element',
  where: `a styled ${of}'s _private.${name}`,
  present: (p) => {
    const ele = p[of];
    return ele != null && check((ele._private as Record<string, unknown>)[name], ele);
  },
});

export const INTERNALS: readonly Internal[] = [
  { name: 'cy.renderer', kind: 'core', where: 'cy.renderer() (Core prototype)', present: (p) => fn(coreOf(p.cy).renderer) },
  { name: 'cy.hasCompoundNodes', kind: 'core', where: 'cy.hasCompoundNodes() (Core prototype)', present: (p) => fn(coreOf(p.cy).hasCompoundNodes) },
  { name: 'cy.mutableElements', kind: 'core', where: 'cy.mutableElements() (Core prototype)', present: (p) => fn(coreOf(p.cy).mutableElements) },
  { name: 'cy.notify', kind: 'core', where: 'cy.notify() (Core prototype)', present: (p) => fn(coreOf(p.cy).notify) },
  { name: 'cy.collection', kind: 'core', where: 'cy.collection() (Core prototype)', present: (p) => fn(coreOf(p.cy).collection) },
  {
    name: 'Collection.cleanStyle',
    kind: 'core',
    where: 'cy.elements().cleanStyle (Collection prototype)',
    present: (p) => fn((p.cy.elements() as unknown as Record<string, unknown>).cleanStyle),
  },
  {
    name: 'Collection.updateStyle',
    kind: 'core',
    where: 'cy.elements().updateStyle (Collection prototype)',
    present: (p) => fn((p.cy.elements() as unknown as Record<string, unknown>).updateStyle),
  },
  {
    name: 'Collection.emitAndNotify',
    kind: 'core',
    where: 'Object.getPrototypeOf(cy.elements()).emitAndNotify',
    present: (p) => fn(collectionProto(p.cy.elements()).emitAndNotify),
  },
  {
    name: 'Collection.interactive',
    kind: 'core',
    where: 'cy.elements().interactive (Collection prototype)',
    present: (p) => fn((p.cy.elements() as unknown as Record<string, unknown>).interactive),
  },
  style('checkTriggers'),
  style('checkZOrderTrigger'),
  style('checkBoundsTrigger'),
  style('checkConnectedEdgesBoundsTrigger'),
  style('checkParallelEdgesBoundsTrigger'),
  style('apply'),
  style('getContextMeta'),
  style('getContextStyle'),
  style('updateStyleHints'),
  {
    name: 'Style.propertyGroupNames',
    kind: 'style',
    where: 'cy.style().propertyGroupNames.{commonLabel,labelDimensions,mainLabel,sourceLabel,targetLabel} (arrays of property names)',
    present: (p) => ['commonLabel', 'labelDimensions', 'mainLabel', 'sourceLabel', 'targetLabel'].every((g) => Array.isArray(p.style.propertyGroupNames?.[g])),
  },
  { name: 'Style._private.cy', kind: 'style', where: 'cy.style()._private.cy (the core)', present: (p) => p.style._private?.cy === (p.cy as unknown) },
  renderer('redrawHint'),
  renderer('redraw'),
  renderer('flushRenderedStyleQueue'),
  renderer('getCachedZSortedEles'),
  renderer('updateCachedGrabbedEles'),
  renderer('notify'),
  renderer('getPixelRatio'),
  renderer('recalculateRenderedStyle'),
  renderer('render'),
  {
    name: 'renderer.beforeRenderCallbacks.eleCalcs',
    kind: 'renderer',
    where: "cy.renderer().beforeRenderCallbacks, the entry of priority beforeRenderPriorities.eleCalcs (the frame loop's rendered-style flush)",
    present: (p) => eleCalcsOf(p.renderer) !== undefined,
  },
  layerCache('firstGet', (v) => typeof v === 'boolean'),
  layerCache('skipping', (v) => typeof v === 'boolean'),
  layerCache('layersByLevel', (v) => typeof v === 'object' && v !== null),
  layerCache('layersQueue', (v) => typeof v === 'object' && v !== null && fn((v as { size?: unknown }).size)),
  layerCache('getLayers'),
  layerCache('makeLayer'),
  layerCache('invalidateLayer'),
  layerCache('drawEleInLayer'),
  layerCache('dequeue'),
  layerCache('validateLayersElesOrdering'),
  layerCache('levelIsComplete'),
  ...TEXTURE_CACHES.map((name): Internal => ({
    name: `${name}.invalidateElement+lookup.keyForId`,
    kind: 'renderer',
    where: `cy.renderer().data.${name}.invalidateElement and .lookup.keyForId.get (ElementTextureCache)`,
    present: (p) => {
      const cache = p.renderer?.data?.[name];
      return fn(cache?.invalidateElement) && fn(cache?.lookup?.keyForId?.get);
    },
  })),
  field('appliedInitStyle', 'node', (v) => v === true),
  field('styleCache', 'node', (v) => v === null || typeof v === 'object'),
  field('styleKey', 'node', (v) => v != null),
  field('styleCxtKey', 'edge', (v) => typeof v === 'string'),
  field('style', 'edge', (v) => typeof v === 'object' && v !== null),
  field('styleKeys', 'edge', (v) => typeof v === 'object' && v !== null),
  field('group', 'edge', (v) => v === 'edges'),
  field('source', 'edge', (v) => typeof v === 'object' && v !== null && eleOf(v)._private != null),
  field('bbCache', 'node', (v) => typeof v === 'object' && v !== null),
  field('hasPie', 'node', (v) => typeof v === 'boolean'),
  field('hasStripe', 'node', (v) => typeof v === 'boolean'),
  field(
    'rscratch',
    'edge',
    (v) =>
      typeof v === 'object' && v !== null && typeof (v as { edgeType?: unknown }).edgeType === 'string' && Array.isArray((v as { allpts?: unknown }).allpts),
  ),
  // The style hints first-style-copy.ts copies from an edge's first styling (nodeKey is a node's).
  ...['styleKey', 'labelDimsKey', 'labelKey', 'labelStyleKey', 'sourceLabelKey', 'sourceLabelStyleKey', 'targetLabelKey', 'targetLabelStyleKey'].map((hint) =>
    field(hint, 'edge', (v) => v !== undefined),
  ),
  field('nodeKey', 'node', (v) => v !== undefined),
];

/** A probe of this core (no element fields). */
export function probeOf(cy: Core): Probe {
  return { cy, renderer: rendererOf(cy), style: styleOf(cy) };
}

/** The names of these internals that this core lacks. */
export function missingInternals(cy: Core, names: readonly string[]): string[] {
  const probe = probeOf(cy);
  return names.filter((name) => {
    const internal = INTERNALS.find((i) => i.name === name);
    if (!internal) throw new Error(`Unknown cytoscape internal: ${name}`);
    return !internal.present(probe);
  });
}
