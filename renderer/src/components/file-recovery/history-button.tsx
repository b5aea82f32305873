/** The note header's "History" button and the File recovery dialog it opens. */
import { useState } from 'react';
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { FileRecoveryDialog } from './file-recovery-dialog';
import type { VaultPath } from '../../../../main/core/types';

export function HistoryButton({ api, path, readOnly }: { api: PlexusApi; path: VaultPath; readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  if (!/\.md$/i.test(path)) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Earlier versions of this note (File recovery)">
        History
      </button>
      {open && <FileRecoveryDialog api={api} path={path} readOnly={readOnly} onClose={() => setOpen(false)} />}
    </>
  );
}
