/** The vault's bookmarks, remembered per vault in localStorage beside the workspace. */
import { useCallback, useEffect, useState } from 'react';
import { EMPTY_BOOKMARKS, parseBookmarks, renamePath, type Bookmarks } from './bookmarks-model';
import type { VaultPath } from '../../../main/core/types';

const keyFor = (vaultRoot: string) => `plexus.bookmarks:${vaultRoot}`;

export interface BookmarksState {
  bookmarks: Bookmarks;
  update(change: (b: Bookmarks) => Bookmarks): void;
  /** Bookmarks follow a renamed note, whether it was renamed here or outside Plexus. */
  followRename(from: string, to: string): void;
}

export function useBookmarks(vaultRoot: string | null): BookmarksState {
  const [state, setState] = useState<{ root: string | null; bookmarks: Bookmarks }>({ root: null, bookmarks: EMPTY_BOOKMARKS });
  useEffect(() => {
    if (vaultRoot === null) return;
    let text: string | null = null;
    try {
      text = window.localStorage.getItem(keyFor(vaultRoot));
    } catch {
      // storage disabled: start empty
    }
    setState({ root: vaultRoot, bookmarks: parseBookmarks(text) });
  }, [vaultRoot]);
  const update = useCallback(
    (change: (b: Bookmarks) => Bookmarks) => {
      setState((s) => {
        if (s.root === null || s.root !== vaultRoot) return s;
        const bookmarks = change(s.bookmarks);
        if (bookmarks === s.bookmarks) return s;
        try {
          window.localStorage.setItem(keyFor(s.root), JSON.stringify(bookmarks));
        } catch {
          // full or disabled: kept for this session only
        }
        return { ...s, bookmarks };
      });
    },
    [vaultRoot],
  );
  const followRename = useCallback((from: VaultPath, to: VaultPath) => update((b) => renamePath(b, from, to)), [update]);
  return { bookmarks: state.root === vaultRoot ? state.bookmarks : EMPTY_BOOKMARKS, update, followRename };
}
