/**
 * Fuzzy matching for the quick switcher: the query's characters must appear in order
 * (case-insensitive). Matches at word starts and consecutive runs score higher; shorter
 * candidates win ties, so "mp" ranks "Metaprompting" well and exact prefixes rank first.
 */

export interface FuzzyMatch {
  score: number;
  /** Indexes of matched characters in the candidate, for highlighting. */
  positions: number[];
}

const WORD_BREAK = /[\s\-_/.()[\]]/;

export function fuzzyMatch(query: string, candidate: string): FuzzyMatch | null {
  return matchPrepared(query.trim().toLowerCase(), candidate);
}

/** fuzzyMatch with the query already trimmed and lower-cased (rank prepares it once, not per candidate). */
function matchPrepared(q: string, candidate: string): FuzzyMatch | null {
  if (q === '') return { score: 0, positions: [] };
  const c = candidate.toLowerCase();
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  let prev = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const at = c.indexOf(ch, from);
    if (at < 0) return null;
    const wordStart = at === 0 || WORD_BREAK.test(c[at - 1]) || (candidate[at] !== c[at] && candidate[at - 1] === c[at - 1]);
    score += 1 + (at === prev + 1 ? 3 : 0) + (wordStart ? 2 : 0) + (at === 0 ? 3 : 0);
    positions.push(at);
    prev = at;
    from = at + 1;
  }
  if (c.startsWith(q)) score += 10;
  score -= candidate.length * 0.01;
  return { score, positions };
}

export interface Ranked<T> {
  item: T;
  match: FuzzyMatch;
  /** Which text matched (title or an alias). */
  text: string;
}

// The same order as String.prototype.localeCompare with no arguments, without its per-call set-up.
const collator = new Intl.Collator();

/**
 * Ranks items by their best-matching text (title first, then aliases). Only the matches that can
 * make the first `limit` are put in full order: a short query matches most of a big vault, and
 * ordering all of it by text cost more than a keystroke may.
 */
export function rank<T>(items: T[], query: string, texts: (item: T) => string[], limit = 50): Ranked<T>[] {
  const q = query.trim().toLowerCase();
  const out: Ranked<T>[] = [];
  for (const item of items) {
    let best: Ranked<T> | null = null;
    for (const text of texts(item)) {
      const match = matchPrepared(q, text);
      if (match && (!best || match.score > best.match.score)) best = { item, match, text };
    }
    if (best) out.push(best);
  }
  const byScore = (a: Ranked<T>, b: Ranked<T>) => b.match.score - a.match.score || collator.compare(a.text, b.text);
  if (out.length <= limit) return out.sort(byScore);
  // The limit-th best score: everything scoring below it is out, whatever its text.
  const scores = Float64Array.from(out, (r) => r.match.score).sort();
  const cutoff = scores[scores.length - limit];
  return out
    .filter((r) => r.match.score >= cutoff)
    .sort(byScore)
    .slice(0, limit);
}
