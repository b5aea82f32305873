/** The status line and the conflict / deleted bars shown above the editor. */
import { useMemo } from 'react';
import type { DocState, Resolution } from './conflict-machine';
import type { KeptText } from './kept-texts';
import { lineDiff } from './line-diff';

export function EditorStatus({ state, onRetry }: { state: DocState; onRetry(): void }) {
  const label: Record<DocState['status'], string> = {
    clean: 'Saved',
    dirty: 'Unsaved',
    saving: 'Saving…',
    error: 'Not saved',
    conflict: 'Changed on disk',
    deleted: 'Deleted on disk',
  };
  return (
    <div className={`editor-status is-${state.status}`} role="status" aria-live="polite">
      <span>{label[state.status]}</span>
      {state.status === 'error' && (
        <>
          <span className="editor-status-reason">: {state.error}</span>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}

export function ConflictBar({ theirs, mine, onResolve }: { theirs: string | null; mine: string; onResolve(choice: Resolution): void }) {
  const diff = useMemo(() => (theirs === null ? null : lineDiff(theirs, mine)), [theirs, mine]);
  return (
    <div className="editor-bar editor-conflict" role="alert">
      <p>This note was changed on disk while you were editing it. Your text is kept here until you choose.</p>
      <div className="editor-bar-actions">
        <button type="button" onClick={() => onResolve('keep-mine')}>
          Keep mine
        </button>
        <button type="button" onClick={() => onResolve('take-theirs')}>
          Take theirs
        </button>
        <button type="button" onClick={() => onResolve('keep-both')}>
          Keep both
        </button>
      </div>
      {diff === null ? (
        <p className="muted">Loading their version…</p>
      ) : (
        <pre className="editor-diff" aria-label="Differences: theirs (−) and mine (+)">
          {diff
            .filter((line) => line.kind !== 'same')
            .map((line, i) => (
              <div key={i} className={`diff-${line.kind}`}>
                {line.kind === 'theirs' ? '− theirs: ' : '+ mine:   '}
                {line.text}
              </div>
            ))}
        </pre>
      )}
    </div>
  );
}

export function DeletedBar({ onSave }: { onSave(): void }) {
  return (
    <div className="editor-bar editor-deleted" role="alert">
      <p>This note was deleted on disk. Your text is still here; saving recreates the file.</p>
      <button type="button" onClick={onSave}>
        Save again
      </button>
    </div>
  );
}

/** Text from an earlier editor on this note that reached neither the note nor a copy. */
export function KeptTextBar({ kept, onRestore, onDiscard }: { kept: KeptText; onRestore(): void; onDiscard(): void }) {
  const time = new Date(kept.keptAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="editor-bar editor-kept" role="alert">
      <p>
        Unsaved text from {time} was kept here ({kept.reason}). Restore puts it back in the editor in place of what is shown; Discard drops it.
      </p>
      <RestoreOrDiscard onRestore={onRestore} onDiscard={onDiscard} />
    </div>
  );
}

/** Unsaved text from before a reload or crash, typed over the version still on disk. */
export function DraftBar({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore(): void; onDiscard(): void }) {
  const time = new Date(savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (
    <div className="editor-bar editor-kept" role="alert" aria-label="Unsaved changes">
      <p>Restore unsaved changes from {time}? They were typed here before the page was closed or reloaded, over the text the note still has.</p>
      <RestoreOrDiscard onRestore={onRestore} onDiscard={onDiscard} />
    </div>
  );
}

/** The two choices a bar offering kept text back gives. */
function RestoreOrDiscard({ onRestore, onDiscard }: { onRestore(): void; onDiscard(): void }) {
  return (
    <div className="editor-bar-actions">
      <button type="button" onClick={onRestore}>
        Restore
      </button>
      <button type="button" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}
