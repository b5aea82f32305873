/**
 * Every text in this window that is not on disk, so the app can ask before closing
 * (`beforeunload` in the browser; Electron's close guard listens to the same event).
 *
 * An entry holds a way to read the text itself, never a reference to an editor: an open editor
 * reads its live document; once the editor is gone the entry holds the text it left behind
 * (while its last save or its conflict copy is in flight, or as a kept text to restore), so
 * "quit with unsaved changes" still knows about it and can never point at an unmounted editor.
 */
import { useEffect } from 'react';
import type { VaultPath } from '../../../main/core/types';

export interface UnsavedText {
  path: VaultPath;
  text(): string;
}

const unsaved = new Map<object, UnsavedText>();
const listeners = new Set<() => void>();

/** Sets (or, with null, clears) what `owner` holds that is not on disk. An editor calls it on every edit. */
export function markUnsaved(owner: object, entry: UnsavedText | null): void {
  if (entry) unsaved.set(owner, entry);
  else unsaved.delete(owner);
  for (const listener of [...listeners]) listener();
}

/** Called after every markUnsaved (so after every edit): the Electron draft mirror listens. */
export function onUnsavedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasUnsavedChanges(): boolean {
  return unsaved.size > 0;
}

export function unsavedTexts(): UnsavedText[] {
  return [...unsaved.values()];
}

/** Mount once in the app: cancels page unload (close, reload, vault switch) while text is unsaved. */
export function useUnsavedGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers (and Electron's dialog hook) look at returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
