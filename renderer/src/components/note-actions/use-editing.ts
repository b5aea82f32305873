/**
 * Reading vs editing for the note pane (Ctrl/Cmd+E via useEditMode), the side-by-side preview,
 * and two app needs on top: never edit a read-only vault, and switch to editing only once a
 * given note is open (after creating or renaming it), so no editor mounts on the wrong note —
 * and then with the keyboard focus in it, so what the user types next lands in the note.
 */
import { useCallback, useEffect, useState } from 'react';
import { useEditMode } from '../../editor';
import { READ_ONLY_MESSAGE } from './read-only';

export interface Editing {
  editing: boolean;
  toggle(): void;
  preview: boolean;
  togglePreview(): void;
  /** Leave editing (the editor saves what is unsaved as it unmounts). */
  stop(): void;
  /** Start editing, focused for typing, as soon as `path` is the open note. */
  editWhenOpen(path: string): void;
  /** The note whose editor takes the focus when it appears (set by editWhenOpen until editing stops). */
  typeInto: string | null;
}

export function useEditing(readOnly: boolean, currentPath: string | null, notify: (message: string) => void): Editing {
  // Ctrl/Cmd+E comes through the app's command registry (toggleEdit), not useEditMode's own listener.
  const [editing, toggle, setEditing] = useEditMode(false, false);
  const [preview, setPreview] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [typeInto, setTypeInto] = useState<string | null>(null);

  // Ctrl/Cmd+E flips the mode inside useEditMode; in a read-only vault flip it back and say why.
  useEffect(() => {
    if (editing && readOnly) {
      setEditing(false);
      notify(`${READ_ONLY_MESSAGE}; notes cannot be edited.`);
    }
  }, [editing, readOnly, setEditing, notify]);

  useEffect(() => {
    if (pending !== null && pending === currentPath) {
      setPending(null);
      if (!readOnly) setEditing(true);
    }
  }, [pending, currentPath, readOnly, setEditing]);

  // Leaving the editor ends the request: a later Ctrl/Cmd+E on that note is an ordinary toggle.
  useEffect(() => {
    if (!editing && pending === null) setTypeInto(null);
  }, [editing, pending]);

  return {
    editing: editing && !readOnly,
    toggle,
    preview,
    togglePreview: useCallback(() => setPreview((p) => !p), []),
    stop: useCallback(() => setEditing(false), [setEditing]),
    editWhenOpen: useCallback((path: string) => {
      setEditing(false);
      setPending(path);
      setTypeInto(path);
    }, [setEditing]),
    typeInto,
  };
}
