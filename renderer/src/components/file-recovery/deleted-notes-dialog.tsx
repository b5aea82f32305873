/**
 * "Deleted notes": notes that vanished (deleted here or by another program) whose last text
 * File recovery kept, newest first. Restore re-creates one at its path, or beside it as
 * "name (restored).md" when the path is taken again; Copy copies its text (read-only: Copy only).
 */
import { useCallback, useEffect, useState } from 'react';
import type { NoteVersion, PlexusApi } from '../../../../main/contract/api-contract';
import { Modal } from '../modal';
import { sizeLabel, timeLabel } from './version-labels';
import { copyToClipboard, errorMessage, type RecoveryStatus } from './recovery-status';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  readOnly: boolean;
  onRestored(path: VaultPath): void;
  onClose(): void;
}

export function DeletedNotesDialog({ api, readOnly, onRestored, onClose }: Props) {
  const [notes, setNotes] = useState<NoteVersion[] | { error: string } | null>(null);
  const [selected, setSelected] = useState<NoteVersion | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<RecoveryStatus | null>(null);

  const load = useCallback(async () => {
    try {
      const listed = await api.listDeletedNotes();
      setNotes(listed.ok ? listed.value : { error: listed.error.message });
      if (listed.ok) setSelected((was) => listed.value.find((n) => n.id === was?.id) ?? listed.value[0] ?? null);
    } catch (error) {
      setNotes({ error: errorMessage(error) });
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  useEffect(() => {
    setText(null);
    if (selected === null) return;
    let live = true;
    api.readVersion(selected.path, selected.id).then(
      (read) => live && (read.ok ? setText(read.value.content) : setStatus({ kind: 'error', text: `Could not read it: ${read.error.message}` })),
      (error: unknown) => live && setStatus({ kind: 'error', text: `Could not read it: ${errorMessage(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, selected]);

  const restore = async () => {
    if (selected === null) return;
    setStatus(null);
    try {
      const result = await api.restoreVersion(selected.path, selected.id, null);
      if (!result.ok) return setStatus({ kind: 'error', text: `Could not restore: ${result.error.message}` });
      onRestored(result.value.path);
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not restore: ${errorMessage(error)}` });
    }
  };

  const copy = async () => {
    if (text === null) return;
    setStatus(await copyToClipboard(text, 'Copied the note’s text.'));
  };

  return (
    <Modal label="Deleted notes" onClose={onClose} className="file-recovery">
      <h2 className="modal-title">Deleted notes</h2>
      {notes === null && (
        <p className="muted small" aria-busy="true">
          Loading…
        </p>
      )}
      {notes !== null && 'error' in notes && (
        <p className="error-text" role="alert">
          Could not list deleted notes: {notes.error}
        </p>
      )}
      {Array.isArray(notes) && notes.length === 0 && <p className="muted small">No deleted notes are kept.</p>}
      {Array.isArray(notes) && notes.length > 0 && (
        <div className="recovery-body">
          <ul className="recovery-list" aria-label="Deleted notes, newest first">
            {notes.map((n) => (
              <li key={n.id}>
                <button type="button" aria-pressed={n.id === selected?.id} onClick={() => setSelected(n)}>
                  <span className="recovery-time">{n.path.replace(/\.md$/i, '')}</span>
                  <span className="recovery-reason">Deleted {timeLabel(n.time)}</span>
                  <span className="recovery-size">{sizeLabel(n.size)}</span>
                </button>
              </li>
            ))}
          </ul>
          <section className="recovery-detail" aria-label="Last text">
            {text === null ? (
              <p className="muted small" aria-busy="true">
                Loading…
              </p>
            ) : (
              <pre className="recovery-diff">{text}</pre>
            )}
          </section>
        </div>
      )}
      {status && (
        <p className={status.kind === 'error' ? 'error-text' : 'muted small'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
        <button type="button" disabled={text === null} onClick={copy}>
          Copy
        </button>
        <button
          type="button"
          className="primary"
          disabled={readOnly || text === null}
          title={readOnly ? 'This vault is open read-only: copy the text instead' : undefined}
          onClick={restore}
        >
          Restore
        </button>
      </div>
    </Modal>
  );
}
