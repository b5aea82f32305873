/**
 * The File recovery dialogs the command palette opens ("Open file recovery" for the note in
 * view, "Recover deleted notes"), rendered once by the app. The note header's History button
 * and the toolbar's Deleted notes button open the same dialogs on their own.
 */
import { useCallback, useState } from 'react';
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { DeletedNotesDialog } from './deleted-notes-dialog';
import { FileRecoveryDialog } from './file-recovery-dialog';
import type { VaultPath } from '../../../../main/core/types';

export type RecoveryRequest = { kind: 'history'; path: VaultPath } | { kind: 'deleted' } | null;

/** The commands' side: which dialog is asked for, and the two commands' runs. */
export function useRecoveryCommands(currentPath: VaultPath | null, notice: (message: string) => void) {
  const [request, setRequest] = useState<RecoveryRequest>(null);
  const openFileRecovery = useCallback(() => {
    if (currentPath !== null && /\.md$/i.test(currentPath)) setRequest({ kind: 'history', path: currentPath });
    else notice('File recovery shows the versions of the note in view: open a note first (or use "Recover deleted notes").');
  }, [currentPath, notice]);
  const recoverDeletedNotes = useCallback(() => setRequest({ kind: 'deleted' }), []);
  return { request, close: useCallback(() => setRequest(null), []), openFileRecovery, recoverDeletedNotes };
}

export function RecoveryDialogs(p: { api: PlexusApi; request: RecoveryRequest; readOnly: boolean; onClose(): void; onOpen(path: VaultPath): void }) {
  if (p.request === null) return null;
  if (p.request.kind === 'history') return <FileRecoveryDialog api={p.api} path={p.request.path} readOnly={p.readOnly} onClose={p.onClose} />;
  return (
    <DeletedNotesDialog
      api={p.api}
      readOnly={p.readOnly}
      onClose={p.onClose}
      onRestored={(path) => {
        p.onClose();
        p.onOpen(path);
      }}
    />
  );
}
