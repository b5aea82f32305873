import type { Core } from 'cytoscape';
import { installTextureCacheSkip } from '../../../../renderer/src/graph/cytoscape-internals/texture-cache-skip';

/** A stand-in for cytoscape's ElementTextureCache: records what it was asked to invalidate. */
function fakeCache(known: string[]) {
  const invalidated: string[] = [];
  const cache = {
    lookup: { keyForId: new Map(known.map((id) => [id, `key-${id}`])) },
    invalidateElement(ele: { id(): string }) {
      invalidated.push(ele.id());
    },
    invalidateElements(eles: { id(): string }[]) {
      for (const ele of eles) this.invalidateElement(ele);
    },
  };
  return { cache, invalidated };
}

const ele = (id: string) => ({ id: () => id });

describe('installTextureCacheSkip', () => {
  it('passes on elements a cache knows and skips the ones it never drew, in all four caches', () => {
    const caches = { eleTxrCache: fakeCache(['a']), lblTxrCache: fakeCache(['b']), slbTxrCache: fakeCache([]), tlbTxrCache: fakeCache(['a', 'c']) };
    const data = Object.fromEntries(Object.entries(caches).map(([k, v]) => [k, v.cache]));
    const cy = { renderer: () => ({ data }) } as unknown as Core;
    expect(installTextureCacheSkip(cy)).toBe(4);
    for (const { cache } of Object.values(caches)) cache.invalidateElements(['a', 'b', 'c', 'd'].map(ele));
    expect(caches.eleTxrCache.invalidated).toEqual(['a']);
    expect(caches.lblTxrCache.invalidated).toEqual(['b']);
    expect(caches.slbTxrCache.invalidated).toEqual([]);
    expect(caches.tlbTxrCache.invalidated).toEqual(['a', 'c']);
  });

  it('sees elements the cache learns about later (the mapping is read at each call)', () => {
    const { cache, invalidated } = fakeCache([]);
    installTextureCacheSkip({ renderer: () => ({ data: { eleTxrCache: cache } }) } as unknown as Core);
    cache.invalidateElement(ele('x'));
    cache.lookup.keyForId.set('x', 'key-x');
    cache.invalidateElement(ele('x'));
    expect(invalidated).toEqual(['x']);
  });

  it('leaves a renderer without these internals alone', () => {
    expect(installTextureCacheSkip({ renderer: () => undefined } as unknown as Core)).toBe(0);
    expect(installTextureCacheSkip({ renderer: () => ({ data: { eleTxrCache: { invalidateElement() {} } } }) } as unknown as Core)).toBe(0);
  });
});
