import type { VaultPath } from '../../../main/core/types';
/**
 * A restore from File recovery is the app's own write, so the watcher never reports it as an
 * outside change; an open editor still has to learn that the disk moved under it (a clean
 * editor reloads, one with unsaved text gets the conflict bar). This is that one-way signal.
 */
type Listener = (path: VaultPath, hash: string) => void;

const listeners = new Set<Listener>();

export function onNoteRestored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceNoteRestored(path: VaultPath, hash: string): void {
  for (const listener of [...listeners]) listener(path, hash);
}
