/**
 * Loading, saving and watching one note: drives the conflict state machine with api calls and
 * vault events. The editor supplies its text through `getText`/`setText` so the document lives
 * in CodeMirror, not in React state (typing never re-renders the tree).
 *
 * Two rules on top of the machine:
 * - A re-read of the note (an outside change to a clean note, Take theirs, Keep both) replaces the
 *   editor's text only if nothing was typed since it was asked for; typing that lands while the
 *   read is in flight turns it into a conflict instead.
 * - Leaving (the editor unmounts) never drops text that is not on disk: unsaved text gets a final
 *   save where that is safe (dirty, a failed save retried, a note deleted on disk recreated); text
 *   in conflict, or whose final save fails, is rescued (rescue-text.ts: a conflict copy, else kept
 *   in this window) and `onRescue` says where. Until then the unsaved registry holds the text the
 *   editor left, not the editor.
 * - While the connection to the vault is lost (`savePausedReason`), saves fail at once without
 *   being sent and the text stays; `resync()` after reconnecting compares with the disk first (it
 *   may have changed unseen: then it is a conflict) and then saves, with the expected hash.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { initialDocState, transition, type DocEffect, type DocInput, type DocState, type Resolution } from './conflict-machine';
import { rescueText, writeConflictCopy, type RescueReport } from './rescue-text';
import { markUnsaved } from './unsaved-registry';
import { onNoteRestored } from './restore-signal';
import { ownSavesOf } from '../api/own-saves';
import type { VaultPath } from '../../../main/core/types';

export const AUTOSAVE_DELAY_MS = 1000;

export interface TextPort {
  getText(): string;
  /** Replace the whole text (a reload), keeping cursor and scroll as far as possible. */
  setText(text: string): void;
}

export interface NoteDocumentEvents {
  onSaved?(): void;
  /** Text the closed editor could not put in the note was put elsewhere (a copy, or kept in the window). */
  onRescue?(report: RescueReport): void;
  /** Non-null while saving must wait (browser mode lost its server): why, for the status line. */
  savePausedReason?(): string | null;
}

export interface NoteDocument {
  /** null until the first load finishes. */
  state: DocState | null;
  loadError: string | null;
  /** Their version's text while in conflict (for the diff), once fetched. */
  theirs: string | null;
  initialText: string | null;
  edited(): void;
  saveNow(): void;
  resolve(choice: Resolution): void;
  /** The connection came back: catch up with the disk, then save unsaved text. */
  resync(): void;
  /**
   * Puts text typed over the disk version `baseHash` (a draft from before a reload) into the
   * clean editor as unsaved text; the disk now holds `diskHash`, so this is a conflict for the
   * user to resolve in the conflict bar, never a silent save.
   */
  adoptConflictingDraft(text: string, baseHash: string, diskHash: string): void;
}

export function useNoteDocument(api: PlexusApi, path: VaultPath, port: TextPort | null, events: NoteDocumentEvents = {}): NoteDocument {
  const [state, setState] = useState<DocState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<string | null>(null);
  const [initialText, setInitialText] = useState<string | null>(null);
  const stateRef = useRef<DocState | null>(null);
  /** The state last handed to React (stateRef may run ahead of it, as adoptConflictingDraft does). */
  const drawn = useRef<DocState | null>(null);
  const portRef = useRef(port);
  portRef.current = port;
  const eventsRef = useRef(events);
  eventsRef.current = events;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const owner = useRef({});
  /** Counts the user's edits, so a re-read can tell whether typing landed while it was in flight. */
  const edits = useRef(0);
  /** The text the editor held when it closed (null while it is open). */
  const left = useRef<string | null>(null);
  const rescued = useRef(false);

  const textNow = (): string | undefined => left.current ?? portRef.current?.getText();

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Saves AUTOSAVE_DELAY_MS after now (a pending autosave is moved there). */
  function armAutosave(): void {
    clearTimer();
    timer.current = setTimeout(() => dispatch({ type: 'save-requested' }), AUTOSAVE_DELAY_MS);
  }

  const register = (s: DocState) => markUnsaved(owner.current, s.unsaved && !rescued.current ? { path, text: () => textNow() ?? '' } : null);

  const dispatch = useCallback(
    (input: DocInput) => {
      const current = stateRef.current;
      if (!current) return;
      const step = transition(current, input);
      stateRef.current = step.state;
      // Still on every edit when nothing else changed: the registry's listeners (the Electron draft mirror) follow the text.
      register(step.state);
      // The same state as drawn (a keystroke into text already unsaved): nothing for React to draw again.
      if (alive.current && step.state !== drawn.current) {
        drawn.current = step.state;
        setState(step.state);
        if (step.state.status === 'conflict' && current.status !== 'conflict') void fetchTheirs();
      }
      void run(step.effect);
      // Typed during a save: that text's own autosave came due while the write was out (and was
      // refused then), so the end of the write schedules it.
      if (alive.current && current.status === 'saving' && step.state.status === 'dirty') armAutosave();
      if (!alive.current && step.effect.kind === 'none') settleAfterLeaving(step.state);
    },
    // The helpers it calls are remade each render but read only refs, api and path: dispatch keeps one identity per note.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [api, path],
  );

  /** The editor is gone and nothing is in flight: save what is merely unsaved, rescue the rest. */
  function settleAfterLeaving(s: DocState): void {
    if (!s.unsaved) return;
    // Edits made during a save that finished after the editor closed still reach the disk.
    if (s.status === 'dirty') return dispatch({ type: 'save-requested' });
    if (s.status === 'saving') return;
    void rescue(s);
  }

  async function rescue(s: DocState): Promise<void> {
    if (rescued.current) return;
    rescued.current = true;
    const reason = s.status === 'conflict' ? 'it changed on disk while you were editing it' : (s.error ?? 'it could not be saved');
    // rescueText keeps the text in the window when the copy cannot be written, so it never throws it away.
    const report = await rescueText(api, path, textNow() ?? '', reason);
    markUnsaved(owner.current, null);
    eventsRef.current.onRescue?.(report);
  }

  async function fetchTheirs(): Promise<void> {
    const res = await api.readNote(path);
    if (alive.current) setTheirs(res.ok ? res.value.content : null);
  }

  async function run(effect: DocEffect): Promise<void> {
    if (effect.kind === 'none') return;
    if (effect.kind === 'write') return write(effect.expectedHash);
    const editsBefore = edits.current;
    if (effect.kind === 'copy-then-reload') {
      const copy = await writeConflictCopy(api, path, textNow() ?? '', new Date());
      if (!copy.ok) return dispatch({ type: 'save-failed', message: `could not keep your version as a copy: ${copy.error.message}`, conflict: true });
    }
    await reload(editsBefore);
  }

  async function write(expectedHash: string | null): Promise<void> {
    const text = textNow();
    if (text === undefined) throw new Error('useNoteDocument: save requested before the editor exists');
    const paused = eventsRef.current.savePausedReason?.() ?? null;
    if (paused !== null) return dispatch({ type: 'save-failed', message: paused, conflict: false });
    let res: Awaited<ReturnType<PlexusApi['writeNote']>>;
    const ownSaves = ownSavesOf(api);
    const flight = ownSaves.begin(path);
    try {
      res = await api.writeNote(path, text, expectedHash);
    } catch (error) {
      // The call itself failed (the browser-mode server is gone): a failed save, not a stuck one.
      res = { ok: false, error: { code: 'io-error', message: `could not reach the vault: ${error instanceof Error ? error.message : String(error)}` } };
    }
    if (res.ok) {
      // The views take the saved text from here, and know the watcher's echo of it (own-saves.ts).
      ownSaves.record(flight, text, res.value.hash, res.value.mtimeMs);
      dispatch({ type: 'save-succeeded', hash: res.value.hash });
      eventsRef.current.onSaved?.();
    } else {
      ownSaves.end(flight);
      dispatch({ type: 'save-failed', message: res.error.message, conflict: res.error.code === 'conflict' });
    }
  }

  /** Replaces the editor text with the disk's, unless the user typed since `editsBefore`. */
  async function reload(editsBefore = edits.current): Promise<void> {
    const res = await api.readNote(path);
    if (!alive.current) return;
    if (!res.ok) {
      if (res.error.code === 'not-found') return dispatch({ type: 'external-delete' });
      return dispatch({ type: 'save-failed', message: `could not reload: ${res.error.message}`, conflict: false });
    }
    if (edits.current !== editsBefore) {
      // Typed while the read was in flight: the editor's text and the disk's now differ, and
      // neither may replace the other unseen. The machine makes this a conflict (or, if the
      // disk is back at the version the typing started from, simply unsaved edits).
      dispatch({ type: 'external-change', hash: res.value.hash });
      if (stateRef.current?.status === 'conflict') setTheirs(res.value.content);
      return;
    }
    portRef.current?.setText(res.value.content);
    setTheirs(null);
    dispatch({ type: 'loaded', hash: res.value.hash });
  }

  // First load.
  useEffect(() => {
    alive.current = true;
    let cancelled = false;
    void api.readNote(path).then((res) => {
      if (cancelled) return;
      if (!res.ok) return setLoadError(res.error.message);
      stateRef.current = initialDocState(res.value.hash);
      setInitialText(res.value.content);
      drawn.current = stateRef.current;
      setState(stateRef.current);
    });
    return () => {
      cancelled = true;
    };
  }, [api, path]);

  // Outside changes.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'external-change' || event.path !== path) return;
        dispatch(event.deleted ? { type: 'external-delete' } : { type: 'external-change', hash: event.hash });
      }),
    [api, path, dispatch],
  );

  // A version restored from File recovery is our own write, so no outside change reports it: same handling.
  useEffect(() => onNoteRestored((restored, hash) => restored === path && dispatch({ type: 'external-change', hash })), [path, dispatch]);

  // Leaving the note (or closing): what is not on disk is saved or rescued, never dropped.
  useEffect(
    () => () => {
      clearTimer();
      alive.current = false;
      const s = stateRef.current;
      if (!s || !s.unsaved) return;
      left.current = portRef.current?.getText() ?? '';
      register(s);
      if (s.status === 'saving') return; // the write in flight settles it (settleAfterLeaving)
      if (s.status === 'conflict') return void rescue(s);
      dispatch({ type: 'save-requested' }); // dirty, error (one more try), deleted (recreate)
    },
    // Runs on leaving the note (dispatch changes with the path) or unmounting, not on each render; the helpers read refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [dispatch],
  );

  const saveNow = useCallback(() => {
    clearTimer();
    dispatch({ type: 'save-requested' });
  }, [dispatch]);

  const edited = useCallback(() => {
    edits.current++;
    dispatch({ type: 'edit' });
    armAutosave();
  }, [dispatch]); // eslint-disable-line react-hooks/exhaustive-deps -- armAutosave reads refs only

  const resolve = useCallback((choice: Resolution) => dispatch({ type: 'resolve', choice }), [dispatch]);

  const resync = useCallback(() => {
    if (!stateRef.current || stateRef.current.status === 'saving') return;
    const editsBefore = edits.current;
    void api.readNote(path).then((res) => {
      const s = stateRef.current;
      // A write in flight settles the state itself; a closed editor was settled as it closed.
      if (!alive.current || !s || s.status === 'saving') return;
      if (!res.ok && res.error.code === 'not-found' && s.status !== 'deleted') return dispatch({ type: 'external-delete' });
      if (res.ok && res.value.hash !== s.baseHash) {
        // Already the editor's text (a save whose answer was lost): nothing to save or to resolve.
        if (edits.current === editsBefore && textNow() === res.value.content) return dispatch({ type: 'loaded', hash: res.value.hash });
        dispatch({ type: 'external-change', hash: res.value.hash });
      }
      // Unsaved edits and failed saves go out now; a conflict or a deletion waits for the user's choice.
      const after = stateRef.current;
      if (after && (after.status === 'dirty' || after.status === 'error')) saveNow();
    });
  }, [api, path, dispatch, saveNow]);

  const adoptConflictingDraft = useCallback(
    (text: string, baseHash: string, diskHash: string) => {
      const s = stateRef.current;
      if (!s || s.unsaved || !portRef.current) return;
      portRef.current.setText(text);
      edits.current++;
      stateRef.current = { ...s, status: 'dirty', unsaved: true, baseHash };
      dispatch({ type: 'external-change', hash: diskHash });
    },
    [dispatch],
  );

  return { state, loadError, theirs, initialText, edited, saveNow, resolve, resync, adoptConflictingDraft };
}
