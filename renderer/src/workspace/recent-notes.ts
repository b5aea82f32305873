/**
 * Recently opened notes per vault (most recent first), for the quick switcher's empty query.
 * Kept in localStorage beside the workspace; a stored value that is not a list of strings is
 * ignored, and storage that is full or disabled only means nothing is remembered.
 */
import { useEffect, useState } from 'react';
import type { VaultPath } from '../../../main/core/types';

const keyFor = (vaultRoot: string) => `plexus.recentNotes:${vaultRoot}`;
export const RECENT_NOTES_MAX = 30;

export function parseRecent(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, RECENT_NOTES_MAX) : [];
  } catch {
    return []; // not ours or cut short
  }
}

export function withRecent(recent: readonly string[], path: VaultPath): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, RECENT_NOTES_MAX);
}

/** Follows `currentPath` and remembers it per vault. */
export function useRecentNotes(vaultRoot: string | null, currentPath: VaultPath | null): string[] {
  const [recent, setRecent] = useState<{ root: string | null; paths: string[] }>({ root: null, paths: [] });
  useEffect(() => {
    if (vaultRoot === null) return;
    let stored: string[] = [];
    try {
      stored = parseRecent(window.localStorage.getItem(keyFor(vaultRoot)));
    } catch {
      // storage disabled
    }
    setRecent({ root: vaultRoot, paths: stored });
  }, [vaultRoot]);
  useEffect(() => {
    if (vaultRoot === null || currentPath === null || recent.root !== vaultRoot || recent.paths[0] === currentPath) return;
    const paths = withRecent(recent.paths, currentPath);
    setRecent({ root: vaultRoot, paths });
    try {
      window.localStorage.setItem(keyFor(vaultRoot), JSON.stringify(paths));
    } catch {
      // full or disabled: the list still works for this session
    }
  }, [vaultRoot, currentPath, recent]);
  return recent.root === vaultRoot ? recent.paths : [];
}
