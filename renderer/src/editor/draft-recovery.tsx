/**
 * Mounted next to the app in the Electron window (main.tsx): starts the draft mirror once and,
 * when this page was reloaded after a crash, says which notes' unsaved text came back and how to
 * restore it (open the note, Edit, Restore: the kept-text bar of the editor).
 */
import { useEffect, useState } from 'react';
import { noteHref } from '../routing/hash-route';
import { startDraftMirror, type Draft, type DraftsBridge } from './draft-mirror';
import './draft-recovery.css';

let started: Promise<{ recovered: Draft[] }> | null = null;
const errorListeners = new Set<(message: string) => void>();

function reportError(message: string): void {
  console.error(`plexus: ${message}`);
  for (const listener of errorListeners) listener(message);
}

export function DraftRecovery({ bridge }: { bridge: DraftsBridge }) {
  const [paths, setPaths] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    errorListeners.add(setError);
    // Once per page, even when StrictMode mounts this twice: a second take would find nothing.
    started ??= startDraftMirror(bridge, reportError);
    void started.then(({ recovered }) => {
      if (live) setPaths([...new Set(recovered.map((draft) => draft.path))]);
    });
    return () => {
      live = false;
      errorListeners.delete(setError);
    };
  }, [bridge]);

  if (dismissed || (paths.length === 0 && error === null)) return null;
  return (
    <div className="draft-recovery" role="alert" aria-label="Recovered text">
      {paths.length > 0 && (
        <>
          <p>The window stopped unexpectedly. Unsaved text was kept for:</p>
          <ul>
            {paths.map((path) => (
              <li key={path}>
                <a href={noteHref(path)}>{path}</a>
              </li>
            ))}
          </ul>
          <p>Open the note and choose Edit: Restore puts the text back.</p>
        </>
      )}
      {error !== null && <p className="error-text">{error}</p>}
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
