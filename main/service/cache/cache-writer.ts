/**
 * Writes the parse cache of an open vault: soon after indexing, a few seconds after changes
 * (so a burst of edits costs one write), and on close when anything is still unsaved. Each
 * write stores the notes' parses plus the graph's link resolutions for the next warm start.
 */
import type { VaultGraph } from '../../core/graph/vault-graph';
import { describeError } from '../file-reports';
import { isNewerCache, newerCacheMessage, peekCacheVersion } from './cache-version';
import { CACHE_FORMAT, PARSER_VERSION, saveParseCache } from './parse-cache';
import type { VaultState } from '../vault-state';

export class CacheWriter {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;
  private closed = false;
  /** A newer Plexus's cache is in the way: said once, then every write is left out. */
  private newerNoticed = false;
  /** The write in progress, so close() can wait for it rather than leave a half-written temp file. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly realRoot: string,
    private readonly source: () => { state: VaultState; graph: VaultGraph },
    private readonly notice: (message: string) => void,
  ) {}

  /** Marks the cache stale and writes it after `delayMs` (unless a write is already pending). */
  schedule(delayMs: number): void {
    this.dirty = true;
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }, delayMs);
    this.timer.unref();
  }

  /** Writes what is still unsaved, then stops. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
    if (this.dirty) await this.write();
  }

  private async write(): Promise<void> {
    this.dirty = false;
    // Checked at each write: a newer version may have written it while this one runs.
    const found = peekCacheVersion(this.file);
    if (found !== null && isNewerCache(found, { format: CACHE_FORMAT, parserVersion: PARSER_VERSION })) {
      if (!this.newerNoticed) this.notice(`${newerCacheMessage(found).replace(/^t/, 'T')}.`);
      this.newerNoticed = true;
      return;
    }
    const { state, graph } = this.source();
    try {
      await saveParseCache(this.file, this.realRoot, state.notes, {
        graph: {
          // Read once the notes are gathered (over several turns of the event loop), from the same graph state.
          get attachments() {
            return graph.attachmentPaths();
          },
          attachmentFiles: state.files,
          // Only when the graph holds this very parse: then its links' resolutions belong to it.
          resolutionsOf: (path, parsed) => (graph.getNote(path) === parsed ? graph.resolutionsOf(path) : null),
          changeCount: () => graph.changeCount(),
        },
      });
    } catch (error) {
      this.dirty = true;
      this.notice(`Could not write the parse cache (${describeError(error)}); the next start will re-index.`);
    }
  }
}
