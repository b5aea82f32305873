/**
 * Plain-word searches answered from the full-text index, without reading the matching notes.
 * A word that is one run of ASCII letters and digits is in a note's body exactly when one of the
 * body's indexed terms contains it, and the index's term frequencies give how often; so a query
 * of such words (with and, or, not) gets the same matches and the same scores as reading every
 * candidate (search-run.ts), and only the hits shown are read, for their snippets. A broad word
 * at 50,000 notes otherwise read every note from disk and ran past the search's time limit.
 *
 * Notes the index cannot answer for (not indexed yet, or a huge note indexed as its distinct
 * terms) are checked by reading them, as before.
 */
import type { QueryNode } from '../../core/query/search-query';
import { matchesWords, type Highlight } from '../../core/query/search-evaluate';
import type { ParsedNote, VaultPath } from '../../core/types';
import type { SearchIndex } from './search-index';

export interface Scored {
  note: ParsedNote;
  score: number;
}

/**
 * The matches and scores of `query` over `candidates`, or null when it is not a query of plain
 * words the index can count. `readScored` checks one note by reading it (the reading path).
 */
export function indexedMatches(
  query: QueryNode,
  highlights: readonly Highlight[],
  candidates: Iterable<VaultPath>,
  index: SearchIndex,
  note: (path: VaultPath) => ParsedNote | undefined,
  readScored: (path: VaultPath, note: ParsedNote) => Scored | null,
  maxCounted: number,
): Scored[] | null {
  const counts = new Map<string, Uint32Array>();
  const countsOf = (word: string): Uint32Array | null => {
    const key = word.toLowerCase();
    let found = counts.get(key);
    if (found === undefined) {
      const made = index.bodyCounts(key);
      if (made === null) return null;
      counts.set(key, (found = made));
    }
    return found;
  };
  const words: string[] = [];
  const collect = (node: QueryNode): boolean => {
    if (node.kind === 'and' || node.kind === 'or') return node.children.every(collect);
    if (node.kind === 'not') return collect(node.child);
    if (node.kind !== 'text' || node.phrase) return false;
    words.push(node.value);
    return true;
  };
  if (!collect(query) || words.some((w) => countsOf(w) === null)) return null;
  // Ranking counts the positive words only (the highlights), all of them plain words here.
  const counted = highlights.map((h) => (h.kind === 'text' ? countsOf(h.value) : null));
  if (counted.some((c) => c === null)) return null;

  const positive = counted as Uint32Array[];
  // Each word's lower case and counts, and the title's words, once per query rather than per note.
  const byWord = new Map<string, { lower: string; counts: Uint32Array }>();
  for (const w of words) byWord.set(w, { lower: w.toLowerCase(), counts: countsOf(w)! });
  const titleWords = highlights.flatMap((h) => (h.kind === 'text' ? [h.value.toLowerCase()] : []));
  const out: Scored[] = [];
  for (const path of candidates) {
    const parsed = note(path);
    if (parsed === undefined) continue;
    const number = index.numberOf(path);
    if (number < 0 || !index.countable(path)) {
      const read = readScored(path, parsed);
      if (read) out.push(read);
      continue;
    }
    const pathLower = path.toLowerCase();
    let aliasesLower: string[] | null = null;
    // As the evaluator does: the path, then the aliases, then (only then read) the body.
    let bodyRead = false;
    const matched = matchesWords(query, (value) => {
      const { lower, counts: found } = byWord.get(value)!;
      if (pathLower.includes(lower)) return true;
      aliasesLower ??= parsed.aliases.map((a) => a.toLowerCase());
      if (aliasesLower.some((a) => a.includes(lower))) return true;
      bodyRead = true;
      return found[number] > 0;
    });
    if (!matched) continue;
    out.push({ note: parsed, score: score(parsed, bodyRead, titleWords, positive, number, maxCounted) });
  }
  return out;
}

/** search-run.ts's rank, from the counts: title words, then occurrences if the body was read. */
function score(note: ParsedNote, bodyRead: boolean, titleWords: readonly string[], counted: Uint32Array[], number: number, maxCounted: number): number {
  let score = 0;
  const title = titleWords.length > 0 ? note.title.toLowerCase() : '';
  for (const w of titleWords) if (title.includes(w)) score += 100;
  if (bodyRead && counted.length > 0) {
    let occurrences = 0;
    for (const c of counted) occurrences += c[number];
    score += Math.min(maxCounted, occurrences);
  }
  return score;
}
