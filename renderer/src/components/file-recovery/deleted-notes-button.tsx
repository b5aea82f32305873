/** The toolbar's "Deleted notes" button and the dialog it opens; a restored note is opened. */
import { useState } from 'react';
import type { PlexusApi } from '../../../../main/contract/api-contract';
import { DeletedNotesDialog } from './deleted-notes-dialog';
import type { VaultPath } from '../../../../main/core/types';

export function DeletedNotesButton({ api, readOnly, onOpen }: { api: PlexusApi; readOnly: boolean; onOpen(path: VaultPath): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Recover deleted notes (File recovery)">
        Deleted notes
      </button>
      {open && (
        <DeletedNotesDialog
          api={api}
          readOnly={readOnly}
          onClose={() => setOpen(false)}
          onRestored={(path) => {
            setOpen(false);
            onOpen(path);
          }}
        />
      )}
    </>
  );
}
