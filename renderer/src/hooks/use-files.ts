/** The vault's file list: loaded once, then kept current from 'files' events. */
import { useCallback, useEffect, useState } from 'react';
import type { FileEntry, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';

export function applyFilesEvent(files: FileEntry[], event: Extract<VaultEvent, { type: 'files' }>): FileEntry[] {
  const drop = new Set([...event.removed, ...event.changed.map((f) => f.path), ...event.added.map((f) => f.path)]);
  return [...files.filter((f) => !drop.has(f.path)), ...event.added, ...event.changed].sort((a, b) => a.path.localeCompare(b.path));
}

export function useFiles(api: PlexusApi, reportError: (message: string) => void) {
  const [files, setFiles] = useState<FileEntry[] | null>(null);
  const reload = useCallback(() => {
    api.listFiles().then(
      (list) => setFiles([...list].sort((a, b) => a.path.localeCompare(b.path))),
      (e: unknown) => reportError(`Could not list files: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [api, reportError]);
  useEffect(reload, [reload]);
  const onFilesEvent = useCallback((event: Extract<VaultEvent, { type: 'files' }>) => {
    setFiles((current) => (current ? applyFilesEvent(current, event) : current));
  }, []);
  return { files, onFilesEvent, reload };
}
