/**
 * Switching the note pane between reading and editing: a button plus Ctrl/Cmd+E, for the app
 * to mount next to the note title.
 */
import { useCallback, useEffect, useState } from 'react';

export function isEditToggleKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e';
}

/**
 * The mode state with the Ctrl/Cmd+E shortcut bound on window, unless `bindKey` is false (the
 * app binds it through its command registry instead, so the key is not handled twice).
 */
export function useEditMode(initial = false, bindKey = true): [editing: boolean, toggle: () => void, setEditing: (v: boolean) => void] {
  const [editing, setEditing] = useState(initial);
  const toggle = useCallback(() => setEditing((v) => !v), []);
  useEffect(() => {
    if (!bindKey) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isEditToggleKey(event)) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, bindKey]);
  return [editing, toggle, setEditing];
}

export function EditToggle({ editing, onToggle }: { editing: boolean; onToggle(): void }) {
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <button type="button" className="edit-toggle" aria-pressed={editing} title={`${editing ? 'Read' : 'Edit'} (${mod}E)`} onClick={onToggle}>
      {editing ? 'Read' : 'Edit'}
    </button>
  );
}
