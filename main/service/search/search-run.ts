/**
 * One search: parse the query (core), narrow the notes with the full-text index, check each
 * candidate exactly with the core's evaluator, rank, and cut readable snippets for the hits
 * shown. Checking and snippets run under a time limit (run-bounded.ts), so a regular
 * expression that backtracks without end gives the user an error instead of freezing the
 * vault service.
 */
import type { Result, SearchHit, SearchResults } from '../../contract/api-contract';
import { frontmatterBody } from '../../core/parse/frontmatter-bounds';
import { matchesQuery, queryHighlights, type Highlight } from '../../core/query/search-evaluate';
import { candidatePlan } from '../../core/query/search-plan';
import { parseSearchQuery, type QueryNode } from '../../core/query/search-query';
import { findRanges, searchSnippet } from '../../core/query/snippets';
import type { ParsedNote, VaultPath } from '../../core/types';
import { runBounded } from './run-bounded';
import type { SearchIndex } from './search-index';
import { fail } from '../files/vault-reads';
import { indexedMatches, type Scored } from './search-indexed';

/** Hits returned with snippets; `total` still counts every match. */
export const MAX_HITS = 200;
export const DEFAULT_SEARCH_TIMEOUT_MS = 5_000;
/** Occurrences counted per note for ranking; more says little and costs time. */
const MAX_COUNTED = 20;

export interface SearchSource {
  index: SearchIndex;
  notePaths(): Iterable<VaultPath>;
  note(path: VaultPath): ParsedNote | undefined;
  /** The note's current text, or null when it cannot be read. */
  text(path: VaultPath): string | null;
  timeoutMs: number;
}

function describesRegex(node: QueryNode): boolean {
  if (node.kind === 'regex') return true;
  if (node.kind === 'and' || node.kind === 'or') return node.children.some(describesRegex);
  if (node.kind === 'not' || node.kind === 'field') return describesRegex(node.child);
  return false;
}

function bodyOf(text: string): string {
  return text.slice(frontmatterBody(text).bodyStart);
}

function rank(note: ParsedNote, body: string | null, highlights: readonly Highlight[], compiled: RegExp[]): number {
  let score = 0;
  const title = note.title.toLowerCase();
  for (const h of highlights) if (h.kind === 'text' && title.includes(h.value.toLowerCase())) score += 100;
  if (body !== null && compiled.length > 0) score += Math.min(MAX_COUNTED, findRanges(body, compiled).length);
  return score;
}

/** Global copies of the text and regex highlights, for counting occurrences. */
function counters(highlights: readonly Highlight[]): RegExp[] {
  return highlights.flatMap((h) => {
    if (h.kind === 'text') return [new RegExp(h.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), h.caseSensitive ? 'g' : 'gi')];
    if (h.kind === 'regex') return [new RegExp(h.re.source, `${h.re.flags.replace('g', '')}g`)];
    return [];
  });
}

const byRank = (a: Scored, b: Scored) => b.score - a.score || (a.note.path < b.note.path ? -1 : a.note.path > b.note.path ? 1 : 0);

/**
 * The first `limit` matches by score, then path: the same as sorting them all, but only the
 * matches scoring at least the limit-th best score are sorted (a broad word at 50,000 notes ties
 * most of them, and ordering every tie by path cost more than the rest of the search).
 */
export function firstInOrder(matches: Scored[], limit: number): Scored[] {
  if (matches.length <= limit) return matches.sort(byRank);
  const scores = Float64Array.from(matches, (m) => m.score).sort();
  const cutoff = scores[scores.length - limit];
  return matches
    .filter((m) => m.score >= cutoff)
    .sort(byRank)
    .slice(0, limit);
}

/** Checks one note by reading its text: its score, or null when it does not match. */
function readScored(
  query: QueryNode,
  highlights: readonly Highlight[],
  compiled: RegExp[],
  path: VaultPath,
  note: ParsedNote,
  source: SearchSource,
): Scored | null {
  let body: string | null = null;
  const subject = { path, aliases: note.aliases, tags: note.tags, body: () => (body ??= bodyOf(source.text(path) ?? '')) };
  if (!matchesQuery(query, subject)) return null;
  return { note, score: rank(note, body, highlights, compiled) };
}

/** The matches of `query` among `candidates`, every one checked by reading it (`indexed` false), or from the index where it can answer (search-indexed.ts). */
export function evaluate(query: QueryNode, candidates: Iterable<VaultPath>, source: SearchSource, indexed = true): SearchResults {
  const highlights = queryHighlights(query);
  const compiled = counters(highlights);
  const read = (path: VaultPath, note: ParsedNote) => readScored(query, highlights, compiled, path, note, source);
  let matches = indexed ? indexedMatches(query, highlights, candidates, source.index, (path) => source.note(path), read, MAX_COUNTED) : null;
  if (matches === null) {
    matches = [];
    for (const path of candidates) {
      const note = source.note(path);
      const hit = note === undefined ? null : read(path, note);
      if (hit) matches.push(hit);
    }
  }
  const hits: SearchHit[] = firstInOrder(matches, MAX_HITS).map(({ note, score }) => {
    const text = source.text(note.path);
    const snippet = text === null ? { snippet: '', line: null, match: null } : searchSnippet(text, highlights);
    return { path: note.path, title: note.title, score, ...snippet };
  });
  return { hits, total: matches.length };
}

export function runSearch(input: string, source: SearchSource): Result<SearchResults> {
  const parsed = parseSearchQuery(input);
  if (!parsed.ok) return fail('invalid-input', parsed.error);
  if (parsed.value === null) return { ok: true, value: { hits: [], total: 0 } };
  const query = parsed.value;
  const candidates = source.index.candidates(candidatePlan(query), () => source.notePaths()) ?? source.notePaths();
  const run = runBounded(() => evaluate(query, candidates, source), source.timeoutMs);
  if (run.ok) return { ok: true, value: run.value };
  const seconds = `${Math.round(source.timeoutMs / 100) / 10} s`;
  return fail(
    'invalid-input',
    describesRegex(query)
      ? `The search was stopped after ${seconds}: its regular expression takes too long on this vault (it probably backtracks, like /(a+)+$/). Simplify it.`
      : `The search was stopped after ${seconds}. Add words to narrow it.`,
  );
}
