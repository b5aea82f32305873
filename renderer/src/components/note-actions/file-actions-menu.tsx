/** The "⋯" menu on the explorer's current file: rename/move and delete (F2 and Delete do the same on a focused row). */
import { useEffect, useRef, useState } from 'react';
import { READ_ONLY_MESSAGE } from './read-only';

export interface FileActionHandlers {
  readOnly: boolean;
  /** Why readOnly is set, when not because the vault is read-only (e.g. the connection is lost). */
  readOnlyMessage?: string;
  onRename(path: string): void;
  onDelete(path: string): void;
}

export function FileActionsMenu({ path, actions }: { path: string; actions: FileActionHandlers }) {
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

  const run = (fn: (p: string) => void) => () => {
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
  const path = target instanceof HTMLElement ? target.dataset.path : undefined;
  if (!path) return false;
  if (key === 'F2') actions.onRename(path);
  else if (key === 'Delete') actions.onDelete(path);
  else return false;
  return true;
}
