/** The "⋯" menu on the explorer's current file: rename/move and delete (F2 and Delete do the same on a focused row). */
import { useEffect, useRef, useState } from 'react';
import { READ_ONLY_MESSAGE } from './read-only';
import type { VaultPath } from '../../../../main/core/types';
import { toVaultPath } from '../../../../main/core/vault-path';

export interface FileActionHandlers {
  readOnly: boolean;
  /** Why readOnly is set, when not because the vault is read-only (e.g. the connection is lost). */
  readOnlyMessage?: string;
  onRename(path: VaultPath): void;
  onDelete(path: VaultPath): void;
}

export function FileActionsMenu({ path, actions }: { path: VaultPath; actions: FileActionHandlers }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);

  // Close on any press outside the menu. In the capture phase: some surfaces stop presses from
  // bubbling (the graph's overview canvas keeps them from cytoscape), and they are outside too.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const run = (fn: (p: VaultPath) => void) => () => {
    setOpen(false);
    fn(path);
  };
  const name = path.split('/').pop();
  const blocked = actions.readOnlyMessage ?? READ_ONLY_MESSAGE;
  return (
    <span className="file-actions" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="icon-button file-actions-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Actions for ${name}`}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <span role="menu" className="file-actions-menu">
          <button type="button" role="menuitem" autoFocus disabled={actions.readOnly} title={actions.readOnly ? blocked : 'F2'} onClick={run(actions.onRename)}>
            Rename or move…
          </button>
          <button type="button" role="menuitem" disabled={actions.readOnly} title={actions.readOnly ? blocked : 'Delete'} onClick={run(actions.onDelete)}>
            Delete…
          </button>
          {actions.readOnly && <span className="muted small file-actions-note">{blocked}</span>}
        </span>
      )}
    </span>
  );
}

/** F2 renames and Delete deletes the focused file row (rows carry data-path). */
export function fileRowShortcut(key: string, target: EventTarget | null, actions: FileActionHandlers): boolean {
  const raw = target instanceof HTMLElement ? target.dataset.path : undefined;
  // An attribute of the page, so checked like any input (the rows write vault paths there).
  const path = raw === undefined ? null : toVaultPath(raw);
  if (path === null || !path.ok) return false;
  if (key === 'F2') actions.onRename(path.value);
  else if (key === 'Delete') actions.onDelete(path.value);
  else return false;
  return true;
}
