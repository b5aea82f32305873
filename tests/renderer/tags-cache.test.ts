/** All tags' counts are read once per vault version and can be read ahead, so the view shows them at once when first shown. */
import type { PlexusApi } from '../../main/contract/api-contract';
import { cachedTags, prefetchTags, tagsFor } from '../../renderer/src/components/tags-cache';

function fakeApi() {
  let calls = 0;
  const api = { getTags: async () => [{ tag: `t${++calls}`, count: 1 }] } as unknown as PlexusApi;
  return { api, calls: () => calls };
}

test('one read per version; a new version reads again', async () => {
  const { api, calls } = fakeApi();
  expect(await tagsFor(api, 1)).toEqual([{ tag: 't1', count: 1 }]);
  expect(await tagsFor(api, 1)).toEqual([{ tag: 't1', count: 1 }]);
  expect(calls()).toBe(1);
  expect(cachedTags(api, 2)).toBeNull();
  expect(await tagsFor(api, 2)).toEqual([{ tag: 't2', count: 1 }]);
});

test('a prefetch reads at once and leaves the counts ready for the view’s first render', async () => {
  const { api, calls } = fakeApi();
  prefetchTags(api, 7);
  // No idle callback or timer first: on a big vault's busy page that put the read seconds late.
  expect(calls()).toBe(1);
  await tagsFor(api, 7);
  expect(cachedTags(api, 7)).toEqual([{ tag: 't1', count: 1 }]);
  expect(calls()).toBe(1);
});
