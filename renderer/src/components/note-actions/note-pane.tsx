/** The centre pane with editing mounted: NoteView with the note actions beside the title, and the editor in edit mode. */
import type { PlexusApi } from '../../../../main/contract/api-contract';
import type { RescueReport } from '../../editor';
import type { NoteData } from '../../hooks/use-note-data';
import type { NoteRoute } from '../../routing/hash-route';
import { NoteView } from '../note-view';
import { NoteEditingPane } from './note-editing-pane';
import { NoteHeaderActions } from './note-header-actions';
import type { Editing } from './use-editing';
import type { NoteActions } from './use-note-actions';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  route: NoteRoute | null;
  data: NoteData | null;
  loading: boolean;
  error: string | null;
  editing: Editing;
  actions: NoteActions;
  onOpenNote(path: VaultPath, heading?: string): void;
  onOpenNoteInNewTab?(path: VaultPath, heading?: string): void;
  onRescue(report: RescueReport): void;
}

export function NotePane({ api, route, data, loading, error, editing, actions, onOpenNote, onOpenNoteInNewTab, onRescue }: Props) {
  const header = route && (
    <NoteHeaderActions
      api={api}
      path={route.path}
      readOnly={actions.block?.reason === 'read-only'}
      pausedMessage={actions.block?.reason === 'disconnected' ? actions.block.message : null}
      editing={editing.editing}
      preview={editing.preview}
      onToggleEdit={editing.toggle}
      onTogglePreview={editing.togglePreview}
      onRename={actions.rename}
      onDelete={actions.remove}
    />
  );
  // Only markdown notes open in the editor; an attachment (image, svg) stays in its reading view.
  const editor = route && editing.editing && /\.md$/i.test(route.path) && (
    <NoteEditingPane
      api={api}
      path={route.path}
      mode={editing.mode}
      preview={editing.preview}
      data={data}
      onOpenNoteInNewTab={onOpenNoteInNewTab}
      autoFocus={editing.typeInto === route.path}
      onOpenNote={onOpenNote}
      onRescue={onRescue}
    />
  );
  return (
    <NoteView
      route={route}
      data={data}
      loading={loading}
      error={error}
      actions={header || undefined}
      editor={editor || undefined}
      readOnly={actions.readOnly}
    />
  );
}
