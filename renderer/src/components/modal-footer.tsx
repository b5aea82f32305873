import type { ReactNode } from 'react';

/** The end of a confirming dialog: its last error as an alert, then Cancel and the dialog's own button. */
export function ModalFooter({ error, onCancel, children }: { error: string | null; onCancel(): void; children: ReactNode }) {
  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}
