/**
 * The full-text index (minisearch over title, aliases and body), updated per note. Search uses
 * it only to narrow which notes to read: a query word matches as a substring (Obsidian's
 * rule), so the candidates for a word are the notes holding an indexed token that contains
 * each of the word's tokens. The exact check is the core's evaluator. Bodies are not kept in
 * memory; the few notes that need reading are read from disk.
 */
import MiniSearch from 'minisearch';
import type { CandidatePlan } from '../../core/query/search-plan';
import type { VaultPath } from '../../core/types';
import { frontmatterBody } from '../../core/parse/frontmatter-bounds';
import { distinctTerms } from './distinct-terms';
import { SlicedUpdates } from './sliced-updates';
import { copyMarks, intersectMarks, markedPaths, uniteMarks, type Marks } from './candidate-marks';

interface SearchDoc {
  id: VaultPath;
  title: string;
  aliases: string;
  /** The note's frontmatter, apart: search's words never match it, so the body field is exactly what they see. */
  front: string;
  body: string;
}

/** minisearch's own tokenizer, so query words split where the indexed text did. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Gives the vocabulary and postings, which minisearch keeps as protected fields. */
class VocabularyIndex extends MiniSearch<SearchDoc> {
  terms(): string[] {
    return [...this._index.keys()];
  }

  /** How many note numbers there are (removed notes' included): the length of per-number arrays. */
  get numbers(): number {
    return this._nextId;
  }

  /** Marks, by note number, the documents holding `term` in any field (discarded ones too: `pathOf` drops them). */
  markDocsOf(term: string, into: Uint8Array): void {
    const fields = this._index.get(term);
    if (!fields) return;
    for (const docs of fields.values()) for (const shortId of docs.keys()) into[shortId] = 1;
  }

  /** The path of the note with this number, or undefined once it is removed. */
  pathOf(shortId: number): VaultPath | undefined {
    return this._documentIds.get(shortId) as VaultPath | undefined;
  }

  /** The index's number for the note (minisearch's short id), or -1 when it is not indexed. */
  numberOf(id: VaultPath): number {
    return this._idToShortId.get(id) ?? -1;
  }

  /**
   * Per note number (`numberOf`), how often `token` occurs in its body field (non-overlapping, as
   * a global regex counts): each indexed term containing it counts its occurrences in the term
   * times the term's frequency in the note. Exact for a token without separators, since such a
   * token never spans two terms. A typed array by number, not a map by path: a word in every
   * note made a map of every path per word, which was most of a broad search's time.
   */
  bodyCounts(token: string, vocabulary: readonly string[]): Uint32Array {
    const field = this._fieldIds.body;
    const into = new Uint32Array(this._nextId);
    for (const term of vocabulary) {
      if (!term.includes(token)) continue;
      const docs = this._index.get(term)?.get(field);
      if (!docs) continue;
      let per = 0;
      for (let at = term.indexOf(token); at >= 0; at = term.indexOf(token, at + token.length)) per++;
      // Discarded notes keep their postings until swept, under a number no path maps to.
      for (const [shortId, frequency] of docs) into[shortId] += frequency * per;
    }
    return into;
  }
}

/** Bodies over this many characters are reduced to their distinct tokens off the fast path (distinct-terms.ts). */
const SLICED_ABOVE = 256 * 1024;

/**
 * Discarded documents are swept from the postings in steps this many terms long, a wait apart:
 * minisearch's default step (1,000 terms, each visiting every field and document that holds it)
 * held the event loop for a hundred milliseconds and more after a checkout replaced thousands of notes.
 */
const VACUUM_STEP = { batchSize: 100, batchWait: 10 };

/** A watcher update waiting for its slice: the note's text to index, or null for a removal. */
type QueuedUpdate = { title: string; aliases: string[]; body: string } | null;

export interface SearchIndexOptions {
  /** An update applied in the background failed (the note may be missing from search results). */
  failed?(path: VaultPath, error: unknown): void;
}

export class SearchIndex {
  private readonly index = new VocabularyIndex({ fields: ['title', 'aliases', 'front', 'body'], autoVacuum: VACUUM_STEP });
  /** Notes indexed as their distinct terms (huge ones): their counts in the index are not occurrences. */
  private readonly reduced = new Set<VaultPath>();
  /** Watcher updates applied in slices (upsertSoon / removeSoon); searches wait for them. */
  private readonly soon: SlicedUpdates<VaultPath, QueuedUpdate>;

  constructor(options: SearchIndexOptions = {}) {
    this.soon = new SlicedUpdates(
      (path, update) => (update === null ? this.remove(path) : this.upsert(path, update.title, update.aliases, update.body)),
      options.failed ??
        ((path, error) => {
          // No one to tell: fail loudly rather than leave a note silently unsearchable.
          throw new Error(`search index: updating "${path}" failed`, { cause: error });
        }),
    );
  }
  /** The vocabulary as a flat list for substring scans, rebuilt after the index changes. */
  private vocabulary: string[] | null = null;

  get size(): number {
    return this.index.documentCount;
  }

  /** Huge notes being reduced (their newest text only): `settled()` waits for them. */
  private readonly pending = new Map<VaultPath, Promise<void>>();

  /** Indexes the note's text (frontmatter and all) now (a newer update than any waiting for it). */
  upsert(path: VaultPath, title: string, aliases: string[], text: string): void {
    this.soon.delete(path);
    const bodyStart = frontmatterBody(text).bodyStart;
    const front = text.slice(0, bodyStart);
    const body = text.slice(bodyStart);
    if (text.length > SLICED_ABOVE) {
      // Its previous text stays indexed until the reduction is done; a later update or removal wins.
      const job: Promise<void> = Promise.all([distinctTerms(front), distinctTerms(body)]).then(([frontTerms, bodyTerms]) => {
        if (this.pending.get(path) !== job) return;
        this.pending.delete(path);
        this.write(path, title, aliases, frontTerms, bodyTerms, true);
      });
      this.pending.set(path, job);
      return;
    }
    this.pending.delete(path);
    this.write(path, title, aliases, front, body, false);
  }

  private write(path: VaultPath, title: string, aliases: string[], front: string, body: string, reduced: boolean): void {
    const doc: SearchDoc = { id: path, title, aliases: aliases.join(' \n '), front, body };
    if (this.index.has(path)) this.index.replace(doc);
    else this.index.add(doc);
    if (reduced) this.reduced.add(path);
    else this.reduced.delete(path);
    this.vocabulary = null;
  }

  /**
   * How often `word` occurs in each indexed note's body (frontmatter excluded), ignoring case,
   * by the note's number (`numberOf`; 0 for notes without it). Null when the index cannot say
   * exactly: a word that is not one run of ASCII letters and digits (it could span separators,
   * or fold case unlike the body's lower-casing). Notes for which `countable` is false must be
   * checked by reading them.
   */
  bodyCounts(word: string): Uint32Array | null {
    const token = word.toLowerCase();
    if (!/^[a-z0-9]+$/.test(token)) return null;
    this.vocabulary ??= this.index.terms();
    return this.index.bodyCounts(token, this.vocabulary);
  }

  /** The note's number in the index, for `bodyCounts`, or -1 when it is not indexed. */
  numberOf(path: VaultPath): number {
    return this.index.numberOf(path);
  }

  /** Whether the index holds the note's current text with its occurrence counts (bodyCounts answers for it). */
  countable(path: VaultPath): boolean {
    // Most searches run with nothing waiting: one lookup per note instead of four.
    if (this.soon.size === 0 && this.pending.size === 0 && this.reduced.size === 0) return this.index.has(path);
    return !this.soon.has(path) && !this.pending.has(path) && !this.reduced.has(path) && this.index.has(path);
  }

  /** Indexes the note's text in a later slice (see sliced-updates.ts); `settled()` and searches wait for it. */
  upsertSoon(path: VaultPath, title: string, aliases: string[], body: string): void {
    this.soon.set(path, { title, aliases, body });
  }

  /** Removes the note in a later slice, after any update handed in before. */
  removeSoon(path: VaultPath): void {
    this.soon.set(path, null);
  }

  remove(path: VaultPath): void {
    this.soon.delete(path);
    this.pending.delete(path);
    this.reduced.delete(path);
    if (this.index.has(path)) this.index.discard(path);
    this.vocabulary = null;
  }

  /** Indexed, or being indexed (an update waiting for its slice, a huge note's reduction under way), and not waiting to be removed. */
  has(path: VaultPath): boolean {
    if (this.soon.has(path)) return this.soon.get(path) !== null;
    return this.pending.has(path) || this.index.has(path);
  }

  /** Resolves once every update handed in so far, huge notes included, is in the index. */
  async settled(): Promise<void> {
    while (this.soon.size > 0 || this.pending.size > 0) {
      await this.soon.settled();
      await Promise.all([...this.pending.values()]);
    }
  }

  /** Notes containing every word of `phrase` exactly (no prefix or fuzzy matching). */
  notesContaining(phrase: string): VaultPath[] {
    if (phrase.trim() === '') return [];
    return this.index.search(phrase, { prefix: false, fuzzy: false, combineWith: 'AND', fields: ['front', 'body'] }).map((result) => result.id as VaultPath);
  }

  /**
   * Notes that can match `plan` (a superset of the real matches), or null when the index
   * cannot narrow it and every note must be checked. `notePaths` serves words that may match a
   * note's path.
   */
  candidates(plan: CandidatePlan, notePaths: () => Iterable<VaultPath>): Iterable<VaultPath> | null {
    const memo = new Map<string, Marks>();
    const resolve = (node: CandidatePlan): Marks | null => {
      switch (node.kind) {
        case 'any':
          return null;
        case 'word':
          return this.wordCandidates(node.value, node.inNames, notePaths, memo);
        case 'and': {
          let out: Marks | null = null;
          for (const child of node.children) {
            const set = resolve(child);
            if (set === null) continue;
            out = out === null ? set : intersectMarks(out, set);
          }
          return out;
        }
        case 'or': {
          let out: Marks | null = null;
          for (const child of node.children) {
            const set = resolve(child);
            if (set === null) return null;
            out = out === null ? set : uniteMarks(out, set);
          }
          return out ?? { numbers: new Uint8Array(this.index.numbers), others: new Set() };
        }
      }
    };
    const marks = resolve(plan);
    return marks === null ? null : markedPaths(marks, (n) => this.index.pathOf(n));
  }

  /** The word's candidates, a fresh copy the caller may change (each token's marks are memoized). */
  private wordCandidates(word: string, inNames: boolean, notePaths: () => Iterable<VaultPath>, memo: Map<string, Marks>): Marks | null {
    const tokens = [
      ...new Set(
        tokenize(word)
          .map((token) => token.toLowerCase())
          .filter((token) => token !== ''),
      ),
    ];
    // Only separators (a word like "->"): the index holds no such token, so it cannot narrow.
    if (tokens.length === 0) return null;
    let out: Marks | null = null;
    for (const token of tokens) {
      let docs = memo.get(token);
      if (!docs) {
        docs = { numbers: new Uint8Array(this.index.numbers), others: new Set() };
        this.vocabulary ??= this.index.terms();
        for (const term of this.vocabulary) if (term.includes(token)) this.index.markDocsOf(term, docs.numbers);
        memo.set(token, docs);
      }
      out = out === null ? copyMarks(docs) : intersectMarks(out, docs);
    }
    if (inNames) {
      const lower = word.toLowerCase();
      for (const path of notePaths()) {
        if (!path.toLowerCase().includes(lower)) continue;
        const number = this.index.numberOf(path);
        if (number >= 0) out!.numbers[number] = 1;
        else out!.others.add(path);
      }
    }
    return out;
  }
}
