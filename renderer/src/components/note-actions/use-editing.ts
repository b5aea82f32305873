/**
 * Reading vs editing for the note pane, kept per tab in the workspace layout (Tab.mode): Reading
 * view, Live Preview or Source mode, as Obsidian. Ctrl/Cmd+E (the toggleEdit command) goes from
 * reading to the default editing mode (a setting) and back; "Toggle Live Preview/Source mode"
 * flips the editing mode. Also the side-by-side preview, and two app needs on top: never edit a
 * read-only vault, and switch to editing only once a given note is open (after creating or
 * renaming it), so no editor mounts on the wrong note — and then with the keyboard focus in it,
 * so what the user types next lands in the note.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EditingMode } from '../../editor/editor-view-setup';
import { useReadingSettings } from '../../settings/settings-store';
import type { NoteMode } from '../../workspace/layout-model';
import { READ_ONLY_MESSAGE } from './read-only';
import type { VaultPath } from '../../../../main/core/types';

export interface Editing {
  editing: boolean;
  /** The editor's mode while editing. */
  mode: EditingMode;
  toggle(): void;
  /** Live Preview <-> Source mode; from reading, starts editing in the mode that is not the default. */
  toggleSourceMode(): void;
  preview: boolean;
  togglePreview(): void;
  /** Leave editing (the editor saves what is unsaved as it unmounts). */
  stop(): void;
  /** Start editing, focused for typing, as soon as `path` is the open note. */
  editWhenOpen(path: VaultPath): void;
  /** The note whose editor takes the focus when it appears (set by editWhenOpen until editing stops). */
  typeInto: string | null;
}

/** The active tab's mode and how to change it (the app's workspace layout holds it). */
export interface TabMode {
  mode: NoteMode;
  update(f: (mode: NoteMode) => NoteMode): void;
}

export function useEditing(readOnly: boolean, currentPath: VaultPath | null, notify: (message: string) => void, tab: TabMode): Editing {
  const { defaultEditingMode } = useReadingSettings();
  const { mode, update } = tab;
  const editing = mode !== 'reading';
  const setEditing = useCallback((on: boolean) => update((m) => (on ? (m === 'reading' ? defaultEditingMode : m) : 'reading')), [update, defaultEditingMode]);
  const [preview, setPreview] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [typeInto, setTypeInto] = useState<string | null>(null);

  // A read-only vault is never edited: a tab that asks is put back to reading, and told why.
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

  const other = (m: EditingMode): EditingMode => (m === 'live' ? 'source' : 'live');
  return {
    editing: editing && !readOnly,
    mode: mode === 'source' ? 'source' : 'live',
    toggle: useCallback(() => update((m) => (m === 'reading' ? defaultEditingMode : 'reading')), [update, defaultEditingMode]),
    toggleSourceMode: useCallback(() => update((m) => (m === 'reading' ? other(defaultEditingMode) : other(m))), [update, defaultEditingMode]),
    preview,
    togglePreview: useCallback(() => setPreview((p) => !p), []),
    stop: useCallback(() => setEditing(false), [setEditing]),
    editWhenOpen: useCallback(
      (path: VaultPath) => {
        setEditing(false);
        setPending(path);
        setTypeInto(path);
      },
      [setEditing],
    ),
    typeInto,
  };
}
