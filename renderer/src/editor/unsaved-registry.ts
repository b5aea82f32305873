/**
 * Which open editors hold text that is not on disk, so the app can ask before closing
 * (`beforeunload` in the browser; Electron's close guard listens to the same event).
 */
import { useEffect } from 'react';

const unsaved = new Set<object>();

export function markUnsaved(owner: object, isUnsaved: boolean): void {
  if (isUnsaved) unsaved.add(owner);
  else unsaved.delete(owner);
}

export function hasUnsavedChanges(): boolean {
  return unsaved.size > 0;
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
