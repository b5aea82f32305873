/**
 * Everything shown about the open note, loaded together. `version` bumps re-read it in place:
 * the previous data stays on screen until the new data arrives, so live updates do not flicker.
 * A note this window saved is not read back (api/own-saves.ts): the save's text is put in at
 * once, and a re-read while the disk still holds it fetches only what the index derives.
 */
import { useEffect, useState } from 'react';
import type { BacklinkGroup, NoteContent, NoteMeta, PlexusApi, Result, UnlinkedMention } from '../../../main/contract/api-contract';
import type { ResolvedLink } from '../../../main/core/types';
import { ownSavesOf } from '../api/own-saves';

export interface NoteData {
  path: string;
  note: Result<NoteContent>;
  meta: Result<NoteMeta>;
  backlinks: Result<BacklinkGroup[]>;
  outgoing: Result<ResolvedLink[]>;
  unlinked: Result<UnlinkedMention[]>;
}

export type NoteDataState =
  { status: 'idle' } | { status: 'loading'; previous: NoteData | null } | { status: 'done'; data: NoteData } | { status: 'error'; message: string };

const NONE: Result<never[]> = { ok: true, value: [] };

export async function loadNoteData(api: PlexusApi, path: string): Promise<NoteData> {
  // An attachment (the viewer shows it) has backlinks, but no text to link from or mention it.
  const note = /\.md$/i.test(path);
  const known = ownSavesOf(api).known(path);
  const [content, meta, backlinks, outgoing, unlinked] = await Promise.all([
    known ? { ok: true as const, value: known } : api.readNote(path),
    api.getNoteMeta(path),
    api.getBacklinks(path),
    note ? api.getOutgoingLinks(path) : NONE,
    note ? api.getUnlinkedMentions(path) : NONE,
  ]);
  return { path, note: content, meta, backlinks, outgoing, unlinked };
}

export function useNoteData(api: PlexusApi, path: string | null, version: number): NoteDataState {
  const [state, setState] = useState<NoteDataState>({ status: 'idle' });
  useEffect(() => {
    if (!path) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'loading', previous: s.status === 'done' ? s.data : s.status === 'loading' ? s.previous : null }));
    loadNoteData(api, path).then(
      (data) => live && setState({ status: 'done', data }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, path, version]);
  // The note just saved here: its text is known, so the views show it without a read.
  useEffect(
    () =>
      ownSavesOf(api).subscribe((saved) => {
        if (saved.path !== path) return;
        setState((s) => (s.status === 'done' && s.data.path === path ? { status: 'done', data: { ...s.data, note: { ok: true, value: saved } } } : s));
      }),
    [api, path],
  );
  return state;
}

/** The data to show: the current result, or while reloading the same note, the previous one. */
export function visibleData(state: NoteDataState, path: string | null): NoteData | null {
  if (state.status === 'done') return state.data;
  if (state.status === 'loading' && state.previous && state.previous.path === path) return state.previous;
  return null;
}
