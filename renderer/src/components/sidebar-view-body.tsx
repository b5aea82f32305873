/**
 * What each sidebar view shows, whichever sidebar holds it (a view can be dragged to the other):
 * the file explorer, search, bookmarks and all tags; the active note's backlinks (with its
 * unlinked mentions, as Obsidian's), outgoing links (with its tags), outline and local graph.
 */
import type { FileEntry, PlexusApi, SearchHit } from '../../../main/contract/api-contract';
import { BookmarksPanel } from '../bookmarks/bookmarks-panel';
import type { useBookmarkActions } from '../bookmarks/use-bookmark-actions';
import { GraphView } from '../graph/graph-view';
import type { useSearchPanel } from '../hooks/use-search-panel';
import type { NoteData } from '../hooks/use-note-data';
import type { SidebarViewId } from '../workspace/sidebar-views';
import type { FileActionHandlers } from './note-actions/file-actions-menu';
import { FileExplorer } from './file-explorer';
import { Backlinks, NoteTags, Outgoing } from './note-links-panels';
import { OutlinePanel } from './outline-panel';
import { SearchPanel } from './search-panel';
import { TagsPanel } from './tags-panel';
import { UnlinkedMentionsPanel } from './unlinked-mentions-panel';
import type { VaultPath } from '../../../main/core/types';

export interface SidebarViewProps {
  api: PlexusApi;
  search: ReturnType<typeof useSearchPanel>;
  /** Closing the search view shows its sidebar's other view. */
  onCloseSearch(): void;
  bookmarks: ReturnType<typeof useBookmarkActions>;
  /** The explorer's files (excluded folders left out). */
  listedFiles: FileEntry[] | null;
  /** Every file, for unlinked mentions. */
  files: FileEntry[] | null;
  excludedFolders: readonly string[];
  currentPath: VaultPath | null;
  onOpenHit(hit: SearchHit): void;
  fileActions: FileActionHandlers;
  /** Bumped when the vault's notes change, for the views that read the whole vault. */
  version: number;
  data: NoteData | null;
  readOnly: boolean;
  onSearchTag(tag: string): void;
  onBookmarkHeading?(path: VaultPath, heading: string): void;
  onOpenNote(path: VaultPath): void;
}

export function SidebarViewBody({ id, ...p }: SidebarViewProps & { id: SidebarViewId }) {
  switch (id) {
    case 'files':
      return <FileExplorer files={p.listedFiles} currentPath={p.currentPath} actions={p.fileActions} />;
    case 'search':
      return (
        <SearchPanel
          api={p.api}
          excludedFolders={p.excludedFolders}
          query={p.search.search.query}
          focusToken={p.search.search.focus}
          focusWanted={p.search.search.wantFocus}
          onFocused={p.search.focused}
          onOpenHit={p.onOpenHit}
          onBookmark={p.bookmarks.bookmarkSearch}
          onQueryChange={p.search.setQuery}
          onClose={p.onCloseSearch}
        />
      );
    case 'bookmarks':
      return <BookmarksPanel state={p.bookmarks.state} exists={p.bookmarks.exists} onOpen={p.bookmarks.open} />;
    case 'tags':
      return <TagsPanel api={p.api} version={p.version} onSearchTag={p.onSearchTag} />;
    case 'backlinks':
      return (
        <>
          <Backlinks data={p.data} />
          <UnlinkedMentionsPanel api={p.api} data={p.data} files={p.files} readOnly={p.readOnly} />
        </>
      );
    case 'outgoing':
      return (
        <>
          <Outgoing data={p.data} />
          <NoteTags data={p.data} onSearchTag={p.onSearchTag} />
        </>
      );
    case 'outline':
      return <OutlinePanel data={p.data} onBookmark={p.onBookmarkHeading} />;
    case 'local-graph':
      return (
        <section aria-label="Local graph" className="sidebar-graph">
          <GraphView api={p.api} currentPath={p.currentPath} mode="local" onOpenNote={p.onOpenNote} />
        </section>
      );
  }
}
