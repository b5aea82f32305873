/**
 * The buttons beside the note title: Edit/Read (Ctrl/Cmd+E), side-by-side preview, History,
 * Rename (F2) and
 * Delete. While the connection is lost (`pausedMessage`), Rename and Delete wait but the editor
 * stays: its text is kept and saved on reconnect.
 */
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { EditToggle } from '../../editor';
import { HistoryButton } from '../file-recovery/history-button';
import { READ_ONLY_MESSAGE } from './read-only';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  path: VaultPath;
  readOnly: boolean;
  /** Set while writes wait for the connection: why Rename and Delete are disabled. */
  pausedMessage?: string | null;
  editing: boolean;
  preview: boolean;
  onToggleEdit(): void;
  onTogglePreview(): void;
  onRename(path: VaultPath): void;
  onDelete(path: VaultPath): void;
}

export function NoteHeaderActions(p: Props) {
  if (p.readOnly) {
    return (
      <div className="note-actions" role="group" aria-label="Note actions">
        <span className="read-only-note" role="note">
          {READ_ONLY_MESSAGE}
        </span>
        <button type="button" disabled title={READ_ONLY_MESSAGE}>
          Edit
        </button>
        <HistoryButton api={p.api} path={p.path} readOnly />
        <button type="button" disabled title={READ_ONLY_MESSAGE}>
          Rename
        </button>
        <button type="button" disabled title={READ_ONLY_MESSAGE}>
          Delete
        </button>
      </div>
    );
  }
  return (
    <div className="note-actions" role="group" aria-label="Note actions">
      <EditToggle editing={p.editing} onToggle={p.onToggleEdit} />
      {p.editing && (
        <button type="button" aria-pressed={p.preview} onClick={p.onTogglePreview} title="Show the rendered note beside the editor">
          Preview
        </button>
      )}
      <HistoryButton api={p.api} path={p.path} readOnly={false} />
      <button type="button" onClick={() => p.onRename(p.path)} disabled={!!p.pausedMessage} title={p.pausedMessage || 'Rename or move (F2)'}>
        Rename
      </button>
      <button
        type="button"
        className="danger-text"
        onClick={() => p.onDelete(p.path)}
        disabled={!!p.pausedMessage}
        title={p.pausedMessage || 'Delete this note'}
      >
        Delete
      </button>
    </div>
  );
}
