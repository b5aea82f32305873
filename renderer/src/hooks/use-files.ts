/** The vault's file list: loaded once, then kept current from 'files' events. */
import { useCallback, useEffect, useState } from 'react';
import type { FileEntry, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import { compareText } from '../lib/collate';

const byPath = (a: FileEntry, b: FileEntry) => compareText(a.path, b.path);

/**
 * The file list after a watcher batch. `files` is sorted by path (every list here is), so only the
 * batch's entries are sorted and merged in: re-sorting a big vault's list on every batch held the
 * page for longer than a frame. The order is the one a stable sort of the whole list gives.
 */
export function applyFilesEvent(files: FileEntry[], event: Extract<VaultEvent, { type: 'files' }>): FileEntry[] {
  const drop = new Set([...event.removed, ...event.changed.map((f) => f.path), ...event.added.map((f) => f.path)]);
  const kept = drop.size === 0 ? files : files.filter((f) => !drop.has(f.path));
  const incoming = [...event.added, ...event.changed].sort(byPath);
  const out: FileEntry[] = new Array<FileEntry>(kept.length + incoming.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // On a tie the kept entry goes first, as it came first in the list a stable sort was given.
  while (i < kept.length && j < incoming.length) out[k++] = byPath(incoming[j], kept[i]) < 0 ? incoming[j++] : kept[i++];
  while (i < kept.length) out[k++] = kept[i++];
  while (j < incoming.length) out[k++] = incoming[j++];
  return out;
}

export function useFiles(api: PlexusApi, reportError: (message: string) => void) {
  const [files, setFiles] = useState<FileEntry[] | null>(null);
  const reload = useCallback(() => {
    api.listFiles().then(
      (list) => setFiles([...list].sort(byPath)),
      (e: unknown) => reportError(`Could not list files: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [api, reportError]);
  useEffect(reload, [reload]);
  const onFilesEvent = useCallback((event: Extract<VaultEvent, { type: 'files' }>) => {
    setFiles((current) => (current ? applyFilesEvent(current, event) : current));
  }, []);
  return { files, onFilesEvent, reload };
}
