/**
 * New / rename / delete for the app: which dialog is open, and what happens after each write
 * (open the new note in edit mode, follow a renamed note and offer Undo, leave a deleted one).
 * Every failure reaches the user: inline in the dialog, or as an error banner.
 */
import { useCallback, useRef, useState } from 'react';
import type { FileEntry, PlexusApi, RenameOutcome, VaultInfo } from '../../../../main/contract/api-contract';
import { pickDefaultNote } from '../../hooks/default-note';
import type { Editing } from './use-editing';
import { currentSettings } from '../../settings/settings-store';
import { newNoteFolder } from '../../settings/new-note-location';
import { trashLocation, writeBlock } from './read-only';
import type { VaultPath } from '../../../../main/core/types';

export type ActionDialog = { kind: 'new'; folder: string } | { kind: 'rename'; path: VaultPath } | { kind: 'delete'; path: VaultPath } | null;

interface Banners {
  push(kind: 'error' | 'notice', text: string, action?: { label: string; run(): void }): void;
  reportError(text: string): void;
}

export interface NoteActionsDeps {
  api: PlexusApi;
  vault: VaultInfo | null;
  files: FileEntry[] | null;
  currentPath: VaultPath | null;
  openPath(path: VaultPath): void;
  banners: Banners;
  editing: Editing;
  /** Browser mode lost its server: writes are refused like in a read-only vault until it is back. */
  disconnected?: boolean;
  /** A note renamed here: what remembers paths (bookmarks) follows it. */
  onPathRenamed?(from: string, to: string): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useNoteActions(deps: NoteActionsDeps) {
  const { api, vault, files, currentPath, openPath, banners, editing, onPathRenamed } = deps;
  const [dialog, setDialog] = useState<ActionDialog>(null);
  // Where to resume editing when a rename/delete dialog closes (null: the user was not editing).
  const resumeAt = useRef<VaultPath | null>(null);
  const current = useRef(currentPath);
  current.current = currentPath;
  const block = writeBlock(vault?.readOnly ?? false, deps.disconnected ?? false);
  const readOnly = block !== null;
  const blockMessage = block?.message ?? null;

  const refuseIfReadOnly = useCallback((): boolean => {
    if (blockMessage !== null) banners.push('notice', `${blockMessage}; notes cannot be created, renamed or deleted.`);
    return blockMessage !== null;
  }, [blockMessage, banners]);

  const newNote = useCallback(() => {
    // Read when asked: the setting may have changed since this callback was made.
    if (!refuseIfReadOnly()) setDialog({ kind: 'new', folder: newNoteFolder(currentSettings(), current.current) });
  }, [refuseIfReadOnly]);

  /** Rename and delete move the file under the editor: leave editing first so pending text is saved to the old path. */
  const openWrite = useCallback(
    (kind: 'rename' | 'delete', path: VaultPath | null) => {
      if (!path || refuseIfReadOnly()) return;
      resumeAt.current = editing.editing ? current.current : null;
      editing.stop();
      setDialog({ kind, path });
    },
    [refuseIfReadOnly, editing],
  );
  const rename = useCallback((path: VaultPath | null) => openWrite('rename', path), [openWrite]);
  const remove = useCallback((path: VaultPath | null) => openWrite('delete', path), [openWrite]);

  const close = useCallback(() => {
    setDialog(null);
    if (resumeAt.current) editing.editWhenOpen(resumeAt.current);
    resumeAt.current = null;
  }, [editing]);

  const onCreated = useCallback(
    (path: VaultPath) => {
      setDialog(null);
      editing.editWhenOpen(path);
      openPath(path);
    },
    [editing, openPath],
  );

  const undo = useCallback(
    (outcome: RenameOutcome) => {
      api.undoRename(outcome.undoToken).then(
        (r) => {
          if (!r.ok) return banners.reportError(`Could not undo the rename of “${outcome.from}”: ${r.error.message}`);
          banners.push('notice', `Rename undone: “${outcome.to}” is “${outcome.from}” again.`);
          if (current.current === outcome.to) openPath(outcome.from);
        },
        (e: unknown) => banners.reportError(`Could not undo the rename of “${outcome.from}”: ${errorText(e)}`),
      );
    },
    [api, banners, openPath],
  );

  const onRenamed = useCallback(
    (outcome: RenameOutcome) => {
      setDialog(null);
      const n = outcome.changed.length;
      banners.push('notice', `Renamed “${outcome.from}” to “${outcome.to}”${n > 0 ? `; updated links in ${n} note${n === 1 ? '' : 's'}` : ''}.`, {
        label: 'Undo',
        run: () => undo(outcome),
      });
      const resume = resumeAt.current;
      resumeAt.current = null;
      const follow = current.current === outcome.from;
      if (resume) editing.editWhenOpen(follow ? outcome.to : resume);
      if (follow) openPath(outcome.to);
      onPathRenamed?.(outcome.from, outcome.to);
    },
    [banners, undo, editing, openPath, onPathRenamed],
  );

  const onDeleted = useCallback(
    (path: VaultPath, linkedFrom: string[]) => {
      setDialog(null);
      const where = trashLocation(vault?.host ?? 'browser');
      const n = linkedFrom.length;
      banners.push('notice', `Deleted “${path}” (${where})${n > 0 ? `; ${n} note${n === 1 ? ' still links' : 's still link'} to it` : ''}.`);
      const resume = resumeAt.current;
      resumeAt.current = null;
      if (current.current === path) {
        const next = pickDefaultNote((files ?? []).filter((f) => f.path !== path));
        if (next) openPath(next);
      } else if (resume) editing.editWhenOpen(resume);
    },
    [vault, banners, files, openPath, editing],
  );

  return { dialog, readOnly, block, newNote, rename, remove, close, onCreated, onRenamed, onDeleted, trashWhere: trashLocation(vault?.host ?? 'browser') };
}

export type NoteActions = ReturnType<typeof useNoteActions>;
