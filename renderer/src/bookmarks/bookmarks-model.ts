/**
 * Bookmarks as Obsidian's: notes, headings, searches and graph views, in an order the user
 * chooses, optionally in groups (one level). Pure state transitions; storage is elsewhere.
 */
import type { VaultPath } from '../../../main/core/types';
import { isVaultPath } from '../../../main/core/vault-path';

export type BookmarkTarget =
  { kind: 'note'; path: VaultPath; heading: string | null } | { kind: 'search'; query: string } | { kind: 'graph'; local: VaultPath | null };

export interface BookmarkItem {
  kind: 'item';
  id: string;
  title: string;
  target: BookmarkTarget;
}

export interface BookmarkGroup {
  kind: 'group';
  id: string;
  title: string;
  items: BookmarkItem[];
}

export type BookmarkEntry = BookmarkItem | BookmarkGroup;

export interface Bookmarks {
  entries: BookmarkEntry[];
  /** Next id number: ids stay unique across removals. */
  seq: number;
}

export const EMPTY_BOOKMARKS: Bookmarks = { entries: [], seq: 1 };

export function sameTarget(a: BookmarkTarget, b: BookmarkTarget): boolean {
  if (a.kind === 'note' && b.kind === 'note') return a.path === b.path && a.heading === b.heading;
  if (a.kind === 'search' && b.kind === 'search') return a.query === b.query;
  return a.kind === 'graph' && b.kind === 'graph' && a.local === b.local;
}

export function allItems(b: Bookmarks): BookmarkItem[] {
  return b.entries.flatMap((e) => (e.kind === 'group' ? e.items : [e]));
}

export function findBookmark(b: Bookmarks, target: BookmarkTarget): BookmarkItem | null {
  return allItems(b).find((i) => sameTarget(i.target, target)) ?? null;
}

export function addBookmark(b: Bookmarks, target: BookmarkTarget, title: string): Bookmarks {
  if (findBookmark(b, target)) return b;
  const item: BookmarkItem = { kind: 'item', id: `b${b.seq}`, title, target };
  return { entries: [...b.entries, item], seq: b.seq + 1 };
}

export function addGroup(b: Bookmarks, title: string): Bookmarks {
  return { entries: [...b.entries, { kind: 'group', id: `g${b.seq}`, title, items: [] }], seq: b.seq + 1 };
}

/** Removes an item or a whole group (its bookmarks go with it, as in Obsidian). */
export function removeEntry(b: Bookmarks, id: string): Bookmarks {
  const entries = b.entries.filter((e) => e.id !== id).map((e) => (e.kind === 'group' ? { ...e, items: e.items.filter((i) => i.id !== id) } : e));
  return { ...b, entries };
}

export function renameEntry(b: Bookmarks, id: string, title: string): Bookmarks {
  const named = title.trim();
  if (named === '') return b;
  const entries = b.entries.map((e) =>
    e.id === id ? { ...e, title: named } : e.kind === 'group' ? { ...e, items: e.items.map((i) => (i.id === id ? { ...i, title: named } : i)) } : e,
  );
  return { ...b, entries };
}

/** Where an entry sits: its list (null = top level, else a group id) and index in it. */
export function positionOf(b: Bookmarks, id: string): { group: string | null; index: number } | null {
  const top = b.entries.findIndex((e) => e.id === id);
  if (top >= 0) return { group: null, index: top };
  for (const e of b.entries) {
    if (e.kind !== 'group') continue;
    const index = e.items.findIndex((i) => i.id === id);
    if (index >= 0) return { group: e.id, index };
  }
  return null;
}

/**
 * Moves entry `id` to `index` of the top level (`group` null) or of a group. Groups only move at
 * the top level; an index past the end appends. Unknown ids leave the bookmarks as they were.
 */
export function moveEntry(b: Bookmarks, id: string, group: string | null, index: number): Bookmarks {
  const from = positionOf(b, id);
  if (!from) return b;
  const moving = from.group === null ? b.entries[from.index] : (b.entries.find((e) => e.id === from.group) as BookmarkGroup).items[from.index];
  if (moving.kind === 'group' && group !== null) return b;
  if (group !== null && !b.entries.some((e) => e.id === group && e.kind === 'group')) return b;
  const without = removeEntry(b, id).entries;
  const at = (list: readonly BookmarkEntry[]) => Math.max(0, Math.min(list.length, index));
  if (group === null) {
    const entries = [...without];
    entries.splice(at(entries), 0, moving);
    return { ...b, entries };
  }
  const entries = without.map((e) => {
    if (e.id !== group || e.kind !== 'group') return e;
    const items = [...e.items];
    items.splice(at(items), 0, moving as BookmarkItem);
    return { ...e, items };
  });
  return { ...b, entries };
}

/** After a rename or move of a note, its bookmarks follow it; a deleted note's bookmarks stay (Obsidian shows them greyed). */
export function renamePath(b: Bookmarks, from: VaultPath, to: VaultPath): Bookmarks {
  const fix = (i: BookmarkItem): BookmarkItem => (i.target.kind === 'note' && i.target.path === from ? { ...i, target: { ...i.target, path: to } } : i);
  return { ...b, entries: b.entries.map((e) => (e.kind === 'group' ? { ...e, items: e.items.map(fix) } : fix(e))) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const nullableString = (x: unknown) => x === null || typeof x === 'string';

function isTarget(t: unknown): t is BookmarkTarget {
  if (!isObject(t)) return false;
  if (t.kind === 'note') return isVaultPath(t.path) && nullableString(t.heading);
  if (t.kind === 'search') return typeof t.query === 'string';
  return t.kind === 'graph' && (t.local === null || isVaultPath(t.local));
}

const isItem = (e: unknown): e is BookmarkItem =>
  isObject(e) && e.kind === 'item' && typeof e.id === 'string' && typeof e.title === 'string' && isTarget(e.target);

/** Stored bookmarks, or empty ones when the text is missing or not bookmarks (never trusted blindly). */
export function parseBookmarks(text: string | null): Bookmarks {
  if (!text) return EMPTY_BOOKMARKS;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_BOOKMARKS;
  }
  if (!isObject(value) || typeof value.seq !== 'number' || !Array.isArray(value.entries)) return EMPTY_BOOKMARKS;
  const ok = value.entries.every(
    (e) =>
      isItem(e) ||
      (isObject(e) && e.kind === 'group' && typeof e.id === 'string' && typeof e.title === 'string' && Array.isArray(e.items) && e.items.every(isItem)),
  );
  return ok ? (value as unknown as Bookmarks) : EMPTY_BOOKMARKS;
}
