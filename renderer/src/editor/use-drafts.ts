/**
 * The editor's drafts (draft-store.ts): while the note holds unsaved text it is written to the
 * store DRAFT_DELAY_MS after a keystroke, at the next idle moment within DRAFT_IDLE_MS (one write
 * per window, with the text of its end: copying a big note and handing it to IndexedDB takes
 * milliseconds, which must not sit between a keystroke and its paint); at once when the page is
 * hidden or left; and removed once the note is saved. When a note opens and a draft of it is found:
 * - the same text as on disk: dropped, nothing to offer;
 * - typed over the version still on disk: offered ("Restore unsaved changes from HH:MM?");
 * - typed over a version the disk no longer holds: put in the editor as unsaved text in
 *   conflict with the disk, so the conflict bar asks (Keep mine / Take theirs / Keep both).
 * Nothing is applied or saved without the user's choice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { indexedDbDraftStore, type DraftStore, type StoredDraft } from './draft-store';
import { afterDelayWhenIdle } from './idle-after';
import type { NoteDocument } from './use-note-document';
import type { VaultPath } from '../../../main/core/types';

/** A draft is written this long after the first keystroke not yet in the store... */
export const DRAFT_DELAY_MS = 300;
/** ...once the page is idle, but no later than this after that (plus the store's own write). */
export const DRAFT_IDLE_MS = 200;

let factory: (vaultKey: string) => DraftStore | null = (vaultKey) => indexedDbDraftStore(vaultKey);
const stores = new WeakMap<PlexusApi, Promise<DraftStore | null>>();

/** Tests: another store than IndexedDB (call before the editor mounts). */
export function setDraftStoreFactory(make: (vaultKey: string) => DraftStore | null): void {
  factory = make;
}

function storeFor(api: PlexusApi): Promise<DraftStore | null> {
  let store = stores.get(api);
  if (store === undefined) {
    // Keyed by the vault's root: one origin (Electron) may show several vaults over time.
    // No vault info (an api without it, a failed call): no drafts, the editor works as before.
    store = Promise.resolve()
      .then(() => api.getVaultInfo())
      .then(
        (info) => (info.readOnly ? null : factory(info.root)),
        () => null,
      );
    stores.set(api, store);
  }
  return store;
}

export interface DraftOffer {
  draft: StoredDraft;
  restore(): void;
  discard(): void;
}

export function useDrafts(api: PlexusApi, path: VaultPath, doc: NoteDocument, view: EditorView | null, onError: (message: string) => void) {
  const [store, setStore] = useState<DraftStore | null>(null);
  const [offer, setOffer] = useState<StoredDraft | null>(null);
  const [checked, setChecked] = useState(false);
  /** Cancels the scheduled write (null: none scheduled). */
  const pending = useRef<(() => void) | null>(null);
  const docRef = useRef(doc);
  docRef.current = doc;
  const viewRef = useRef(view);
  viewRef.current = view;
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const report = (error: unknown) =>
    errorRef.current(`Could not keep a safety copy of unsaved text: ${error instanceof Error ? error.message : String(error)}`);

  useEffect(() => {
    let live = true;
    void storeFor(api).then((s) => live && setStore(s));
    return () => {
      live = false;
    };
  }, [api]);

  const flush = useCallback(() => {
    pending.current = null;
    const s = docRef.current.state;
    const v = viewRef.current;
    if (!store || !v || !s?.unsaved) return;
    store.put({ path, text: v.state.doc.toString(), baseHash: s.baseHash, savedAt: Date.now() }).catch(report);
  }, [store, path]);

  /** Called on every edit: the draft follows within DRAFT_DELAY_MS + DRAFT_IDLE_MS. */
  const touched = useCallback(() => {
    pending.current ??= afterDelayWhenIdle(flush, DRAFT_DELAY_MS, DRAFT_IDLE_MS);
  }, [flush]);

  // Leaving the note, or the page hidden (a closed tab, a sleeping laptop): what was typed in the
  // last window is written now, since the page may never run again.
  useEffect(() => {
    const now = () => {
      if (pending.current === null) return;
      pending.current();
      flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', now);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', now);
      now();
    };
  }, [flush]);

  // Once per open note: is there a draft from before?
  const ready = doc.state !== null && view !== null && store !== null;
  useEffect(() => {
    if (!ready || checked || !store) return;
    setChecked(true);
    const base = docRef.current.state?.baseHash ?? null;
    const disk = docRef.current.initialText;
    store.get(path).then(
      (draft) => {
        if (draft === null) return;
        if (draft.text === disk) return void store.remove(path).catch(report);
        if (base !== null && draft.baseHash === base) return setOffer(draft);
        if (base !== null && draft.baseHash !== null) docRef.current.adoptConflictingDraft(draft.text, draft.baseHash, base);
        else setOffer(draft);
      },
      (error: unknown) => errorRef.current(`Could not look for unsaved text from before: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [ready, checked, store, path]);

  // Saved (clean): the draft has done its job. Not before the check, and not while one is offered.
  const clean = doc.state?.status === 'clean' && !doc.state.unsaved;
  useEffect(() => {
    if (!clean || !checked || offer !== null || !store) return;
    pending.current?.();
    pending.current = null;
    store.remove(path).catch(report);
  }, [clean, checked, offer, store, path, doc.state]);

  const current: DraftOffer | null =
    offer === null
      ? null
      : {
          draft: offer,
          restore: () => {
            const v = viewRef.current;
            if (!v) return;
            setOffer(null);
            // An edit, not a reload: the text becomes unsaved here and autosaves as usual.
            v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: offer.text }, userEvent: 'input.paste' });
          },
          discard: () => {
            setOffer(null);
            // Text typed meanwhile has a draft of its own now: that one stays until it is saved.
            if (!docRef.current.state?.unsaved) store?.remove(path).catch(report);
          },
        };
  return { touched, offer: current };
}
