/**
 * An open vault's full-text search: the index, built after 'ready' in slices so the UI is
 * usable meanwhile, kept current by the watcher's batches (they hand `index` their notes, taken
 * in slices), and the searches, which wait for both.
 */
import type { Result, SearchResults } from '../../contract/api-contract';
import type { ParsedNote, VaultPath } from '../../core/types';
import { describeError } from '../file-reports';
import { SearchIndex } from './search-index';
import { fillSearchIndex } from './search-index-fill';
import { DEFAULT_SEARCH_TIMEOUT_MS, runSearch } from './search-run';

export interface VaultSearchSource {
  notePaths(): Iterable<VaultPath>;
  note(path: VaultPath): ParsedNote | undefined;
  /** The note's current text, or null when it cannot be read. */
  text(path: VaultPath): string | null;
  /** True once the vault is closing: the build stops. */
  stopped(): boolean;
  /** Something the user should know (a note the index could not take in). */
  notice(message: string): void;
}

export class VaultSearch {
  readonly index: SearchIndex;
  /** Longest one search may run before it is stopped with an error. */
  timeoutMs = DEFAULT_SEARCH_TIMEOUT_MS;
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly source: VaultSearchSource) {
    this.index = new SearchIndex({
      failed: (path, error) => source.notice(`Search could not index "${path}" (${describeError(error)}); search results may miss it.`),
    });
  }

  /**
   * Starts filling the index with every note once `after` settles (the deferred disk check: its
   * scan has the main thread first, and the notes it changes are indexed as they now are);
   * resolves when done (or stopped). Searches meanwhile wait for it.
   */
  build(after: Promise<unknown> = Promise.resolve()): Promise<void> {
    this.ready = after.then(() => this.fill());
    return this.ready;
  }

  private fill(): Promise<void> {
    return fillSearchIndex(this.index, [...this.source.notePaths()], {
      stopped: () => this.source.stopped(),
      note: (vaultPath) => this.source.note(vaultPath),
      text: (vaultPath) => this.source.text(vaultPath),
    });
  }

  /** Resolves once the index is built (huge notes included). */
  async built(): Promise<void> {
    await this.ready;
    await this.index.settled();
  }

  async search(query: string): Promise<Result<SearchResults>> {
    await this.ready;
    await this.index.settled();
    return runSearch(query, {
      index: this.index,
      notePaths: () => this.source.notePaths(),
      note: (vaultPath) => this.source.note(vaultPath),
      text: (vaultPath) => this.source.text(vaultPath),
      timeoutMs: this.timeoutMs,
    });
  }

  /** Notes whose body contains every word of `phrase`. */
  async notesContaining(phrase: string): Promise<VaultPath[]> {
    await this.ready;
    await this.index.settled();
    return this.index.notesContaining(phrase);
  }
}
