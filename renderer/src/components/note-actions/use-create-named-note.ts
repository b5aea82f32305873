/**
 * Creating a note from a typed name (the quick switcher's "Create"): checked as the New note
 * dialog checks it, created empty in the given folder (the "Default location for new notes"
 * setting), then opened for typing. Problems are reported, never thrown.
 */
import { useCallback } from 'react';
import type { FileEntry, PlexusApi } from '../../../../main/contract/api-contract';
import { checkNewNotePath } from './note-path-input';
import type { VaultPath } from '../../../../main/core/types';

export function useCreateNamedNote(api: PlexusApi, files: FileEntry[] | null, onCreated: (path: VaultPath) => void, reportError: (message: string) => void) {
  return useCallback(
    async (name: string, folder = '') => {
      const check = checkNewNotePath(name, folder, files);
      if (!check.ok) {
        reportError(`Cannot create “${name}”: ${check.error}`);
        return;
      }
      try {
        const result = await api.createNote(check.value, '');
        if (result.ok) onCreated(check.value);
        else reportError(`Could not create ${check.value}: ${result.error.message}`);
      } catch (err) {
        reportError(`Could not create ${check.value}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    [api, files, onCreated, reportError],
  );
}
