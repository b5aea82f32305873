/** Confirms deleting a note, listing the notes whose links to it will stop resolving, then calls deleteNote. */
import { useState } from 'react';
import type { BacklinkGroup, PlexusApi, Result } from '../../../../main/contract/api-contract';
import { useAsync, type AsyncState } from '../../hooks/use-async';
import { Modal } from '../modal';
import { ModalFooter } from '../modal-footer';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  path: VaultPath;
  /** "moved to the system trash" or "moved to .trash/ in the vault". */
  where: string;
  onDeleted(path: VaultPath, linkedFrom: string[]): void;
  onClose(): void;
}

export function DeleteDialog({ api, path, where, onDeleted, onClose }: Props) {
  const backlinks = useAsync<Result<BacklinkGroup[]>>(() => api.getBacklinks(path), path);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.deleteNote(path);
      if (result.ok) onDeleted(path, result.value.linkedFrom);
      else setError(`Could not delete: ${result.error.message}`);
    } catch (err) {
      setError(`Could not delete: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Delete note" onClose={onClose} className="confirm">
      <h2 className="modal-title">Delete “{path.replace(/\.md$/i, '').split('/').pop()}”?</h2>
      <p className="muted small">
        <code>{path}</code> will be {where}.
      </p>
      <Linkers state={backlinks} />
      <ModalFooter error={error} onCancel={onClose}>
        <button type="button" className="danger" autoFocus disabled={busy} onClick={confirm}>
          {busy ? 'Deleting…' : 'Delete'}
        </button>
      </ModalFooter>
    </Modal>
  );
}

function Linkers({ state }: { state: AsyncState<Result<BacklinkGroup[]>> }) {
  if (state.status === 'pending')
    return (
      <p className="muted small" aria-busy="true">
        Looking for notes that link here…
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="error-text" role="alert">
        Could not list the notes that link here: {state.message}
      </p>
    );
  if (!state.value.ok)
    return (
      <p className="error-text" role="alert">
        Could not list the notes that link here: {state.value.error.message}
      </p>
    );
  const groups = state.value.value;
  if (groups.length === 0) return <p className="muted small">No notes link here.</p>;
  return (
    <section aria-label="Notes that link here" className="affected">
      <p className="small">
        {groups.length} note{groups.length === 1 ? ' links' : 's link'} here; {groups.length === 1 ? 'its links' : 'their links'} will become unresolved:
      </p>
      <ul className="affected-list">
        {groups.map((g) => (
          <li key={g.source}>
            <span className="affected-path">{g.source}</span>{' '}
            <span className="count">
              {g.links.length} link{g.links.length === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
