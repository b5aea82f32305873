/**
 * The unlinked-mentions pane's "Link": the mentioned words become a wiki link to the note,
 * keeping the words the reader sees ("machine learning" becomes `[[Machine Learning|machine
 * learning]]` unless it is spelled exactly as the link). Pure: the caller reads and writes.
 */
import { err, ok, type Result } from '../result';
import type { VaultPath } from '../types';

export interface MentionPlace {
  line: number;
  column: number;
  written: string;
}

/** The link text Obsidian would write for `target`: its name, or its path when another note shares the name. */
export function linkTextFor(target: VaultPath, notePaths: Iterable<string>): string {
  const stem = (p: string) => p.replace(/\.md$/i, '');
  const name = (p: string) =>
    stem(p)
      .slice(stem(p).lastIndexOf('/') + 1)
      .toLowerCase();
  const own = name(target);
  let sharing = 0;
  for (const p of notePaths) if (name(p) === own) sharing++;
  return sharing > 1 ? stem(target) : stem(target).slice(stem(target).lastIndexOf('/') + 1);
}

/** The note's new text, or why the mention can no longer be linked where it was found. */
export function linkMention(text: string, place: MentionPlace, linkText: string): Result<string, string> {
  let lineStart = 0;
  for (let line = 1; line < place.line; line++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return err('The note no longer has that line.');
    lineStart = next + 1;
  }
  const from = lineStart + place.column;
  if (text.slice(from, from + place.written.length) !== place.written || text.slice(lineStart, from).includes('\n')) {
    return err(`"${place.written}" is no longer at that place in the note.`);
  }
  const display = place.written === linkText ? '' : `|${place.written}`;
  return ok(`${text.slice(0, from)}[[${linkText}${display}]]${text.slice(from + place.written.length)}`);
}
