/**
 * What the quick switcher lists for a query, as Obsidian's: recent notes first when the query is
 * empty; notes (by title or alias) and attachments (by file name) fuzzy-ranked; `note#heading`
 * lists that note's headings; "Create" when nothing matches (Shift+Enter creates regardless).
 */
import type { SwitcherItem } from '../../../main/contract/api-contract';
import type { HeadingInfo, VaultPath } from '../../../main/core/types';
import { rank, Ranker } from '../lib/fuzzy';

export type SwitcherRow =
  | { kind: 'file'; path: VaultPath; title: string; text: string; positions: number[]; attachment: boolean }
  | { kind: 'heading'; path: VaultPath; title: string; heading: string; level: number; positions: number[] }
  | { kind: 'create'; name: string };

const LIMIT = 50;

export interface SwitcherQuery {
  /** Text before `#` (the whole query without one). */
  note: string;
  /** Text after the first `#`, or null when the query has none. */
  heading: string | null;
}

export function parseSwitcherQuery(query: string): SwitcherQuery {
  const hash = query.indexOf('#');
  return hash < 0 ? { note: query, heading: null } : { note: query.slice(0, hash), heading: query.slice(hash + 1) };
}

const fileTitle = (path: VaultPath) => path.slice(path.lastIndexOf('/') + 1);

export interface SwitcherCandidate {
  path: VaultPath;
  title: string;
  texts: string[];
  attachment: boolean;
}

/**
 * What a query is matched against: each note by title and aliases, each attachment by file name,
 * in a Ranker that keeps their lower-cased texts and narrows from the previous key's matches.
 * Built once per list, not per keystroke.
 */
export function switcherCandidates(notes: SwitcherItem[], attachments: VaultPath[]): Ranker<SwitcherCandidate> {
  const list: SwitcherCandidate[] = [
    ...notes.map((n) => ({ path: n.path, title: n.title, texts: [n.title, ...n.aliases], attachment: false })),
    ...attachments.map((p) => ({ path: p, title: fileTitle(p), texts: [fileTitle(p)], attachment: true })),
  ];
  return new Ranker(list, (c) => c.texts);
}

let shared: { notes: SwitcherItem[]; attachments: string[]; ranker: Ranker<SwitcherCandidate> } | null = null;

/**
 * switcherCandidates, kept for the next switcher while the same notes and attachments are listed:
 * lower-casing a big vault's titles and aliases on every Ctrl/Cmd+O held the open for longer than
 * a key may take. The arrays are compared by content, as each open filters them afresh.
 */
export function sharedSwitcherCandidates(notes: SwitcherItem[], attachments: VaultPath[]): Ranker<SwitcherCandidate> {
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!shared || !same(shared.notes, notes) || !same(shared.attachments, attachments)) {
    shared = { notes, attachments, ranker: switcherCandidates(notes, attachments) };
  }
  return shared.ranker;
}

/**
 * Notes and attachments for the note part of a query; `recent` (most recent first) leads an empty
 * query. `candidates`: switcherCandidates(notes, attachments), which the switcher keeps between keys.
 */
export function fileRows(
  notes: SwitcherItem[],
  attachments: VaultPath[],
  recent: readonly string[],
  query: string,
  candidates: Ranker<SwitcherCandidate> = switcherCandidates(notes, attachments),
): SwitcherRow[] {
  if (query.trim() === '') {
    const byPath = new Map(notes.map((n) => [n.path as string, n]));
    const first = recent.filter((p) => byPath.has(p));
    const firstSet = new Set(first);
    const ordered = [...first.map((p) => byPath.get(p)!), ...notes.filter((n) => !firstSet.has(n.path))];
    return ordered.slice(0, LIMIT).map((n) => ({ kind: 'file', path: n.path, title: n.title, text: n.title, positions: [], attachment: false }));
  }
  return candidates.rank(query, LIMIT).map((r) => ({
    kind: 'file',
    path: r.item.path,
    title: r.item.title,
    text: r.text,
    positions: r.match.positions,
    attachment: r.item.attachment,
  }));
}

export function headingRows(path: VaultPath, title: string, headings: HeadingInfo[], query: string): SwitcherRow[] {
  return rank(headings, query, (h) => [h.text], LIMIT).map((r) => ({
    kind: 'heading',
    path,
    title,
    heading: r.item.text,
    level: r.item.level,
    positions: r.match.positions,
  }));
}

/** Appends "Create" when the query names no existing note (Obsidian offers it only then; Shift+Enter forces it). */
export function withCreate(rows: SwitcherRow[], query: string, canCreate: boolean): SwitcherRow[] {
  const name = query.trim();
  if (!canCreate || name === '' || query.includes('#')) return rows;
  const exact = rows.some((r) => r.kind === 'file' && !r.attachment && r.title.toLowerCase() === name.toLowerCase());
  return rows.length === 0 || !exact ? [...rows, { kind: 'create', name }] : rows;
}
