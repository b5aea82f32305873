/**
 * The window's dialogs and overlays, apart from its layout: the command palette, the quick
 * switcher, settings, the hover preview, "create this note?", the note actions' dialogs (new,
 * rename, delete), file recovery, and the into-notes pickers (templates).
 */
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import type { FileEntry, PlexusApi } from '../../main/contract/api-contract';
import type { CommandRuns } from './commands/command-registry';
import { CommandPalette } from './components/command-palette';
import { QuickSwitcher } from './components/quick-switcher';
import { HoverPreview } from './components/hover-preview';
import { CreateNoteDialog } from './components/create-note-dialog';
import { NoteActionDialogs } from './components/note-actions/note-action-dialogs';
import type { NoteActions } from './components/note-actions/use-note-actions';
import { RecoveryDialogs, type useRecoveryCommands } from './components/file-recovery/recovery-dialogs';
import { allFolders } from './components/file-tree';
import type { useAppActionsState } from './hooks/use-app-actions';
import { SettingsDialog } from './settings/settings-dialog';
import type { Settings } from './settings/settings-store';
import { newNoteFolder } from './settings/new-note-location';
import type { VaultPath } from '../../main/core/types';

/** Which of the palette, switcher and settings are open; each opens and closes on its own. */
export function useAppDialogs() {
  const [palette, setPalette] = useState(false);
  const [switcher, setSwitcher] = useState(false);
  const [settings, setSettings] = useState(false);
  const openPalette = useCallback(() => setPalette(true), []);
  const openSwitcher = useCallback(() => setSwitcher(true), []);
  const openSettings = useCallback(() => setSettings(true), []);
  return useMemo(
    () => ({ palette, switcher, settings, setPalette, setSwitcher, setSettings, openPalette, openSwitcher, openSettings }),
    [palette, switcher, settings, openPalette, openSwitcher, openSettings],
  );
}

export type AppDialogState = ReturnType<typeof useAppDialogs>;

interface Props {
  api: PlexusApi;
  dialogs: AppDialogState;
  runs: CommandRuns;
  files: FileEntry[] | null;
  settings: Settings;
  recent: readonly string[];
  currentPath: VaultPath | null;
  ui: ReturnType<typeof useAppActionsState>;
  noteActions: NoteActions;
  recovery: ReturnType<typeof useRecoveryCommands>;
  /** The into-notes commands' picker, when one is open. */
  intoNotesElement: ReactElement | null;
  openNote(path: VaultPath, heading: string | null): void;
  /** A note the user asked to create was created: open it for editing. */
  editCreated(path: VaultPath): void;
  createNamed(name: string, folder: string): void;
}

export function AppDialogs(p: Props) {
  const { dialogs, ui, noteActions } = p;
  return (
    <>
      {dialogs.palette && <CommandPalette runs={p.runs} onClose={() => dialogs.setPalette(false)} />}
      {p.intoNotesElement}
      {dialogs.switcher && (
        <QuickSwitcher
          api={p.api}
          files={p.files}
          excludedFolders={p.settings.excludedFolders}
          recent={p.recent}
          currentPath={p.currentPath}
          onClose={() => dialogs.setSwitcher(false)}
          onOpen={(path, heading) => {
            dialogs.setSwitcher(false);
            p.openNote(path, heading);
          }}
          onCreate={
            noteActions.readOnly
              ? null
              : (name) => {
                  dialogs.setSwitcher(false);
                  p.createNamed(name, newNoteFolder(p.settings, p.currentPath));
                }
          }
        />
      )}
      {ui.preview && <HoverPreview api={p.api} request={ui.preview} onEnter={ui.cancelHide} onLeave={ui.hidePreview} onClose={ui.closePreview} />}
      {ui.createRequest && (
        <CreateNoteDialog
          api={p.api}
          info={ui.createRequest.info}
          label={ui.createRequest.label}
          onClose={() => ui.setCreateRequest(null)}
          onCreated={(path) => {
            ui.setCreateRequest(null);
            p.editCreated(path);
          }}
        />
      )}
      <NoteActionDialogs api={p.api} files={p.files} actions={noteActions} />
      <RecoveryDialogs
        api={p.api}
        request={p.recovery.request}
        readOnly={noteActions.readOnly}
        onClose={p.recovery.close}
        onOpen={(path) => p.openNote(path, null)}
      />
      {dialogs.settings && <SettingsDialog folders={p.files ? [...allFolders(p.files)].sort() : []} onClose={() => dialogs.setSettings(false)} />}
    </>
  );
}
