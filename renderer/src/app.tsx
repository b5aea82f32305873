/** The Plexus window: explorer | note | sidebar, with the toolbar, dialogs, search, graph and live updates. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PlexusApi } from '../../main/contract/api-contract';
import { orderWrites } from './api/order-writes';
import { useWorkspace } from './workspace/use-workspace';
import { useNewTabClicks } from './workspace/use-new-tab-clicks';
import { useWorkspaceRestore } from './workspace/use-workspace-restore';
import { openInActive, openInNewTab, shownNotePaths, updateActiveTabMode, type NoteMode, type View } from './workspace/layout-model';
import { useGraphToggle } from './workspace/use-graph-toggle';
import { useAppCommands } from './commands/use-app-commands';
import { useIntoNotesCommands } from './commands/use-into-notes-commands';
import { useFiles } from './hooks/use-files';
import { useNoteData, visibleData } from './hooks/use-note-data';
import { useBanners } from './hooks/use-banners';
import { useAppActionsState } from './hooks/use-app-actions';
import { useSearchReveal } from './hooks/use-search-reveal';
import { useSearchPanel } from './hooks/use-search-panel';
import { useVaultInfo } from './hooks/use-vault-info';
import { useReloadVersion } from './hooks/use-reload-version';
import { noteRefreshesOf } from './api/note-refreshes';
import { useAppEvents } from './hooks/use-app-events';
import { retryConnection, useConnectionStatus } from './hooks/use-connection';
import { useSidebars } from './hooks/use-sidebars';
import { AppActionsContext } from './components/note-context';
import type { SidebarViewProps } from './components/sidebar-view-body';
import { usePrefetchTags } from './components/tags-cache';
import { usePrefetchSwitcherItems } from './components/switcher-items-cache';
import { useSidebarViews } from './workspace/use-sidebar-views';
import { StatusBar, Banners } from './components/status-bar';
import { Toolbar } from './components/toolbar';
import { ToolbarExtras } from './components/toolbar-extras';
import { ConnectionBanner } from './components/connection-banner';
import { useBookmarkActions } from './bookmarks/use-bookmark-actions';
import { useBookmarks } from './bookmarks/use-bookmarks';
import { useCreateNamedNote } from './components/note-actions/use-create-named-note';
import { useRecentNotes } from './workspace/recent-notes';
import { useUnsavedGuard } from './editor';
import { useEditorLinks } from './hooks/use-editor-links';
import { useDocumentTitle } from './hooks/use-document-title';
import { ActivePane } from './workspace/active-pane';
import { useEditing } from './components/note-actions/use-editing';
import { useNoteActions } from './components/note-actions/use-note-actions';
import { isDisconnected } from './api/connection-machine';
import { useRecoveryCommands } from './components/file-recovery/recovery-dialogs';
import { useSettings, useSettingsVault } from './settings/settings-store';
import { useAppearance } from './settings/appearance';
import { withoutExcluded } from './settings/excluded-folders';
import { AppDialogs, useAppDialogs } from './app-dialogs';
import { AppPanes } from './app-panes';
import type { VaultPath } from '../../main/core/types';

export function App({ api: host }: { api: PlexusApi }) {
  // A rename or delete waits for the editor's last save of that note (see order-writes.ts).
  const api = useMemo(() => orderWrites(host), [host]);
  const banners = useBanners();
  const nav = useWorkspace();
  // The stable callbacks inside, for hooks' dependency lists (each is a useCallback of its own).
  const { push: pushBanner, reportError } = banners;
  const { open: openRoute, update } = nav;
  // Parts of notes asked for while a full re-read waits are dropped until it starts (note-refreshes.ts).
  const { version, schedule: scheduleReload, bump: bumpVersion } = useReloadVersion(() => noteRefreshesOf(api).fullStarted());
  // Before the file list: effects run in order, so the small tags request goes out ahead of
  // listFiles and the service answers it before serialising a big vault's list.
  usePrefetchTags(api, version);
  const { files, onFilesEvent, reload: reloadFiles } = useFiles(api, banners.reportError);
  const sidebars = useSidebars();
  const sidebarViews = useSidebarViews({ layout: nav.layout, update, sidebars });
  const { reveal: revealView, leave: leaveView } = sidebarViews;
  const connection = useConnectionStatus(api);
  const search = useSearchPanel(useCallback(() => revealView('search'), [revealView]));
  const { openSearch, searchTag } = search;
  const ui = useAppActionsState(api, banners.reportError, searchTag);
  const { vault, status, setStatus, load: loadVaultInfo } = useVaultInfo(api, reportError);
  const dialogs = useAppDialogs();
  // Settings are the open vault's; the theme, font size and line width apply to the whole window.
  useSettingsVault(vault?.root ?? null);
  const settings = useSettings();
  useAppearance(settings);
  const listedFiles = useMemo(() => (files ? withoutExcluded(files, settings.excludedFolders) : null), [files, settings.excludedFolders]);
  const { graphOpen, toggleGraph } = useGraphToggle(nav);
  /** Bumped on each reconnect so the graph pane re-reads the graph it may have missed deltas of. */
  const [resyncs, setResyncs] = useState(0);
  const currentPath = nav.route?.path ?? null;
  const noteState = useNoteData(api, currentPath, version);
  const data = visibleData(noteState, currentPath);
  const revealHit = useSearchReveal(data);
  const openPath = useCallback((path: VaultPath) => openRoute({ path, heading: null, block: null }), [openRoute]);
  const notice = useCallback((message: string) => pushBanner('notice', message), [pushBanner]);
  const updateTabMode = useCallback((f: (mode: NoteMode) => NoteMode) => update((l) => updateActiveTabMode(l, f)), [update]);
  const tabMode = useMemo(() => ({ mode: nav.activeTab?.mode ?? 'reading', update: updateTabMode }), [nav.activeTab?.mode, updateTabMode]);
  const editing = useEditing(vault?.readOnly ?? false, currentPath, notice, tabMode);
  const bookmarkStore = useBookmarks(vault?.root ?? null);
  const { followRename } = bookmarkStore;
  const noteActions = useNoteActions({
    api,
    vault,
    files,
    currentPath,
    openPath,
    banners,
    editing,
    disconnected: connection !== null && isDisconnected(connection),
    onPathRenamed: followRename,
  });
  // Typed text is only in the editor until saved: closing or reloading the window asks first.
  useUnsavedGuard();
  const recentNotes = useRecentNotes(vault?.root ?? null, currentPath);
  const createFromSwitcher = useCreateNamedNote(api, files, noteActions.onCreated, banners.reportError);
  useWorkspaceRestore(nav, files, vault, notice);
  usePrefetchSwitcherItems(api, vault !== null ? files : null);

  useDocumentTitle(data, currentPath);

  useAppEvents({
    api,
    banners,
    onFilesEvent,
    setStatus,
    followRename,
    invalidateLinks: ui.invalidate,
    shownPaths: shownNotePaths(nav.layout),
    scheduleReload,
    resync: () => {
      loadVaultInfo(true);
      reloadFiles();
      ui.invalidate();
      bumpVersion();
      setResyncs((n) => n + 1);
    },
  });

  const { editWhenOpen } = editing;
  const links = useEditorLinks({
    files,
    requestCreate: ui.actions.requestCreate,
    openRoute,
    openRouteInNewTab: nav.openInNewTab,
    openPath,
    pushBanner,
    editWhenOpen,
  });

  // A preview belongs to the page it was opened from.
  const { closePreview } = ui;
  useEffect(() => closePreview(), [nav.view, closePreview]);

  useNewTabClicks(nav.openInNewTab);
  const openView = useCallback((view: View, newTab: boolean) => update((l) => (newTab ? openInNewTab(l, view) : openInActive(l, view))), [update]);
  const bookmarks = useBookmarkActions({ state: bookmarkStore, files, view: nav.view, openView, openSearch });
  const recovery = useRecoveryCommands(currentPath, notice);
  const intoNotes = useIntoNotesCommands({ api, files, currentPath, readOnly: noteActions.readOnly, openPath, reportError: banners.reportError, notice });
  const runs = useAppCommands({
    update,
    back: nav.back,
    forward: nav.forward,
    openPalette: dialogs.openPalette,
    openSwitcher: dialogs.openSwitcher,
    openSettings: dialogs.openSettings,
    openSearch: () => openSearch(),
    newNote: noteActions.newNote,
    rename: () => noteActions.rename(currentPath),
    toggleEdit: editing.toggle,
    toggleSourceMode: editing.toggleSourceMode,
    toggleGraph,
    sidebars,
    revealView,
    bookmarkCurrent: bookmarks.toggleCurrent,
    fileRecovery: recovery.openFileRecovery,
    recoverDeletedNotes: recovery.recoverDeletedNotes,
    intoNotes: intoNotes.runs,
  });

  const title = data?.meta.ok ? data.meta.value.title : (currentPath ?? '');
  const viewProps: SidebarViewProps = {
    api,
    search,
    onCloseSearch: () => {
      search.close();
      leaveView('search');
    },
    bookmarks,
    listedFiles,
    files,
    excludedFolders: settings.excludedFolders,
    currentPath,
    onOpenHit: revealHit,
    fileActions: {
      readOnly: noteActions.readOnly,
      readOnlyMessage: noteActions.block?.message,
      onRename: noteActions.rename,
      onDelete: noteActions.remove,
    },
    version,
    data,
    readOnly: noteActions.readOnly,
    onSearchTag: searchTag,
    onBookmarkHeading: bookmarks.bookmarkHeading,
    onOpenNote: openPath,
  };

  return (
    <AppActionsContext.Provider value={ui.actions}>
      <div className="app">
        <Toolbar
          canBack={nav.canBack}
          canForward={nav.canForward}
          onBack={nav.back}
          onForward={nav.forward}
          onSwitcher={dialogs.openSwitcher}
          onSearch={() => openSearch()}
          onGraph={toggleGraph}
          graphOpen={graphOpen}
          title={title}
          onNewNote={noteActions.newNote}
          readOnlyMessage={noteActions.block?.message ?? null}
          sidebars={sidebars}
          extra={
            <ToolbarExtras
              api={api}
              bookmarked={bookmarks.currentBookmarked}
              graphOpen={graphOpen}
              empty={nav.view === null}
              readOnly={noteActions.readOnly}
              onToggleBookmark={bookmarks.toggleCurrent}
              onDailyNote={intoNotes.runs.openDailyNote}
              onOpen={openPath}
            />
          }
        />
        <div className="app-banners">
          <ConnectionBanner status={connection} onRetry={() => retryConnection(api)} />
          <Banners messages={banners.messages} onDismiss={banners.dismiss} />
        </div>
        <AppPanes
          api={api}
          nav={nav}
          sidebars={sidebars}
          sidebarViews={sidebarViews}
          viewProps={viewProps}
          files={files}
          version={version}
          resyncs={resyncs}
          currentPath={currentPath}
          active={
            <ActivePane
              api={api}
              view={nav.view}
              route={nav.route}
              files={files}
              vault={vault}
              noteState={noteState}
              data={data}
              editing={editing}
              noteActions={noteActions}
              links={links}
            />
          }
        />
        <StatusBar status={status} vault={vault} onSettings={dialogs.openSettings} />
        <AppDialogs
          api={api}
          dialogs={dialogs}
          runs={runs}
          files={files}
          settings={settings}
          recent={recentNotes}
          currentPath={currentPath}
          ui={ui}
          noteActions={noteActions}
          recovery={recovery}
          intoNotesElement={intoNotes.element}
          openNote={(path, heading) => nav.open({ path, heading, block: null })}
          editCreated={(p) => {
            editWhenOpen(p);
            openPath(p);
          }}
          createNamed={(name, folder) => void createFromSwitcher(name, folder)}
        />
      </div>
    </AppActionsContext.Provider>
  );
}
