/** The Plexus window: explorer | note | sidebar, with the toolbar, dialogs, search, graph and live updates. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IndexStatus, PlexusApi, VaultEvent, VaultInfo } from '../../main/contract/api-contract';
import { useNavigation } from './hooks/use-navigation';
import { useFiles } from './hooks/use-files';
import { useVaultEvents } from './hooks/use-vault-events';
import { useNoteData, visibleData } from './hooks/use-note-data';
import { useHotkeys } from './hooks/use-hotkeys';
import { useBanners } from './hooks/use-banners';
import { usePaneSizes } from './hooks/use-pane-sizes';
import { useAppActionsState } from './hooks/use-app-actions';
import { pickDefaultNote } from './hooks/default-note';
import { changesResolution, touchesNote } from './hooks/live-updates';
import { AppActionsContext } from './components/note-context';
import { FileExplorer } from './components/file-explorer';
import { RightSidebar } from './components/right-sidebar';
import { QuickSwitcher } from './components/quick-switcher';
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
import { READ_ONLY_MESSAGE } from './components/note-actions/read-only';
import { DeletedNotesButton } from './components/file-recovery/deleted-notes-button';

/** Coalesces bursts of events (a save touches files, graph and content) into one re-read, well inside 300 ms. */
const RELOAD_COALESCE_MS = 60;

export function App({ api }: { api: PlexusApi }) {
  const banners = useBanners();
  const nav = useNavigation();
  const { files, onFilesEvent } = useFiles(api, banners.reportError);
  const [search, setSearch] = useState<{ open: boolean; query: string; focus: number }>({ open: false, query: '', focus: 0 });
  const openSearch = useCallback((query?: string) => setSearch((s) => ({ open: true, query: query ?? s.query, focus: s.focus + 1 })), []);
  const searchTag = useCallback((tag: string) => openSearch(`#${tag}`), [openSearch]);
  const ui = useAppActionsState(api, banners.reportError, searchTag);
  const [vault, setVault] = useState<VaultInfo | null>(null);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [version, setVersion] = useState(0);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [graphOpen, setGraphOpen] = useState(false);
  const [sizes, setSizes] = usePaneSizes();
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const currentPath = nav.route?.path ?? null;
  const noteState = useNoteData(api, currentPath, version);
  const data = visibleData(noteState, currentPath);
  const openPath = useCallback((path: string) => nav.open({ path, heading: null, block: null }), [nav.open]);
  const notice = useCallback((message: string) => banners.push('notice', message), [banners.push]);
  const editing = useEditing(vault?.readOnly ?? false, currentPath, notice);
  const noteActions = useNoteActions({ api, vault, files, currentPath, openPath, banners, editing });
  // Typed text is only in the editor until saved: closing or reloading the window asks first.
  useUnsavedGuard();

  useEffect(() => {
    api.getVaultInfo().then(
      (info) => {
        setVault(info);
        setStatus((s) => s ?? info.status);
      },
      (e: unknown) => banners.reportError(`Could not reach the vault: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [api, banners.reportError]);

  // No note in the address: open the vault's welcome note (or its first note) once files are known.
  useEffect(() => {
    if (currentPath || !files) return;
    const initial = pickDefaultNote(files);
    if (initial) nav.open({ path: initial, heading: null, block: null });
  }, [files, currentPath, nav.open]);

  useEffect(() => {
    const title = data?.meta.ok ? data.meta.value.title : null;
    document.title = title ? `${title} — Plexus` : 'Plexus';
  }, [data]);

  const scheduleReload = useCallback(() => {
    if (reloadTimer.current) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = null;
      setVersion((v) => v + 1);
    }, RELOAD_COALESCE_MS);
  }, []);
  useEffect(() => () => { if (reloadTimer.current) clearTimeout(reloadTimer.current); }, []);

  useVaultEvents(api, (event: VaultEvent) => {
    if (event.type === 'files') onFilesEvent(event);
    if (event.type === 'status') setStatus(event.status);
    if (event.type === 'vault-error') banners.push('error', event.message);
    if (event.type === 'notice') banners.push('notice', event.message);
    if (event.type === 'external-rename') {
      const { from, to, affected } = event;
      const updateLinks = () =>
        api.updateLinksAfterExternalRename(from, to).then(
          (r) => (r.ok ? banners.push('notice', `Updated links in ${r.value.length} notes.`) : banners.reportError(`Could not update links: ${r.error.message}`)),
          (e: unknown) => banners.reportError(`Could not update links: ${String(e)}`),
        );
      banners.push('notice', `“${from}” was renamed to “${to}” outside Plexus; ${affected} notes link to the old name.`, affected > 0 ? { label: 'Update links', run: updateLinks } : undefined);
    }
    if (changesResolution(event)) ui.invalidate();
    if (touchesNote(event, currentPath)) scheduleReload();
  });

  // A closed editor's unsaved text went to a conflict copy, or is kept in this window: say where,
  // in a banner that waits for the user (it outlives the navigation that closed the editor).
  const { editWhenOpen } = editing;
  const onRescue = useCallback((report: RescueReport) => {
    const text = describeRescue(report);
    if (report.kind === 'copied') return banners.push('notice', text, { label: 'Open copy', run: () => openPath(report.copyPath) });
    banners.push('error', text, { label: 'Open note', run: () => { editWhenOpen(report.path); openPath(report.path); } });
  }, [banners.push, openPath, editWhenOpen]);

  // Ctrl/Cmd+click in the editor: open the target, or offer to create it when it does not exist yet.
  const openFromEditor = useCallback((path: string, heading?: string) => {
    if (files && !files.some((f) => f.path === path)) return ui.actions.requestCreate({ resolved: null, kind: null, createPath: path }, path.replace(/\.md$/i, ''));
    nav.open({ path, heading: heading ?? null, block: null });
  }, [files, ui.actions, nav.open]);

  // A preview belongs to the page it was opened from.
  const { closePreview } = ui;
  useEffect(() => closePreview(), [nav.route, closePreview]);

  useHotkeys({
    quickSwitcher: () => setSwitcherOpen(true),
    search: () => openSearch(),
    graph: () => setGraphOpen((g) => !g),
    back: nav.back,
    forward: nav.forward,
    newNote: noteActions.newNote,
    rename: () => noteActions.rename(currentPath),
  });

  const title = data?.meta.ok ? data.meta.value.title : currentPath ?? '';
  const grid = { gridTemplateColumns: `${sizes.left}px 5px minmax(0, 1fr) 5px ${sizes.right}px` };

  return (
    <AppActionsContext.Provider value={ui.actions}>
      <div className="app">
        <Toolbar canBack={nav.canBack} canForward={nav.canForward} onBack={nav.back} onForward={nav.forward} onSwitcher={() => setSwitcherOpen(true)} onSearch={() => openSearch()} onGraph={() => setGraphOpen((g) => !g)} graphOpen={graphOpen} title={title} onNewNote={noteActions.newNote} readOnlyMessage={noteActions.readOnly ? READ_ONLY_MESSAGE : null}
          extra={<DeletedNotesButton api={api} readOnly={noteActions.readOnly} onOpen={openPath} />} />
        <Banners messages={banners.messages} onDismiss={banners.dismiss} />
        <div className="panes" style={grid}>
          <div className="left-pane">
            {search.open && <SearchPanel api={api} query={search.query} focusToken={search.focus} onQueryChange={(query) => setSearch((s) => ({ ...s, query }))} onClose={() => setSearch((s) => ({ ...s, open: false }))} />}
            <FileExplorer files={files} currentPath={currentPath} actions={{ readOnly: noteActions.readOnly, onRename: noteActions.rename, onDelete: noteActions.remove }} />
          </div>
          <ResizeHandle label="Resize file explorer" value={sizes.left} min={160} max={520} direction={1} onChange={(left) => setSizes({ ...sizes, left })} />
          <div className="center-pane">
            {graphOpen ? (
              <GraphPane api={api} currentPath={currentPath} onOpenNote={(p) => { setGraphOpen(false); openPath(p); }} onClose={() => setGraphOpen(false)} />
            ) : (
              <NotePane api={api} route={nav.route} data={data} loading={noteState.status === 'loading'} error={noteState.status === 'error' ? noteState.message : null} editing={editing} actions={noteActions} onOpenNote={openFromEditor} onSaved={scheduleReload} onRescue={onRescue} />
            )}
          </div>
          <ResizeHandle label="Resize sidebar" value={sizes.right} min={200} max={560} direction={-1} onChange={(right) => setSizes({ ...sizes, right })} />
          <RightSidebar data={data} onSearchTag={searchTag} />
        </div>
        <StatusBar status={status} vault={vault} />
        {switcherOpen && <QuickSwitcher api={api} onClose={() => setSwitcherOpen(false)} onOpen={(p) => { setSwitcherOpen(false); openPath(p); }} />}
        {ui.preview && <HoverPreview api={api} request={ui.preview} onEnter={ui.cancelHide} onLeave={ui.hidePreview} onClose={ui.closePreview} />}
        {ui.createRequest && (
          <CreateNoteDialog api={api} info={ui.createRequest.info} label={ui.createRequest.label} onClose={() => ui.setCreateRequest(null)} onCreated={(p) => { ui.setCreateRequest(null); editing.editWhenOpen(p); openPath(p); }} />
        )}
        <NoteActionDialogs api={api} files={files} actions={noteActions} />
      </div>
    </AppActionsContext.Provider>
  );
}
