/** Renders whichever note-action dialog is open. */
import type { FileEntry, PlexusApi } from '../../../../main/contract/api-contract';
import { DeleteDialog } from './delete-dialog';
import { NewNoteDialog } from './new-note-dialog';
import { RenameDialog } from './rename-dialog';
import type { NoteActions } from './use-note-actions';

export function NoteActionDialogs({ api, files, actions }: { api: PlexusApi; files: FileEntry[] | null; actions: NoteActions }) {
  const { dialog } = actions;
  if (!dialog) return null;
  if (dialog.kind === 'new') return <NewNoteDialog api={api} folder={dialog.folder} files={files} onCreated={actions.onCreated} onClose={actions.close} />;
  if (dialog.kind === 'rename') return <RenameDialog api={api} from={dialog.path} onRenamed={actions.onRenamed} onClose={actions.close} />;
  return <DeleteDialog api={api} path={dialog.path} where={actions.trashWhere} onDeleted={actions.onDeleted} onClose={actions.close} />;
}
