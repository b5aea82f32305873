/**
 * The accelerations this view installs into one cytoscape instance's style and renderer
 * internals (cytoscape 3.35.0), each in its own module with the measurements that justified
 * it. Each one checks the internals it needs and leaves cytoscape as it is when they are
 * missing (another version, headless, WebGL), so the view still works, only slower; which
 * took, and why one did not, is listed by activeAccelerations (shown in the graph settings).
 */
import cytoscape, { type Core } from 'cytoscape';
import { installLabelTriggerShortcut } from './label-trigger-shortcut';
import { installFirstStyleShortcut } from './first-style-shortcut';
import { installFirstStyleCopy } from './first-style-copy';
import { installFastZSort } from './fast-z-sort';
import { installTextureCacheSkip } from './texture-cache-skip';
import { kindOf, missingInternals } from './internals-table';
import { CYTOSCAPE_VERSION, rendererOf, TEXTURE_CACHES } from './private-shapes';

/** Which shortcuts took (for tests and diagnostics). */
export interface Speedups {
  labelTriggers: boolean;
  firstStyle: boolean;
  styleCopy: boolean;
  zSort: boolean;
  textureCaches: number;
}

export interface Acceleration {
  name: string;
  active: boolean;
  /** Why it is off (absent when active). */
  reason?: string;
}

interface Spec {
  name: string;
  /** Names in INTERNALS this acceleration needs. */
  needs: readonly string[];
  /** Whether it took on this core: installed patches from what their install returned; the others are checked when used. */
  took(cy: Core, installed: Speedups | undefined): boolean;
}

const LAYERS = ['LayeredTextureCache.firstGet', 'renderer.redrawHint', 'renderer.redraw', 'renderer.flushRenderedStyleQueue'];
const SLICES = [
  ...LAYERS,
  'LayeredTextureCache.getLayers',
  'LayeredTextureCache.drawEleInLayer',
  'LayeredTextureCache.dequeue',
  'LayeredTextureCache.layersQueue',
  'renderer.getCachedZSortedEles',
  'renderer.getPixelRatio',
];
const FEED = [
  ...LAYERS,
  'LayeredTextureCache.makeLayer',
  'LayeredTextureCache.drawEleInLayer',
  'LayeredTextureCache.invalidateLayer',
  'LayeredTextureCache.layersByLevel',
  'renderer.getPixelRatio',
  'cy.hasCompoundNodes',
];
/** Used when called (layer-cache.ts, layer-feed.ts, measure-settled.ts): active when the internals are there now. */
const whenPresent = (needs: readonly string[]) => (cy: Core) => missingInternals(cy, needs).length === 0;

const SPECS: readonly Spec[] = [
  {
    name: 'Label restyle shortcut',
    needs: [
      'Style.checkTriggers',
      'Style.checkZOrderTrigger',
      'Style.checkBoundsTrigger',
      'Style.checkConnectedEdgesBoundsTrigger',
      'Style.checkParallelEdgesBoundsTrigger',
      'Style.propertyGroupNames',
    ],
    took: (_, s) => s?.labelTriggers === true,
  },
  { name: 'First style shortcut', needs: ['Style.checkTriggers', 'Style.checkZOrderTrigger'], took: (_, s) => s?.firstStyle === true },
  {
    name: 'First style copy',
    needs: ['Style.apply', 'Style.getContextMeta', 'Style.getContextStyle', 'Style._private.cy'],
    took: (_, s) => s?.styleCopy === true,
  },
  {
    name: 'Fast draw order',
    needs: ['renderer.getCachedZSortedEles', 'renderer.notify', 'renderer.updateCachedGrabbedEles', 'cy.hasCompoundNodes', 'cy.mutableElements'],
    took: (_, s) => s?.zSort === true,
  },
  {
    name: 'Texture cache skip',
    needs: TEXTURE_CACHES.map((c) => `${c}.invalidateElement+lookup.keyForId`),
    took: (_, s) => s?.textureCaches === TEXTURE_CACHES.length,
  },
  { name: 'One-frame layer rebuild', needs: LAYERS, took: whenPresent(LAYERS) },
  { name: 'Layers built in slices', needs: SLICES, took: whenPresent(SLICES) },
  { name: 'Build drawn into layers', needs: FEED, took: whenPresent(FEED) },
  { name: 'Quiet first measure', needs: ['Collection.emitAndNotify'], took: whenPresent(['Collection.emitAndNotify']) },
  { name: 'Overview holds cytoscape drawing', needs: ['renderer.render'], took: whenPresent(['renderer.render']) },
];

const installedOn = new WeakMap<Core, Speedups>();

export function installSpeedups(cy: Core): Speedups {
  // Both wrap Style.checkTriggers: the first-style shortcut, installed last, sees first
  // applications before the label shortcut does (which passes them on anyway).
  const labelTriggers = installLabelTriggerShortcut(cy);
  const firstStyle = installFirstStyleShortcut(cy);
  const speedups = { labelTriggers, firstStyle, styleCopy: installFirstStyleCopy(cy), zSort: installFastZSort(cy), textureCaches: installTextureCacheSkip(cy) };
  installedOn.set(cy, speedups);
  return speedups;
}

/** The running cytoscape's version (its export says). */
export function installedVersion(): string {
  return String((cytoscape as unknown as { version?: unknown }).version ?? 'unknown');
}

/** Why an acceleration did not take on this core. */
function reasonOff(cy: Core, spec: Spec): string {
  if (cy.destroyed()) return 'graph closed';
  const version = installedVersion();
  const upgrade = version === CYTOSCAPE_VERSION ? '' : ` (cytoscape ${version}; written for ${CYTOSCAPE_VERSION})`;
  if (spec.needs.some((n) => kindOf(n) === 'renderer') && !rendererOf(cy)?.data) return `no canvas renderer (headless or WebGL)${upgrade}`;
  const missing = missingInternals(cy, spec.needs);
  return (missing.length > 0 ? `cytoscape lacks ${missing.join(', ')}` : 'not installed on this graph') + upgrade;
}

/** Each acceleration with whether it is active on this core, and why not when it is off. */
export function activeAccelerations(cy: Core): Acceleration[] {
  const installed = installedOn.get(cy);
  return SPECS.map((spec) => {
    const active = !cy.destroyed() && spec.took(cy, installed);
    return active ? { name: spec.name, active } : { name: spec.name, active, reason: reasonOff(cy, spec) };
  });
}
