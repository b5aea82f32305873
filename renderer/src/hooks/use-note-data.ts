/**
 * Everything shown about the open note, loaded together. `version` bumps re-read it in place:
 * the previous data stays on screen until the new data arrives, so live updates do not flicker.
 * A note this window saved is not read back (api/own-saves.ts): the save's text is put in at
 * once, and the echo of the save re-reads only the parts the index says changed (loadNoteParts).
 */
import { useEffect, useRef, useState } from 'react';
import type { BacklinkGroup, NoteContent, NoteMeta, PlexusApi, Result, UnlinkedMention } from '../../../main/contract/api-contract';
import type { ResolvedLink, VaultPath } from '../../../main/core/types';
import { ownSavesOf } from '../api/own-saves';
import { noteRefreshesOf } from '../api/note-refreshes';
import type { NotePart } from './live-updates';

export interface NoteData {
  path: VaultPath;
  note: Result<NoteContent>;
  meta: Result<NoteMeta>;
  backlinks: Result<BacklinkGroup[]>;
  outgoing: Result<ResolvedLink[]>;
  unlinked: Result<UnlinkedMention[]>;
}

export type NoteDataState =
  { status: 'idle' } | { status: 'loading'; previous: NoteData | null } | { status: 'done'; data: NoteData } | { status: 'error'; message: string };

const NONE: Result<never[]> = { ok: true, value: [] };

export async function loadNoteData(api: PlexusApi, path: VaultPath): Promise<NoteData> {
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

/**
 * `parts` of the note read again (an own save's echo: its text is known, the index said what else
 * changed), to put over `data`. The note's links to itself are among its backlinks: when its links
 * changed and it links to itself, before or after, its backlinks are read too.
 */
export async function loadNoteParts(api: PlexusApi, data: NoteData, parts: ReadonlySet<NotePart>): Promise<Partial<NoteData>> {
  const { path } = data;
  const note = /\.md$/i.test(path);
  const fresh: Partial<NoteData> = {};
  await Promise.all([
    parts.has('meta') && api.getNoteMeta(path).then((meta) => void (fresh.meta = meta)),
    parts.has('outgoing') && note && api.getOutgoingLinks(path).then((outgoing) => void (fresh.outgoing = outgoing)),
    parts.has('unlinked') && note && api.getUnlinkedMentions(path).then((unlinked) => void (fresh.unlinked = unlinked)),
  ]);
  const linksItself = (links: Result<ResolvedLink[]>) => links.ok && links.value.some((link) => link.resolved === path);
  const selfLinksChanged = fresh.outgoing !== undefined && (linksItself(data.outgoing) || linksItself(fresh.outgoing));
  if (parts.has('backlinks') || selfLinksChanged) fresh.backlinks = await api.getBacklinks(path);
  return fresh;
}

export function useNoteData(api: PlexusApi, path: VaultPath | null, version: number): NoteDataState {
  const [state, setState] = useState<NoteDataState>({ status: 'idle' });
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Counts full loads: a re-read of parts asked for before the latest one began would put older data in. */
  const loads = useRef(0);
  /** Bumped when parts were asked for while a full load was on its way: that load may predate the change. */
  const [again, setAgain] = useState(0);
  useEffect(() => {
    loads.current++;
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
  }, [api, path, version, again]);
  // Parts of the note changed (live-updates.ts): only they are read again, the rest stays.
  useEffect(
    () =>
      noteRefreshesOf(api).subscribe((changed, parts) => {
        if (changed !== path) return;
        const current = stateRef.current;
        if (current.status === 'loading' || current.status === 'error') return setAgain((n) => n + 1);
        if (current.status !== 'done' || current.data.path !== path) return;
        const at = loads.current;
        loadNoteParts(api, current.data, parts).then(
          (fresh) =>
            loads.current === at && setState((s) => (s.status === 'done' && s.data.path === path ? { status: 'done', data: { ...s.data, ...fresh } } : s)),
          (e: unknown) => loads.current === at && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
        );
      }),
    [api, path],
  );
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
export function visibleData(state: NoteDataState, path: VaultPath | null): NoteData | null {
  if (state.status === 'done') return state.data;
  if (state.status === 'loading' && state.previous && state.previous.path === path) return state.previous;
  return null;
}
