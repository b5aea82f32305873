/**
 * The vault's tag counts, read once per vault version and shared: the All tags view shows them at
 * once when it is first shown, if the app read them ahead (prefetchTags, as the vault opens)
 * or an earlier mount did. A failed read is not kept.
 */
import { useEffect } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';

export type TagCount = { tag: string; count: number };

interface Entry {
  api: PlexusApi;
  version: number;
  read: Promise<TagCount[]>;
  tags: TagCount[] | null;
}

let cached: Entry | null = null;

const hit = (api: PlexusApi, version: number) => (cached && cached.api === api && cached.version === version ? cached : null);

export function cachedTags(api: PlexusApi, version: number): TagCount[] | null {
  return hit(api, version)?.tags ?? null;
}

export function tagsFor(api: PlexusApi, version: number): Promise<TagCount[]> {
  const found = hit(api, version);
  if (found) return found.read;
  const entry: Entry = { api, version, read: api.getTags(), tags: null };
  cached = entry;
  entry.read.then(
    (tags) => {
      entry.tags = tags;
    },
    () => {
      if (cached === entry) cached = null;
    },
  );
  return entry.read;
}

/**
 * Reads the tags at once: the request is small and the answer too, while a big vault's page then
 * spends seconds on its file list. Read when idle, or once the vault's info or file list was in, it
 * went out after that list's answer had been parsed and drawn, and the first look at All tags waited for it.
 */
export function prefetchTags(api: PlexusApi, version: number): void {
  // A failure here is the view's to report when it is shown (it reads again then).
  tagsFor(api, version).catch(() => undefined);
}

/**
 * Prefetches as the app mounts (the app is only shown with a vault open, so not waiting for its
 * info or its file list), and again after each change of its notes (`version`).
 */
export function usePrefetchTags(api: PlexusApi, version: number): void {
  useEffect(() => prefetchTags(api, version), [api, version]);
}
