/** What the app does with bookmarks: toggle the open note, bookmark a search or graph view, open one. */
import { useCallback, useMemo } from 'react';
import type { FileEntry } from '../../../main/contract/api-contract';
import type { View } from '../workspace/layout-model';
import { addBookmark, findBookmark, removeEntry, type BookmarkTarget } from './bookmarks-model';
import type { BookmarksState } from './use-bookmarks';
import type { VaultPath } from '../../../main/core/types';

interface Deps {
  /** The vault's bookmarks (useBookmarks), held by the app so renames can reach them too. */
  state: BookmarksState;
  files: FileEntry[] | null;
  /** What the active tab shows. */
  view: View | null;
  openView(view: View, newTab: boolean): void;
  openSearch(query: string): void;
}

const titleOf = (files: FileEntry[] | null, path: VaultPath) =>
  files?.find((f) => f.path === path)?.title ?? path.replace(/\.md$/i, '').split('/').pop() ?? path;

export function useBookmarkActions({ state, files, view, openView, openSearch }: Deps) {
  const { bookmarks, update } = state;
  const paths = useMemo(() => new Set((files ?? []).map((f) => f.path)), [files]);

  /** The active tab as a bookmark target: its note (not the heading scrolled to) or its graph. */
  const current: BookmarkTarget | null =
    view === null ? null : view.kind === 'graph' ? { kind: 'graph', local: view.local } : { kind: 'note', path: view.route.path, heading: null };
  const currentBookmarked = current !== null && findBookmark(bookmarks, current) !== null;

  const toggle = useCallback(
    (target: BookmarkTarget | null) => {
      if (!target) return;
      update((b) => {
        const found = findBookmark(b, target);
        if (found) return removeEntry(b, found.id);
        const title =
          target.kind === 'note'
            ? target.heading
              ? `${titleOf(files, target.path)} › ${target.heading}`
              : titleOf(files, target.path)
            : target.kind === 'search'
              ? target.query
              : target.local
                ? `Local graph: ${titleOf(files, target.local)}`
                : 'Graph view';
        return addBookmark(b, target, title);
      });
    },
    [update, files],
  );

  const open = useCallback(
    (target: BookmarkTarget, newTab: boolean) => {
      if (target.kind === 'search') openSearch(target.query);
      else if (target.kind === 'graph') openView({ kind: 'graph', local: target.local }, newTab);
      else openView({ kind: 'note', route: { path: target.path, heading: target.heading, block: null } }, newTab);
    },
    [openSearch, openView],
  );

  return {
    state,
    exists: (path: VaultPath) => paths.has(path),
    currentBookmarked,
    toggleCurrent: () => toggle(current),
    bookmarkHeading: (path: VaultPath, heading: string) => toggle({ kind: 'note', path, heading }),
    bookmarkSearch: (query: string) => toggle({ kind: 'search', query }),
    open,
  };
}
