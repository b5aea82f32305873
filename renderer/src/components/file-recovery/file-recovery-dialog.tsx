/**
 * "File recovery": the note's kept versions, newest first (when, how big, why), the chosen one
 * against the current text, and Restore (the service keeps the current text first, so a restore
 * can be undone from this same list) or Copy. Read-only mode offers Copy only.
 */
import { useCallback, useEffect, useState } from 'react';
import type { NoteVersion, PlexusApi } from '../../../../main/contract/api-contract';
import { announceNoteRestored } from '../../editor/restore-signal';
import { Modal } from '../modal';
import { RecoverySettingsForm } from './recovery-settings-form';
import { VersionDiff } from './version-diff';
import { reasonLabel, sizeLabel, timeLabel } from './version-labels';
import { copyToClipboard, errorMessage, type RecoveryStatus } from './recovery-status';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  path: VaultPath;
  readOnly: boolean;
  onClose(): void;
}

type Listing =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; versions: NoteVersion[]; current: { text: string; hash: string } | null };

export function FileRecoveryDialog({ api, path, readOnly, onClose }: Props) {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<{ id: string; content: string } | { id: string; error: string } | null>(null);
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [versions, current] = await Promise.all([api.listVersions(path), api.readNote(path)]);
      if (!versions.ok) return setListing({ status: 'error', message: versions.error.message });
      setListing({ status: 'ready', versions: versions.value, current: current.ok ? { text: current.value.content, hash: current.value.hash } : null });
      setSelected((was) => (was !== null && versions.value.some((v) => v.id === was) ? was : (versions.value[0]?.id ?? null)));
    } catch (error) {
      setListing({ status: 'error', message: errorMessage(error) });
    }
  }, [api, path]);

  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    api.readVersion(path, selected).then(
      (read) => live && setText(read.ok ? { id: selected, content: read.value.content } : { id: selected, error: read.error.message }),
      (error: unknown) => live && setText({ id: selected, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, path, selected]);

  const chosen = listing.status === 'ready' ? (listing.versions.find((v) => v.id === selected) ?? null) : null;
  const chosenText = text !== null && text.id === selected && 'content' in text ? text.content : null;

  const restore = async () => {
    if (listing.status !== 'ready' || chosen === null) return;
    setBusy(true);
    setStatus(null);
    try {
      const result = await api.restoreVersion(path, chosen.id, listing.current?.hash ?? null);
      if (!result.ok) {
        setStatus({ kind: 'error', text: `Could not restore: ${result.error.message}` });
        return;
      }
      announceNoteRestored(result.value.path, result.value.hash);
      const where = result.value.path === path ? '' : ` as ${result.value.path}`;
      setStatus({ kind: 'ok', text: `Restored the version from ${timeLabel(chosen.time)}${where}. The text it replaced is kept in this list.` });
      await load();
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not restore: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (chosenText === null) return;
    setStatus(await copyToClipboard(chosenText, 'Copied the version’s text.'));
  };

  return (
    <Modal label="File recovery" onClose={onClose} className="file-recovery">
      <h2 className="modal-title">File recovery</h2>
      <p className="muted small">
        <code>{path}</code>
      </p>
      {listing.status === 'loading' && (
        <p className="muted small" aria-busy="true">
          Loading versions…
        </p>
      )}
      {listing.status === 'error' && (
        <p className="error-text" role="alert">
          Could not list the versions: {listing.message}
        </p>
      )}
      {listing.status === 'ready' && listing.versions.length === 0 && (
        <p className="muted small">
          No earlier versions are kept for this note yet. Plexus keeps one before your edits, and before another program changes or deletes it.
        </p>
      )}
      {listing.status === 'ready' && listing.versions.length > 0 && (
        <div className="recovery-body">
          <ul className="recovery-list" aria-label="Versions, newest first">
            {listing.versions.map((v) => (
              <li key={v.id}>
                <button type="button" aria-pressed={v.id === selected} onClick={() => setSelected(v.id)}>
                  <span className="recovery-time">{timeLabel(v.time)}</span>
                  <span className="recovery-reason">{reasonLabel(v.reason)}</span>
                  <span className="recovery-size">{sizeLabel(v.size)}</span>
                </button>
              </li>
            ))}
          </ul>
          <section className="recovery-detail" aria-label="Chosen version">
            {text !== null && text.id === selected && 'error' in text && (
              <p className="error-text" role="alert">
                Could not read this version: {text.error}
              </p>
            )}
            {chosenText === null && !(text !== null && text.id === selected && 'error' in text) && (
              <p className="muted small" aria-busy="true">
                Loading…
              </p>
            )}
            {chosenText !== null && <VersionDiff current={listing.current?.text ?? null} version={chosenText} />}
          </section>
        </div>
      )}
      {status && (
        <p className={status.kind === 'error' ? 'error-text' : 'muted small'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <RecoverySettingsForm api={api} readOnly={readOnly} />
      <div className="modal-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
        <button type="button" disabled={chosenText === null} onClick={copy}>
          Copy
        </button>
        {readOnly ? (
          <button type="button" disabled title="This vault is open read-only: copy the text instead">
            Restore
          </button>
        ) : (
          // Not disabled while busy: a disabled button drops the focus out of the dialog (and Escape with it).
          <button type="button" className="primary" disabled={chosenText === null} aria-busy={busy} onClick={busy ? undefined : restore}>
            Restore
          </button>
        )}
      </div>
    </Modal>
  );
}
