/**
 * The vault's tag counts, read once per vault version and shared: the All tags view shows them at
 * once when it is first shown, if the app read them ahead (prefetchTags, once the vault is open)
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
 * Reads the tags soon after the vault opens (when idle, but not later than a moment after), so the
 * first look at All tags need not wait for the service: a big vault's page is busy for a while
 * after opening, and an idle-only read went out after the user had already asked for the tags.
 */
export function prefetchTags(api: PlexusApi, version: number): () => void {
  const run = () => {
    // A failure here is the view's to report when it is shown (it reads again then).
    tagsFor(api, version).catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 100 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}

/** Prefetches once the vault is open, and again after each change of its notes (`version`). */
export function usePrefetchTags(api: PlexusApi, open: boolean, version: number): void {
  useEffect(() => (open ? prefetchTags(api, version) : undefined), [api, open, version]);
}
