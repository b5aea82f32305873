/**
 * The active pane's body: an attachment, or the note pane with its editor and actions (a graph tab
 * is drawn by pane-graph.tsx, active or not).
 * An empty tab, or no tab at all, is the note pane with no note (NoteView says so).
 */
import type { FileEntry, PlexusApi, VaultInfo } from '../../../main/contract/api-contract';
import { AttachmentPane } from '../components/attachment/attachment-pane';
import { isAttachmentPath } from '../components/attachment/attachment-kind';
import { NotePane } from '../components/note-actions/note-pane';
import type { Editing } from '../components/note-actions/use-editing';
import type { NoteActions } from '../components/note-actions/use-note-actions';
import type { useEditorLinks } from '../hooks/use-editor-links';
import type { NoteData, NoteDataState } from '../hooks/use-note-data';
import type { NoteRoute } from '../routing/hash-route';
import type { View } from './layout-model';

interface Props {
  api: PlexusApi;
  view: View | null;
  /** The note the active tab is about. */
  route: NoteRoute | null;
  files: FileEntry[] | null;
  vault: VaultInfo | null;
  noteState: NoteDataState;
  data: NoteData | null;
  editing: Editing;
  noteActions: NoteActions;
  links: ReturnType<typeof useEditorLinks>;
}

export function ActivePane({ api, view, route, files, vault, noteState, data, editing, noteActions, links }: Props) {
  const currentPath = route?.path ?? null;
  if (currentPath !== null && isAttachmentPath(currentPath))
    return <AttachmentPane api={api} path={currentPath} entry={files?.find((f) => f.path === currentPath)} host={vault?.host ?? null} />;
  return (
    <NotePane
      api={api}
      route={view === null ? null : route}
      data={data}
      loading={noteState.status === 'loading'}
      error={noteState.status === 'error' ? noteState.message : null}
      editing={editing}
      actions={noteActions}
      onOpenNote={links.openFromEditor}
      onOpenNoteInNewTab={links.openFromEditorInNewTab}
      onRescue={links.onRescue}
    />
  );
}
