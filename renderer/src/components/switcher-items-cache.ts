/**
 * The quick switcher's items (every note's title and aliases), read once per file list rather
 * than on every Ctrl/Cmd+O: building them for a big vault costs more than a keystroke may. The
 * file list changes on every add, remove or change of a file (use-files.ts), titles and aliases
 * included, so an unchanged list means unchanged items. A failed read is not kept. After a
 * change the switcher opens at once with the last items read while the new ones are read: for
 * a big vault that read takes longer than a key may, and one added or renamed note is all that
 * differs.
 */
import { useEffect, useRef } from 'react';
import type { FileEntry, PlexusApi, SwitcherItem } from '../../../main/contract/api-contract';

interface Entry {
  api: PlexusApi;
  files: FileEntry[];
  read: Promise<SwitcherItem[]>;
  items: SwitcherItem[] | null;
}

let cached: Entry | null = null;
/** The items of the last read that answered, whatever file list it was for. */
let last: { api: PlexusApi; items: SwitcherItem[] } | null = null;

const hit = (api: PlexusApi, files: FileEntry[] | null): Entry | null => (cached && files && cached.api === api && cached.files === files ? cached : null);

/** The items already read for this file list, if any: the switcher opens with them at once. */
export function cachedSwitcherItems(api: PlexusApi, files: FileEntry[] | null): SwitcherItem[] | null {
  return hit(api, files)?.items ?? null;
}

/** The items for this file list if read, else the last ones read (an older list's), else null. */
export function latestSwitcherItems(api: PlexusApi, files: FileEntry[] | null): SwitcherItem[] | null {
  return cachedSwitcherItems(api, files) ?? (last && last.api === api ? last.items : null);
}

export function switcherItems(api: PlexusApi, files: FileEntry[] | null): Promise<SwitcherItem[]> {
  const found = hit(api, files);
  if (found) return found.read;
  const read = api.getSwitcherItems();
  if (!files) return read; // no list to key on yet
  const entry: Entry = { api, files, read, items: null };
  cached = entry;
  read.then(
    (items) => {
      entry.items = items;
      if (cached === entry) last = { api, items };
    },
    () => {
      if (cached === entry) cached = null;
    },
  );
  return read;
}

/**
 * Reads the items when the page is first idle with a file list, so the first Ctrl/Cmd+O lists at
 * once; later changes need no read ahead (the switcher opens with the last items meanwhile).
 */
export function usePrefetchSwitcherItems(api: PlexusApi, files: FileEntry[] | null): void {
  const latest = useRef(files);
  latest.current = files;
  const known = files !== null;
  useEffect(() => {
    if (!known || (last && last.api === api) || (cached && cached.api === api)) return;
    const run = () => {
      // A failure is the switcher's to report when it opens (it reads again then).
      switcherItems(api, latest.current).catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(run, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(run, 300);
    return () => window.clearTimeout(id);
  }, [api, known]);
}
