/** Ctrl/Cmd+N and the toolbar's "New note": asks for a name in a folder, checks it, creates the empty note. */
import { useRef, useState, type FormEvent } from 'react';
import type { FileEntry, PlexusApi } from '../../../../main/contract/api-contract';
import { Modal } from '../modal';
import { ModalFooter } from '../modal-footer';
import { checkNewNotePath } from './note-path-input';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  folder: string;
  files: FileEntry[] | null;
  onCreated(path: VaultPath): void;
  onClose(): void;
}

export function NewNoteDialog({ api, folder, files, onCreated, onClose }: Props) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once created, the note's editor takes the focus, not the button that opened this dialog.
  const returnFocus = useRef(true);
  const check = checkNewNotePath(name, folder, files);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.createNote(check.value, '');
      if (result.ok) {
        returnFocus.current = false;
        onCreated(check.value);
      } else setError(`Could not create ${check.value}: ${result.error.message}`);
    } catch (err) {
      setError(`Could not create ${check.value}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const problem = !check.ok && (touched || name !== '') ? check.error : null;
  return (
    <Modal label="New note" onClose={onClose} className="confirm" returnFocus={returnFocus}>
      <form onSubmit={submit}>
        <h2 className="modal-title">New note</h2>
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="field-input"
            autoFocus
            value={name}
            placeholder="Untitled"
            aria-invalid={problem !== null}
            aria-describedby="new-note-hint"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <p id="new-note-hint" className="muted small">
          {check.ok ? (
            <>
              Will be created at <code>{check.value}</code>
            </>
          ) : (
            <>In {folder ? <code>{folder}/</code> : 'the vault’s top folder'}</>
          )}
        </p>
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <ModalFooter error={error} onCancel={onClose}>
          <button type="submit" className="primary" disabled={busy || !check.ok}>
            Create
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
