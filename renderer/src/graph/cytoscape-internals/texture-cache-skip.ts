/**
 * cytoscape's canvas renderer keeps four element texture caches (node bodies, labels, edge
 * source and target labels: small bitmaps reused while zooming). At every flush of its
 * style queue it tells each cache about every element that changed (invalidateTextureCaches),
 * and a cache then computes the element's key (a hash over its style) and looks it up at eight
 * zoom levels, even for an element it never drew. At 10k notes / 30k edges that was ~0.1 s
 * per flush of 40k elements (CDP profile: every chunk of a build pays it for the chunk, a
 * layout's restyle for every node), and the view's edges never reach these caches at all:
 * they are stroked straight into the layers (plain-edge-draw.ts).
 *
 * A cache knows an element once its lookup maps the element's id to a key (cytoscape 3.35:
 * ElementTextureCacheLookup.keyForId, set whenever an entry is stored or found for it). For an
 * element without that mapping, cytoscape's invalidateElement finds no entry to retire and
 * only drops a pending draw request filed under the element's *current* key, which still
 * describes it. So those elements are skipped; every known element is invalidated as before.
 */
import type { Core } from 'cytoscape';
import { rendererOf, TEXTURE_CACHES, type TextureCache } from './private-shapes';

/** Installs the skip on this core's texture caches; the number of caches it was installed on (0 without these internals). */
export function installTextureCacheSkip(cy: Core): number {
  const data = rendererOf(cy)?.data;
  let installed = 0;
  for (const name of TEXTURE_CACHES) {
    const cache = data?.[name];
    const original = cache?.invalidateElement;
    if (!cache || typeof original !== 'function' || typeof cache.lookup?.keyForId?.get !== 'function') continue;
    cache.invalidateElement = function (this: TextureCache, ele) {
      if (this.lookup?.keyForId?.get(ele.id()) === undefined) return;
      original.call(this, ele);
    };
    installed++;
  }
  return installed;
}
