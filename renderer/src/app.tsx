/** The Plexus window: explorer | note | sidebar, with the toolbar, dialogs, search, graph and live updates. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IndexStatus, PlexusApi, VaultEvent, VaultInfo } from '../../main/contract/api-contract';
import { orderWrites } from './api/order-writes';
import { useWorkspace } from './workspace/use-workspace';
import { useNewTabClicks } from './workspace/use-new-tab-clicks';
import { WorkspaceView } from './workspace/workspace-view';
import { loadLayout, restoreLayout, saveLayout } from './workspace/workspace-store';
import { parseHash } from './routing/hash-route';
import { InactivePane } from './workspace/inactive-pane';
import {
  activatePane,
  activateTabNumber,
  allPanes,
  closeActiveTab,
  currentView,
  cycleTab,
  openInActive,
  openInNewTab,
  splitActive,
  updateActiveTabMode,
  type NoteMode,
  type View,
} from './workspace/layout-model';
import type { CommandRuns } from './commands/command-registry';
import { useFiles } from './hooks/use-files';
import { useVaultEvents } from './hooks/use-vault-events';
import { useNoteData, visibleData } from './hooks/use-note-data';
import { useHotkeys } from './hooks/use-hotkeys';
import { useBanners } from './hooks/use-banners';
import { usePaneSizes } from './hooks/use-pane-sizes';
import { useAppActionsState } from './hooks/use-app-actions';
import { useSearchReveal } from './hooks/use-search-reveal';
import { pickDefaultNote } from './hooks/default-note';
import { changesResolution, touchesNote } from './hooks/live-updates';
import { AppActionsContext } from './components/note-context';
import { FileExplorer } from './components/file-explorer';
import { RightSidebar } from './components/right-sidebar';
import { QuickSwitcher } from './components/quick-switcher';
import { BookmarksPanel } from './bookmarks/bookmarks-panel';
import { useBookmarkActions } from './bookmarks/use-bookmark-actions';
import { useBookmarks } from './bookmarks/use-bookmarks';
import { renamePath } from './bookmarks/bookmarks-model';
import { useCreateNamedNote } from './components/note-actions/use-create-named-note';
import { useRecentNotes } from './workspace/recent-notes';
import { SearchPanel } from './components/search-panel';
import { StatusBar, Banners } from './components/status-bar';
import { HoverPreview } from './components/hover-preview';
import { CreateNoteDialog } from './components/create-note-dialog';
import { GraphPane } from './components/graph-pane';
import { Toolbar } from './components/toolbar';
import { ResizeHandle } from './components/resize-handle';
import { describeRescue, useUnsavedGuard, type RescueReport } from './editor';
import { useEditing } from './components/note-actions/use-editing';
import { useNoteActions } from './components/note-actions/use-note-actions';
import { NoteActionDialogs } from './components/note-actions/note-action-dialogs';
import { NotePane } from './components/note-actions/note-pane';
import { AttachmentPane } from './components/attachment/attachment-pane';
import { isAttachmentPath } from './components/attachment/attachment-kind';
import { isDisconnected } from './api/connection-machine';
import { retryConnection, useConnectionStatus, useOnReconnect } from './hooks/use-connection';
import { useSidebars } from './hooks/use-sidebars';
import { ConnectionBanner } from './components/connection-banner';
import { CommandPalette } from './components/command-palette';
import { DeletedNotesButton } from './components/file-recovery/deleted-notes-button';
import { RecoveryDialogs, useRecoveryCommands } from './components/file-recovery/recovery-dialogs';
import { SettingsDialog } from './settings/settings-dialog';
import { useSettings, useSettingsVault } from './settings/settings-store';
import { useAppearance } from './settings/appearance';
import { withoutExcluded } from './settings/excluded-folders';
import { newNoteFolder } from './settings/new-note-location';
import { allFolders } from './components/file-tree';
import { useIntoNotesCommands } from './commands/use-into-notes-commands';

const GLOBAL_GRAPH: View = { kind: 'graph', local: null };

const tabNumberRuns = (go: (n: number) => void) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`goToTab${n}`, () => go(n)])) as Record<`goToTab${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, () => void>;

/** Coalesces bursts of events (a save touches files, graph and content) into one re-read, well inside 300 ms. */
const RELOAD_COALESCE_MS = 60;

export function App({ api: host }: { api: PlexusApi }) {
  // A rename or delete waits for the editor's last save of that note (see order-writes.ts).
  const api = useMemo(() => orderWrites(host), [host]);
  const banners = useBanners();
  const nav = useWorkspace();
  // The stable callbacks inside, for hooks' dependency lists (each is a useCallback of its own).
  const { push: pushBanner, reportError } = banners;
  const { open: openRoute, back: goBack, canBack } = nav;
  const { files, onFilesEvent, reload: reloadFiles } = useFiles(api, banners.reportError);
  const sidebars = useSidebars();
  const connection = useConnectionStatus(api);
  const [search, setSearch] = useState<{ open: boolean; query: string; focus: number }>({ open: false, query: '', focus: 0 });
  const { showLeft } = sidebars;
  const openSearch = useCallback(
    (query?: string) => {
      showLeft(); // search lives in the left sidebar
      setSearch((s) => ({ open: true, query: query ?? s.query, focus: s.focus + 1 }));
    },
    [showLeft],
  );
  // A tag click lists the notes with that tag (and tags nested below it), not a text search for the word.
  const searchTag = useCallback((tag: string) => openSearch(`tag:#${tag.replace(/^#/, '')}`), [openSearch]);
  const ui = useAppActionsState(api, banners.reportError, searchTag);
  const [vault, setVault] = useState<VaultInfo | null>(null);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [version, setVersion] = useState(0);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Settings are the open vault's; the theme, font size and line width apply to the whole window.
  useSettingsVault(vault?.root ?? null);
  const settings = useSettings();
  useAppearance(settings);
  const listedFiles = useMemo(() => (files ? withoutExcluded(files, settings.excludedFolders) : null), [files, settings.excludedFolders]);
  const graphOpen = nav.view?.kind === 'graph';
  /** Bumped on each reconnect so the graph pane re-reads the graph it may have missed deltas of. */
  const [resyncs, setResyncs] = useState(0);
  const [sizes, setSizes] = usePaneSizes();
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const currentPath = nav.route?.path ?? null;
  const noteState = useNoteData(api, currentPath, version);
  const shownPaths = allPanes(nav.layout)
    .map((p) => currentView(p.tabs.find((t) => t.id === p.active)))
    .flatMap((v) => (v?.kind === 'note' ? [v.route.path] : []));
  const data = visibleData(noteState, currentPath);
  const revealHit = useSearchReveal(data);
  const openPath = useCallback((path: string) => openRoute({ path, heading: null, block: null }), [openRoute]);
  const notice = useCallback((message: string) => pushBanner('notice', message), [pushBanner]);
  const { update: updateLayout } = nav;
  const updateTabMode = useCallback((f: (mode: NoteMode) => NoteMode) => updateLayout((l) => updateActiveTabMode(l, f)), [updateLayout]);
  const tabMode = useMemo(() => ({ mode: nav.activeTab?.mode ?? 'reading', update: updateTabMode }), [nav.activeTab?.mode, updateTabMode]);
  const editing = useEditing(vault?.readOnly ?? false, currentPath, notice, tabMode);
  const bookmarkStore = useBookmarks(vault?.root ?? null);
  const { update: updateBookmarks } = bookmarkStore;
  // Bookmarks follow a renamed note, whether it was renamed here or outside Plexus.
  const followRename = useCallback((from: string, to: string) => updateBookmarks((b) => renamePath(b, from, to)), [updateBookmarks]);
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

  const loadVaultInfo = useCallback(
    (fresh: boolean) => {
      api.getVaultInfo().then(
        (info) => {
          setVault(info);
          setStatus((s) => (fresh ? info.status : (s ?? info.status)));
        },
        (e: unknown) => reportError(`Could not reach the vault: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    [api, reportError],
  );
  useEffect(() => loadVaultInfo(false), [loadVaultInfo]);

  // No note in the address: open the vault's welcome note (or its first note) once files are known.
  // Once the vault and its files are known: bring back the workspace it was left with (notes
  // since deleted skipped, with a notice), else open the default note. Only at start: a
  // workspace whose tabs were all closed later shows its empty state.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (restored || !files || !vault) return;
    setRestored(true);
    const stored = loadLayout(vault.root);
    const paths = new Set(files.map((f) => f.path));
    if (stored) {
      const { layout, missing } = restoreLayout(stored, (p) => paths.has(p), parseHash(window.location.hash));
      if (missing.length > 0)
        notice(
          `${missing.length === 1 ? 'A note' : `${missing.length} notes`} of the saved workspace no longer exist${missing.length === 1 ? 's' : ''} and ${missing.length === 1 ? 'was' : 'were'} skipped: ${missing.join(', ')}.`,
        );
      if (allPanes(layout).some((p) => p.tabs.length > 0)) return nav.update(() => layout);
    }
    if (allPanes(nav.layout).some((p) => p.tabs.length > 0)) return;
    const initial = pickDefaultNote(files);
    if (initial) nav.open({ path: initial, heading: null, block: null });
  }, [restored, files, vault, nav, notice]);
  useEffect(() => {
    if (restored && vault) saveLayout(vault.root, nav.layout);
  }, [restored, vault, nav.layout]);

  useEffect(() => {
    const title = data?.meta.ok
      ? data.meta.value.title
      : currentPath !== null && isAttachmentPath(currentPath)
        ? currentPath.slice(currentPath.lastIndexOf('/') + 1)
        : null;
    document.title = title ? `${title} — Plexus` : 'Plexus';
  }, [data, currentPath]);

  const scheduleReload = useCallback(() => {
    if (reloadTimer.current) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = null;
      setVersion((v) => v + 1);
    }, RELOAD_COALESCE_MS);
  }, []);
  useEffect(
    () => () => {
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
    },
    [],
  );

  // Back after a loss: events were missed, so re-read what they would have updated. The open
  // editor catches up with the disk itself (use-note-document.ts: resync).
  useOnReconnect(api, () => {
    loadVaultInfo(true);
    reloadFiles();
    ui.invalidate();
    setVersion((v) => v + 1);
    setResyncs((n) => n + 1);
    banners.push('notice', 'Reconnected to Plexus.');
  });

  useVaultEvents(api, (event: VaultEvent) => {
    if (event.type === 'files') onFilesEvent(event);
    if (event.type === 'status') setStatus(event.status);
    if (event.type === 'vault-error') banners.push('error', event.message);
    if (event.type === 'notice') banners.push('notice', event.message);
    if (event.type === 'external-rename') {
      followRename(event.from, event.to);
      const { from, to, affected } = event;
      const updateLinks = () =>
        api.updateLinksAfterExternalRename(from, to).then(
          (r) =>
            r.ok ? banners.push('notice', `Updated links in ${r.value.length} notes.`) : banners.reportError(`Could not update links: ${r.error.message}`),
          (e: unknown) => banners.reportError(`Could not update links: ${String(e)}`),
        );
      banners.push(
        'notice',
        `“${from}” was renamed to “${to}” outside Plexus; ${affected} notes link to the old name.`,
        affected > 0 ? { label: 'Update links', run: updateLinks } : undefined,
      );
    }
    if (changesResolution(event)) ui.invalidate();
    if (shownPaths.some((p) => touchesNote(event, p))) scheduleReload();
  });

  // A closed editor's unsaved text went to a conflict copy, or is kept in this window: say where,
  // in a banner that waits for the user (it outlives the navigation that closed the editor).
  const { editWhenOpen } = editing;
  const onRescue = useCallback(
    (report: RescueReport) => {
      const text = describeRescue(report);
      if (report.kind === 'copied') return pushBanner('notice', text, { label: 'Open copy', run: () => openPath(report.copyPath) });
      pushBanner('error', text, {
        label: 'Open note',
        run: () => {
          editWhenOpen(report.path);
          openPath(report.path);
        },
      });
    },
    [pushBanner, openPath, editWhenOpen],
  );

  // Ctrl/Cmd+click in the editor: open the target, or offer to create it when it does not exist yet.
  const openFromEditor = useCallback(
    (path: string, heading?: string) => {
      if (files && !files.some((f) => f.path === path))
        return ui.actions.requestCreate({ resolved: null, kind: null, createPath: path }, path.replace(/\.md$/i, ''));
      openRoute({ path, heading: heading ?? null, block: null });
    },
    [files, ui.actions, openRoute],
  );

  // Ctrl/Cmd+click on a rendered link in Live Preview: the note in a new tab (an existing one only).
  const { openInNewTab: openRouteInNewTab } = nav;
  const openFromEditorInNewTab = useCallback(
    (path: string, heading?: string) => {
      if (files && !files.some((f) => f.path === path)) return openFromEditor(path, heading);
      openRouteInNewTab({ path, heading: heading ?? null, block: null });
    },
    [files, openFromEditor, openRouteInNewTab],
  );

  // A preview belongs to the page it was opened from.
  const { closePreview } = ui;
  useEffect(() => closePreview(), [nav.view, closePreview]);

  useNewTabClicks(nav.openInNewTab);
  const { update } = nav;
  const openGraph = useCallback(() => update((l) => openInActive(l, GLOBAL_GRAPH)), [update]);
  // Closing the graph goes back to what the tab showed before it, as the old graph toggle did.
  const closeGraph = useCallback(() => (canBack ? goBack() : update(closeActiveTab)), [canBack, goBack, update]);
  const toggleGraph = graphOpen ? closeGraph : openGraph;
  const openView = useCallback((view: View, newTab: boolean) => update((l) => (newTab ? openInNewTab(l, view) : openInActive(l, view))), [update]);
  const bookmarks = useBookmarkActions({ state: bookmarkStore, files, view: nav.view, openView, openSearch });
  const recovery = useRecoveryCommands(currentPath, notice);
  const intoNotes = useIntoNotesCommands({ api, files, currentPath, readOnly: noteActions.readOnly, openPath, reportError: banners.reportError, notice });
  const runs: CommandRuns = {
    commandPalette: () => setPaletteOpen(true),
    quickSwitcher: () => setSwitcherOpen(true),
    search: () => openSearch(),
    newNote: noteActions.newNote,
    rename: () => noteActions.rename(currentPath),
    toggleEdit: editing.toggle,
    toggleSourceMode: editing.toggleSourceMode,
    graph: toggleGraph,
    newTab: () => update((l) => openInNewTab(l)),
    closeTab: () => update(closeActiveTab),
    nextTab: () => update((l) => cycleTab(l, 1)),
    previousTab: () => update((l) => cycleTab(l, -1)),
    ...tabNumberRuns((n) => update((l) => activateTabNumber(l, n))),
    splitRight: () => update((l) => splitActive(l, 'right')),
    splitDown: () => update((l) => splitActive(l, 'down')),
    back: nav.back,
    forward: nav.forward,
    toggleLeftSidebar: sidebars.toggleLeft,
    toggleRightSidebar: sidebars.toggleRight,
    showOutline: () => revealPanel('Outline'),
    showTags: () => revealPanel('All tags'),
    bookmarkCurrent: bookmarks.toggleCurrent,
    openSettings: () => setSettingsOpen(true),
    showBookmarks: () => {
      sidebars.showLeft();
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.left-pane [aria-label="Bookmarks"]')?.scrollIntoView({ block: 'start' }));
    },
    fileRecovery: recovery.openFileRecovery,
    recoverDeletedNotes: recovery.recoverDeletedNotes,
    ...intoNotes.runs,
  };
  useHotkeys(runs);
  const { showRight } = sidebars;
  /** Opens the right sidebar and brings one of its views into sight, with the focus, once it is shown. */
  const revealPanel = useCallback(
    (name: string) => {
      showRight();
      requestAnimationFrame(() => {
        const panel = document.querySelector<HTMLElement>(`.right-pane [aria-label="${name}"]`);
        panel?.scrollIntoView({ block: 'start' });
        panel?.focus();
      });
    },
    [showRight],
  );
  const labelOf = (view: View | null): string => {
    if (!view) return 'New tab';
    if (view.kind === 'graph') return 'Graph';
    const entry = files?.find((f) => f.path === view.route.path);
    return entry?.kind === 'note' ? entry.title : (view.route.path.replace(/\.md$/i, '').split('/').pop() ?? view.route.path);
  };

  const title = data?.meta.ok ? data.meta.value.title : (currentPath ?? '');
  // A collapsed pane and its handle are display:none, so they take no grid cell and need no column.
  const columns = [sidebars.left && `${sizes.left}px 5px`, 'minmax(0, 1fr)', sidebars.right && `5px ${sizes.right}px`];
  const grid = { gridTemplateColumns: columns.filter(Boolean).join(' ') };

  return (
    <AppActionsContext.Provider value={ui.actions}>
      <div className="app">
        <Toolbar
          canBack={nav.canBack}
          canForward={nav.canForward}
          onBack={nav.back}
          onForward={nav.forward}
          onSwitcher={() => setSwitcherOpen(true)}
          onSearch={() => openSearch()}
          onGraph={toggleGraph}
          graphOpen={graphOpen}
          title={title}
          onNewNote={noteActions.newNote}
          readOnlyMessage={noteActions.block?.message ?? null}
          sidebars={sidebars}
          extra={
            <>
              <button
                type="button"
                className="icon-button bookmark-star"
                aria-pressed={bookmarks.currentBookmarked}
                aria-label={graphOpen ? 'Bookmark this graph view' : 'Bookmark this note'}
                title={bookmarks.currentBookmarked ? 'Remove bookmark' : 'Bookmark'}
                disabled={nav.view === null}
                onClick={bookmarks.toggleCurrent}
              >
                {bookmarks.currentBookmarked ? '★' : '☆'}
              </button>
              <button
                type="button"
                className="icon-button daily-note-button"
                aria-label="Open today's daily note"
                title="Open today's daily note"
                onClick={intoNotes.runs.openDailyNote}
              >
                📅
              </button>
              <DeletedNotesButton api={api} readOnly={noteActions.readOnly} onOpen={openPath} />
            </>
          }
        />
        <div className="app-banners">
          <ConnectionBanner status={connection} onRetry={() => retryConnection(api)} />
          <Banners messages={banners.messages} onDismiss={banners.dismiss} />
        </div>
        <div className="panes" style={grid}>
          <div className="left-pane" hidden={!sidebars.left}>
            <BookmarksPanel state={bookmarks.state} exists={bookmarks.exists} onOpen={bookmarks.open} />
            {search.open && (
              <SearchPanel
                api={api}
                excludedFolders={settings.excludedFolders}
                query={search.query}
                focusToken={search.focus}
                onOpenHit={revealHit}
                onBookmark={bookmarks.bookmarkSearch}
                onQueryChange={(query) => setSearch((s) => ({ ...s, query }))}
                onClose={() => setSearch((s) => ({ ...s, open: false }))}
              />
            )}
            <FileExplorer
              files={listedFiles}
              currentPath={currentPath}
              actions={{
                readOnly: noteActions.readOnly,
                readOnlyMessage: noteActions.block?.message,
                onRename: noteActions.rename,
                onDelete: noteActions.remove,
              }}
            />
          </div>
          <ResizeHandle
            hidden={!sidebars.left}
            label="Resize file explorer"
            value={sizes.left}
            min={160}
            max={520}
            direction={1}
            onChange={(left) => setSizes({ ...sizes, left })}
          />
          <div className="center-pane">
            <WorkspaceView
              layout={nav.layout}
              update={update}
              labelOf={labelOf}
              renderInactive={(view, paneId) => (
                <InactivePane
                  api={api}
                  view={view}
                  contextPath={currentPath}
                  version={version}
                  onOpenNote={openPath}
                  onCloseGraph={() => update((l) => closeActiveTab(activatePane(l, paneId)))}
                />
              )}
              active={
                // An empty tab, or no tab at all, is the note pane with no note (NoteView says so).
                graphOpen ? (
                  <GraphPane key={resyncs} api={api} currentPath={currentPath} onOpenNote={openPath} onClose={closeGraph} />
                ) : currentPath !== null && isAttachmentPath(currentPath) ? (
                  <AttachmentPane api={api} path={currentPath} entry={files?.find((f) => f.path === currentPath)} host={vault?.host ?? null} />
                ) : (
                  <NotePane
                    api={api}
                    route={nav.view === null ? null : nav.route}
                    data={data}
                    loading={noteState.status === 'loading'}
                    error={noteState.status === 'error' ? noteState.message : null}
                    editing={editing}
                    actions={noteActions}
                    onOpenNote={openFromEditor}
                    onOpenNoteInNewTab={openFromEditorInNewTab}
                    onSaved={scheduleReload}
                    onRescue={onRescue}
                  />
                )
              }
            />
          </div>
          <ResizeHandle
            hidden={!sidebars.right}
            label="Resize sidebar"
            value={sizes.right}
            min={200}
            max={560}
            direction={-1}
            onChange={(right) => setSizes({ ...sizes, right })}
          />
          <div className="right-pane" hidden={!sidebars.right}>
            <RightSidebar
              api={api}
              version={version}
              data={data}
              files={files}
              readOnly={noteActions.readOnly}
              onSearchTag={searchTag}
              onBookmarkHeading={bookmarks.bookmarkHeading}
            />
          </div>
        </div>
        <StatusBar status={status} vault={vault} onSettings={() => setSettingsOpen(true)} />
        {paletteOpen && <CommandPalette runs={runs} onClose={() => setPaletteOpen(false)} />}
        {intoNotes.element}
        {switcherOpen && (
          <QuickSwitcher
            api={api}
            files={files}
            excludedFolders={settings.excludedFolders}
            recent={recentNotes}
            currentPath={currentPath}
            onClose={() => setSwitcherOpen(false)}
            onOpen={(path, heading) => {
              setSwitcherOpen(false);
              nav.open({ path, heading, block: null });
            }}
            onCreate={
              noteActions.readOnly
                ? null
                : (name) => {
                    setSwitcherOpen(false);
                    void createFromSwitcher(name, newNoteFolder(settings, currentPath));
                  }
            }
          />
        )}
        {ui.preview && <HoverPreview api={api} request={ui.preview} onEnter={ui.cancelHide} onLeave={ui.hidePreview} onClose={ui.closePreview} />}
        {ui.createRequest && (
          <CreateNoteDialog
            api={api}
            info={ui.createRequest.info}
            label={ui.createRequest.label}
            onClose={() => ui.setCreateRequest(null)}
            onCreated={(p) => {
              ui.setCreateRequest(null);
              editing.editWhenOpen(p);
              openPath(p);
            }}
          />
        )}
        <NoteActionDialogs api={api} files={files} actions={noteActions} />
        <RecoveryDialogs api={api} request={recovery.request} readOnly={noteActions.readOnly} onClose={recovery.close} onOpen={openPath} />
        {settingsOpen && <SettingsDialog folders={files ? [...allFolders(files)].sort() : []} onClose={() => setSettingsOpen(false)} />}
      </div>
    </AppActionsContext.Provider>
  );
}
