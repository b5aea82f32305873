/**
 * Tag queries over the notes of a graph. Tags group case-insensitively, like Obsidian's tag
 * pane: '#ML' and '#ml' are one tag, shown in the spelling of the first note (by path).
 */
import type { ParsedNote, VaultPath } from '../types';

export type TagCount = { tag: string; count: number };

/** Notes are visited in path order so the shown spelling does not depend on indexing order. */
export function countTags(notesInPathOrder: Iterable<ParsedNote>): TagCount[] {
  const groups = new Map<string, { tag: string; count: number }>();
  for (const note of notesInPathOrder) {
    const seen = new Set<string>();
    for (const tag of note.tags) {
      const key = tag.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { tag, count: 1 });
    }
  }
  const byCountThenName = (a: { tag: string; count: number }, b: { tag: string; count: number }): number => {
    if (a.count !== b.count) return b.count - a.count;
    const x = a.tag.toLowerCase();
    const y = b.tag.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return [...groups.values()].sort(byCountThenName);
}

/** True when the note carries `tag` or a tag nested below it ('#a' matches '#a/b'), ignoring case and a leading '#'. */
export function hasTag(note: ParsedNote, tag: string): boolean {
  const wanted = tag.replace(/^#/, '').toLowerCase();
  return note.tags.some((t) => {
    const lower = t.toLowerCase();
    return lower === wanted || lower.startsWith(`${wanted}/`);
  });
}

export function notesWithTag(notesInPathOrder: Iterable<ParsedNote>, tag: string): VaultPath[] {
  const out: VaultPath[] = [];
  for (const note of notesInPathOrder) if (hasTag(note, tag)) out.push(note.path);
  return out;
}
