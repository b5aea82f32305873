/** The left pane: bookmarks, the search panel (while open) and the file explorer. */
import type { FileEntry, PlexusApi, SearchHit } from '../../../main/contract/api-contract';
import { BookmarksPanel } from '../bookmarks/bookmarks-panel';
import type { useBookmarkActions } from '../bookmarks/use-bookmark-actions';
import type { useSearchPanel } from '../hooks/use-search-panel';
import type { FileActionHandlers } from './note-actions/file-actions-menu';
import { FileExplorer } from './file-explorer';
import { SearchPanel } from './search-panel';

interface Props {
  api: PlexusApi;
  search: ReturnType<typeof useSearchPanel>;
  bookmarks: ReturnType<typeof useBookmarkActions>;
  /** The explorer's files (excluded folders left out). */
  files: FileEntry[] | null;
  excludedFolders: readonly string[];
  currentPath: string | null;
  onOpenHit(hit: SearchHit): void;
  fileActions: FileActionHandlers;
}

export function LeftSidebar({ api, search, bookmarks, files, excludedFolders, currentPath, onOpenHit, fileActions }: Props) {
  return (
    <>
      <BookmarksPanel state={bookmarks.state} exists={bookmarks.exists} onOpen={bookmarks.open} />
      {search.search.open && (
        <SearchPanel
          api={api}
          excludedFolders={excludedFolders}
          query={search.search.query}
          focusToken={search.search.focus}
          onOpenHit={onOpenHit}
          onBookmark={bookmarks.bookmarkSearch}
          onQueryChange={search.setQuery}
          onClose={search.close}
        />
      )}
      <FileExplorer files={files} currentPath={currentPath} actions={fileActions} />
    </>
  );
}
