/** Resolving a note's links for the graph, and a small helper the graph shares. */
import { dirname } from '../paths';
import type { FileIndex } from '../resolve/file-index';
import { resolveLinkTarget, type Resolution } from '../resolve/resolve-link';
import type { ParsedNote } from '../types';

/**
 * The resolution of every link of `note` against `index`, at the links' positions. With a memo (only while nothing changes the
 * index, as when loading a vault) equal (kind, folder, target) questions are answered once:
 * hubs are linked thousands of times, and memoising them halves resolution.
 */
export function resolveNoteLinks(index: FileIndex, note: ParsedNote, memo: Map<string, Resolution> | null): Resolution[] {
  if (memo === null) return note.links.map((link) => resolveLinkTarget(index, note.path, link.kind, link.target));
  const folder = dirname(note.path);
  return note.links.map((link) => {
    // An empty target means the note itself, so its answer depends on the path, not the folder.
    if (link.target.trim() === '') return resolveLinkTarget(index, note.path, link.kind, link.target);
    const key = `${link.kind === 'wiki' ? 'w' : 'm'}${folder}\u0000${link.target}`;
    let resolution = memo.get(key);
    if (resolution === undefined) memo.set(key, (resolution = resolveLinkTarget(index, note.path, link.kind, link.target)));
    return resolution;
  });
}

/** The smallest string of a non-empty set (the alphabetically first linking note). */
export function firstOf<T extends string>(items: Iterable<T>): T {
  let first: T | null = null;
  for (const item of items) if (first === null || item < first) first = item;
  if (first === null) throw new Error('firstOf: empty set');
  return first;
}
