/** Confirms creating the note an unresolved link points at; shows the service's error (e.g. read-only) if it fails. */
import { useRef, useState } from 'react';
import type { LinkTargetInfo, PlexusApi } from '../../../main/contract/api-contract';
import { Modal } from './modal';
import { ModalFooter } from './modal-footer';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  api: PlexusApi;
  info: LinkTargetInfo;
  label: string;
  onCreated(path: VaultPath): void;
  onClose(): void;
}

export function CreateNoteDialog({ api, info, label, onCreated, onClose }: Props) {
  const [error, setError] = useState<string | null>(info.createPath ? null : `“${label}” cannot be created here.`);
  const [busy, setBusy] = useState(false);
  // Once created, the note's editor takes the focus, not the link that opened this dialog.
  const returnFocus = useRef(true);
  const create = async () => {
    if (!info.createPath) return;
    setBusy(true);
    try {
      const result = await api.createNote(info.createPath, '');
      if (result.ok) {
        returnFocus.current = false;
        onCreated(info.createPath);
      } else setError(result.error.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal label="Create note" onClose={onClose} className="confirm" returnFocus={returnFocus}>
      <h2 className="modal-title">Create “{label}”?</h2>
      {info.createPath && (
        <p className="muted">
          The note will be created at <code>{info.createPath}</code>.
        </p>
      )}
      <ModalFooter error={error} onCancel={onClose}>
        <button type="button" className="primary" autoFocus disabled={busy || !info.createPath} onClick={create}>
          Create note
        </button>
      </ModalFooter>
    </Modal>
  );
}
