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
/** WORD_BREAK for one UTF-16 unit, looked up instead of tested per matched character (every key scores the whole vault's names). */
const BREAK_BELOW_128 = Uint8Array.from({ length: 128 }, (_, code) => (WORD_BREAK.test(String.fromCharCode(code)) ? 1 : 0));
const isBreak = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code < 128 ? BREAK_BELOW_128[code] === 1 : WORD_BREAK.test(text[at]);
};

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The query as matching reads it: trimmed and lower-cased once, not per candidate. */
export const prepareQuery = (query: string): string => query.trim().toLowerCase();

export function fuzzyMatch(query: string, candidate: string): FuzzyMatch | null {
  return matchPrepared(prepareQuery(query), candidate, candidate.toLowerCase());
}

/**
 * The match's score, or NaN when the candidate does not match. `c` is candidate.toLowerCase(),
 * kept by the caller. When `positions` is given the matched indexes are pushed into it; without
 * it nothing is allocated, so a keystroke can score every candidate cheaply.
 */
function scorePrepared(q: string, candidate: string, c: string, positions?: number[]): number {
  if (q === '') return 0;
  let score = 0;
  let from = 0;
  let prev = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const at = c.indexOf(ch, from);
    if (at < 0) return NaN;
    const wordStart =
      at === 0 || isBreak(c, at - 1) || (candidate.charCodeAt(at) !== c.charCodeAt(at) && candidate.charCodeAt(at - 1) === c.charCodeAt(at - 1));
    score += 1 + (at === prev + 1 ? 3 : 0) + (wordStart ? 2 : 0) + (at === 0 ? 3 : 0);
    positions?.push(at);
    prev = at;
    from = at + 1;
  }
  if (c.startsWith(q)) score += 10;
  score -= candidate.length * 0.01;
  return score;
}

function matchPrepared(q: string, candidate: string, c: string): FuzzyMatch | null {
  const positions: number[] = [];
  const score = scorePrepared(q, candidate, c, positions);
  return Number.isNaN(score) ? null : { score, positions };
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
 * Ranks many items for query after query (the switcher's keystrokes). Each item's texts are
 * lower-cased once here, not on every key. A query that extends the previous one can only match
 * a subset of what that one matched (its characters are a subsequence of the longer query's), so
 * only those are looked at again, and each text's match carries on from where the previous query's
 * left it: the matching is greedy, left to right, so the first characters' positions and score are
 * the same as for the shorter query, and a key costs one search per text, not one per query
 * character. The result is the same as ranking from scratch.
 */
export class Ranker<T> {
  private readonly texts: string[][];
  private readonly lowers: string[][];
  private lastQuery: string | null = null;
  /** Indexes (ascending) of the items the last query matched. */
  private lastMatched: Int32Array = new Int32Array(0);
  private readonly bestScore: Float64Array;
  private readonly bestText: Int32Array;
  /** Where each item's texts start in the per-text arrays below (items + 1 entries). */
  private readonly firstText: Int32Array;
  /** Per text, the last query's match so far: where the next character is looked for (-1: no match), the last matched index, the characters' score. */
  private readonly from: Int32Array;
  private readonly prev: Int32Array;
  private readonly partial: Float64Array;

  constructor(
    private readonly items: readonly T[],
    texts: (item: T) => string[],
  ) {
    this.texts = items.map(texts);
    this.lowers = this.texts.map((ts) => ts.map((t) => t.toLowerCase()));
    this.bestScore = new Float64Array(items.length);
    this.bestText = new Int32Array(items.length);
    this.firstText = new Int32Array(items.length + 1);
    for (let i = 0; i < items.length; i++) this.firstText[i + 1] = this.firstText[i] + this.texts[i].length;
    const count = this.firstText[items.length];
    this.from = new Int32Array(count);
    this.prev = new Int32Array(count);
    this.partial = new Float64Array(count);
  }

  rank(query: string, limit = 50): Ranked<T>[] {
    const q = prepareQuery(query);
    const last = this.lastQuery;
    // Not across a surrogate pair: the match steps by code point.
    const narrow = last !== null && last !== '' && q.startsWith(last) && !isHighSurrogate(last.charCodeAt(last.length - 1));
    const from = narrow ? this.lastMatched : null;
    // Only the characters the last query did not have are matched; from scratch, all of them.
    // By code point, spaces left out (they only separate words), split once for every text.
    const added = [...(narrow ? q.slice(last.length) : q)].filter((ch) => ch !== ' ');
    const count = from ? from.length : this.items.length;
    const matched = new Int32Array(count);
    let n = 0;
    for (let k = 0; k < count; k++) {
      const i = from ? from[k] : k;
      const texts = this.texts[i];
      const lowers = this.lowers[i];
      const first = this.firstText[i];
      let best = NaN;
      let bestAt = -1;
      for (let t = 0; t < texts.length; t++) {
        const slot = first + t;
        if (!narrow) {
          this.from[slot] = 0;
          this.prev[slot] = -2;
          this.partial[slot] = 0;
        }
        const score = q === '' ? 0 : this.extend(slot, added, q, texts[t], lowers[t]);
        // The first text with the highest score wins, as a strict comparison in text order gives.
        if (!Number.isNaN(score) && (bestAt < 0 || score > best)) {
          best = score;
          bestAt = t;
        }
      }
      if (bestAt < 0) continue;
      this.bestScore[i] = best;
      this.bestText[i] = bestAt;
      matched[n++] = i;
    }
    this.lastQuery = q;
    this.lastMatched = matched.subarray(0, n);
    return this.top(q, this.lastMatched, limit);
  }

  /**
   * Carries text `slot`'s match on through `added`, the query's new characters (scorePrepared's
   * loop, resumed), and returns
   * the score for the whole query `q`, or NaN when it does not match.
   */
  private extend(slot: number, added: readonly string[], q: string, candidate: string, c: string): number {
    let from = this.from[slot];
    if (from < 0) return NaN;
    let prev = this.prev[slot];
    let score = this.partial[slot];
    for (let k = 0; k < added.length; k++) {
      const ch = added[k];
      let at: number;
      if (ch.length === 1) {
        // c.indexOf(ch, from) for one code unit, without a call per text.
        const code = ch.charCodeAt(0);
        at = from;
        while (at < c.length && c.charCodeAt(at) !== code) at++;
        if (at === c.length) at = -1;
      } else at = c.indexOf(ch, from);
      if (at < 0) {
        this.from[slot] = -1;
        return NaN;
      }
      const wordStart =
        at === 0 || isBreak(c, at - 1) || (candidate.charCodeAt(at) !== c.charCodeAt(at) && candidate.charCodeAt(at - 1) === c.charCodeAt(at - 1));
      score += 1 + (at === prev + 1 ? 3 : 0) + (wordStart ? 2 : 0) + (at === 0 ? 3 : 0);
      prev = at;
      from = at + 1;
    }
    this.from[slot] = from;
    this.prev[slot] = prev;
    this.partial[slot] = score;
    return score + (c.charCodeAt(0) === q.charCodeAt(0) && c.startsWith(q) ? 10 : 0) - candidate.length * 0.01;
  }

  /** The matched items' order: score, then text, then place in the list (as a stable sort of the list gives). */
  private before(a: number, b: number): boolean {
    const byScore = this.bestScore[b] - this.bestScore[a];
    if (byScore !== 0) return byScore < 0;
    const byText = collator.compare(this.texts[a][this.bestText[a]], this.texts[b][this.bestText[b]]);
    return byText !== 0 ? byText < 0 : a < b;
  }

  /**
   * The first `limit` matches in order, kept in a small sorted array: a short query ties most of
   * a big vault on score, and sorting all the ties by text cost more than a keystroke may. Only
   * those kept are turned into results with highlight positions.
   */
  private top(q: string, matched: Int32Array, limit: number): Ranked<T>[] {
    const kept: number[] = [];
    for (const i of matched) {
      if (kept.length === limit && !this.before(i, kept[kept.length - 1])) continue;
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(kept[mid], i)) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, i);
      if (kept.length > limit) kept.pop();
    }
    return kept.map((i) => {
      const text = this.texts[i][this.bestText[i]];
      return { item: this.items[i], text, match: matchPrepared(q, text, this.lowers[i][this.bestText[i]])! };
    });
  }
}

/** Ranks items by their best-matching text (title first, then aliases); the first `limit`, best first. */
export function rank<T>(items: T[], query: string, texts: (item: T) => string[], limit = 50): Ranked<T>[] {
  return new Ranker(items, texts).rank(query, limit);
}
