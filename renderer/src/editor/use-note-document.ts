/**
 * Loading, saving and watching one note: drives the conflict state machine with api calls and
 * vault events. The editor supplies its text through `getText`/`setText` so the document lives
 * in CodeMirror, not in React state (typing never re-renders the tree).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { conflictCopyPath } from './conflict-copy-path';
import { initialDocState, transition, type DocEffect, type DocInput, type DocState, type Resolution } from './conflict-machine';
import { markUnsaved } from './unsaved-registry';

export const AUTOSAVE_DELAY_MS = 1000;

export interface TextPort {
  getText(): string;
  /** Replace the whole text (a reload), keeping cursor and scroll as far as possible. */
  setText(text: string): void;
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
}

export function useNoteDocument(api: PlexusApi, path: string, port: TextPort | null, onSaved?: () => void): NoteDocument {
  const [state, setState] = useState<DocState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<string | null>(null);
  const [initialText, setInitialText] = useState<string | null>(null);
  const stateRef = useRef<DocState | null>(null);
  const portRef = useRef(port);
  portRef.current = port;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const owner = useRef({});

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const dispatch = useCallback(
    (input: DocInput) => {
      const current = stateRef.current;
      if (!current) return;
      const step = transition(current, input);
      stateRef.current = step.state;
      markUnsaved(owner.current, step.state.unsaved);
      if (alive.current) setState(step.state);
      if (step.state.status === 'conflict' && current.status !== 'conflict') void fetchTheirs();
      void run(step.effect);
      // Edits made during a save that finished after the editor closed still reach the disk.
      if (!alive.current && step.effect.kind === 'none' && step.state.status === 'dirty') dispatch({ type: 'save-requested' });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, path],
  );

  async function fetchTheirs(): Promise<void> {
    const res = await api.readNote(path);
    if (alive.current) setTheirs(res.ok ? res.value.content : null);
  }

  async function run(effect: DocEffect): Promise<void> {
    if (effect.kind === 'none') return;
    if (effect.kind === 'write') return write(effect.expectedHash);
    if (effect.kind === 'copy-then-reload') {
      const mine = portRef.current?.getText() ?? '';
      const copy = await api.createNote(conflictCopyPath(path, new Date()), mine);
      if (!copy.ok) return dispatch({ type: 'save-failed', message: `could not keep your version as a copy: ${copy.error.message}`, conflict: true });
    }
    await reload();
  }

  async function write(expectedHash: string | null): Promise<void> {
    const text = portRef.current?.getText();
    if (text === undefined) throw new Error('useNoteDocument: save requested before the editor exists');
    const res = await api.writeNote(path, text, expectedHash);
    if (res.ok) {
      dispatch({ type: 'save-succeeded', hash: res.value.hash });
      onSavedRef.current?.();
    } else {
      dispatch({ type: 'save-failed', message: res.error.message, conflict: res.error.code === 'conflict' });
    }
  }

  async function reload(): Promise<void> {
    const res = await api.readNote(path);
    if (!alive.current) return;
    if (!res.ok) {
      if (res.error.code === 'not-found') return dispatch({ type: 'external-delete' });
      return dispatch({ type: 'save-failed', message: `could not reload: ${res.error.message}`, conflict: false });
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

  // Leaving the note (or closing): save what is unsaved rather than dropping it.
  useEffect(
    () => () => {
      clearTimer();
      const s = stateRef.current;
      if (s && s.unsaved && (s.status === 'dirty' || s.status === 'error' || s.status === 'deleted')) dispatch({ type: 'save-requested' });
      alive.current = false;
      markUnsaved(owner.current, false);
    },
    [dispatch],
  );

  const saveNow = useCallback(() => {
    clearTimer();
    dispatch({ type: 'save-requested' });
  }, [dispatch]);

  const edited = useCallback(() => {
    dispatch({ type: 'edit' });
    clearTimer();
    timer.current = setTimeout(() => dispatch({ type: 'save-requested' }), AUTOSAVE_DELAY_MS);
  }, [dispatch]);

  const resolve = useCallback((choice: Resolution) => dispatch({ type: 'resolve', choice }), [dispatch]);

  return { state, loadError, theirs, initialText, edited, saveNow, resolve };
}
