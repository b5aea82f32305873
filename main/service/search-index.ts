/**
 * Full-text search over title, aliases and body (minisearch), updated per note. Bodies are not
 * kept in memory: snippets are cut from the file text of the few hits actually shown.
 */
import MiniSearch from 'minisearch';
import type { SearchHit } from '../contract/api-contract';
import type { VaultPath } from '../core/types';

interface SearchDoc {
  id: VaultPath;
  title: string;
  aliases: string;
  body: string;
}

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
const MAX_HITS = 50;
const SNIPPET_RADIUS = 80;

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ['title', 'aliases', 'body'],
    storeFields: ['title'],
    searchOptions: { boost: { title: 3, aliases: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });

  get size(): number {
    return this.index.documentCount;
  }

  upsert(path: VaultPath, title: string, aliases: string[], body: string): void {
    const doc: SearchDoc = { id: path, title, aliases: aliases.join(' \n '), body };
    if (this.index.has(path)) this.index.replace(doc);
    else this.index.add(doc);
  }

  remove(path: VaultPath): void {
    if (this.index.has(path)) this.index.discard(path);
  }

  has(path: VaultPath): boolean {
    return this.index.has(path);
  }

  /** Notes containing every word of `phrase` exactly (no prefix or fuzzy matching). */
  notesContaining(phrase: string): VaultPath[] {
    if (phrase.trim() === '') return [];
    return this.index.search(phrase, { prefix: false, fuzzy: false, combineWith: 'AND', fields: ['body'] }).map((result) => result.id as string);
  }

  /** `readText` gives a hit's current text for its snippet (null when it can no longer be read). */
  search(query: string, readText: (path: VaultPath) => string | null): SearchHit[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    return this.index
      .search(trimmed)
      .slice(0, MAX_HITS)
      .map((result) => {
        const text = readText(result.id as string);
        return {
          path: result.id as string,
          title: String(result.title),
          score: result.score,
          snippet: text === null ? '' : makeSnippet(text, result.terms),
        };
      });
  }
}

/** A window of `text` around the first match, every match wrapped in U+E000 ... U+E001. */
export function makeSnippet(text: string, terms: string[]): string {
  // The markers are ours: any already in the note would confuse the UI's highlighter.
  const clean = text.replace(/[\uE000\uE001]/g, '');
  const lower = clean.toLowerCase();
  const needles = [...new Set(terms.map((term) => term.toLowerCase()).filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
  let first = -1;
  for (const needle of needles) {
    const at = lower.indexOf(needle);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  const start = first === -1 ? 0 : Math.max(0, first - SNIPPET_RADIUS);
  const end = Math.min(clean.length, (first === -1 ? 0 : first) + SNIPPET_RADIUS * 2);
  const window = clean.slice(start, end);
  const windowLower = lower.slice(start, end);
  let out = '';
  let i = 0;
  while (i < window.length) {
    const needle = needles.find((candidate) => windowLower.startsWith(candidate, i));
    if (needle === undefined) {
      out += window[i];
      i++;
    } else {
      out += MATCH_START + window.slice(i, i + needle.length) + MATCH_END;
      i += needle.length;
    }
  }
  const body = out.replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + body + (end < clean.length ? '…' : '');
}
