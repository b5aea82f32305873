/**
 * One open vault: indexes it (parse cache + worker pool), keeps the graph, file list and
 * full-text index current from the watcher, answers reads, and pushes VaultEvents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEntry, IndexStatus, NoteContent, NoteMeta, Result, SearchHit, VaultEvent } from '../contract/api-contract';
import { VaultGraph } from '../core/graph/vault-graph';
import type { VaultPath } from '../core/types';
import { applyWatchBatch } from './apply-watch-batch';
import { cacheFileFor, defaultCacheDir } from './cache-dir';
import { describeError, errorCode, type FileReport } from './file-reports';
import { indexVault } from './index-vault';
import { OwnWrites } from './own-writes';
import { saveParseCache } from './parse-cache';
import { ParsePool } from './parse-pool';
import { DEFAULT_MAX_FILE_BYTES, readVaultFile } from './read-vault-file';
import { RenamePairer } from './rename-pairer';
import { scanVault } from './scan-vault';
import { SearchIndex } from './search-index';
import { VaultOpenError } from './service-errors';
import { toAbsolutePath } from './vault-files';
import { noteMeta, readNote } from './vault-reads';
import type { VaultState } from './vault-state';
import { VaultWatcher, type VaultWatcherOptions, type WatchBatch } from './vault-watcher';

export interface VaultServiceOptions {
  /** Folder for the parse cache; default the OS cache dir (or $PLEXUS_CACHE_DIR). null: no cache. */
  cacheDir?: string | null;
  /** Parse workers; default min(availableParallelism, 4); 0 parses in-thread. */
  workers?: number;
  maxFileBytes?: number;
  /** Watch for changes after indexing (default true; the CLI's one-shot commands pass false). */
  watch?: boolean;
  onProgress?: (event: VaultEvent) => void;
  /** Advanced: watcher timings and test seams. */
  watcherOptions?: VaultWatcherOptions;
}

type Listener = (event: VaultEvent) => void;

const PROGRESS_INTERVAL_MS = 100;
const CACHE_SAVE_DELAY_MS = 5_000;
/** Longest stretch the background search indexing holds the event loop. */
const SEARCH_SLICE_MS = 8;

export class VaultService {
  readonly graph = new VaultGraph();
  private readonly listeners = new Set<Listener>();
  private readonly searchIndex = new SearchIndex();
  private readonly ownWrites = new OwnWrites();
  private readonly renames = new RenamePairer();
  private state!: VaultState;
  private status: IndexStatus = { state: 'indexing', done: 0, total: 0 };
  private watcher: VaultWatcher | null = null;
  private watching: Promise<void> = Promise.resolve();
  private searchReady: Promise<void> = Promise.resolve();
  private batchQueue: Promise<void> = Promise.resolve();
  private cacheTimer: NodeJS.Timeout | null = null;
  private cacheDirty = false;
  private closed = false;

  private constructor(
    /** The vault folder as given (absolute), shown to the user. */
    readonly root: string,
    /** Its real path: every containment check and file access uses this. */
    readonly realRoot: string,
    private readonly pool: ParsePool,
    private readonly maxFileBytes: number,
    private readonly cacheFile: string | null,
  ) {}

  /** Opens and indexes a vault. Throws VaultOpenError when the folder is missing or not a folder. */
  static async open(root: string, options: VaultServiceOptions = {}): Promise<VaultService> {
    const absolute = path.resolve(root);
    const realRoot = await validateRoot(absolute);
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const cacheFile = cacheDir === null ? null : cacheFileFor(cacheDir, realRoot);
    let service: VaultService | null = null;
    const pool = new ParsePool({ size: options.workers, onWarning: (message) => service?.notice(message) });
    service = new VaultService(absolute, realRoot, pool, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, cacheFile);
    try {
      await service.index(options.onProgress);
      // The watcher's own start (chokidar lists every file and folder: seconds on a 10k-note
      // vault) runs after open returns, so the vault is usable as soon as it is indexed; a
      // rescan once the watch is in place catches anything that changed meanwhile.
      if (options.watch !== false) service.watching = service.startWatching(options.watcherOptions);
    } catch (error) {
      await service.close();
      throw error;
    }
    return service;
  }

  private async index(onProgress?: (event: VaultEvent) => void): Promise<void> {
    const started = performance.now();
    let lastProgress = 0;
    const progress = (done: number, total: number): void => {
      this.status = { state: 'indexing', done, total };
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS && done !== total) return;
      lastProgress = now;
      const event: VaultEvent = { type: 'status', status: this.status };
      onProgress?.(event);
      this.emit(event);
    };
    const outcome = await indexVault(this.realRoot, { pool: this.pool, graph: this.graph, maxFileBytes: this.maxFileBytes, cacheFile: this.cacheFile, onProgress: progress });
    this.state = outcome.state;
    this.status = { state: 'ready', notes: outcome.state.notes.size, links: this.graph.linkCount(), ms: Math.round(performance.now() - started) };
    const ready: VaultEvent = { type: 'status', status: this.status };
    onProgress?.(ready);
    this.emit(ready);
    if (outcome.cacheDirty) this.scheduleCacheSave(0);
    this.searchReady = this.buildSearchIndex();
  }

  private async startWatching(watcherOptions: VaultWatcherOptions = {}): Promise<void> {
    const watcher = new VaultWatcher(
      this.realRoot,
      {
        onBatch: (batch) => this.enqueueBatch(batch),
        onVaultError: (message) => this.emit({ type: 'vault-error', message }),
        onNotice: (message) => this.notice(message),
      },
      watcherOptions,
    );
    this.watcher = watcher;
    try {
      await watcher.start();
    } catch (error) {
      if (this.closed) return;
      this.emit({ type: 'vault-error', message: `Cannot watch the vault for changes (${describeError(error)}); reopen it to see changes made outside Plexus.` });
      return;
    }
    if (this.closed) return;
    try {
      await this.catchUpWithDisk();
    } catch (error) {
      this.notice(`Could not check for changes made while the vault was opening (${describeError(error)}).`);
    }
  }

  /** Files that changed between the index's scan and the watch taking hold go through the usual watcher path. */
  private async catchUpWithDisk(): Promise<void> {
    const scan = await scanVault(this.realRoot);
    const changed: VaultPath[] = [];
    const seen = new Set<VaultPath>();
    for (const file of scan.files) {
      seen.add(file.path);
      const known = this.state.files.get(file.path);
      if (known === undefined ? !this.state.fileReports.has(file.path) : known.size !== file.size || known.mtimeMs !== file.mtimeMs) changed.push(file.path);
    }
    for (const known of this.state.files.keys()) if (!seen.has(known)) changed.push(known);
    if (changed.length > 0) this.enqueueBatch({ paths: changed, removedDirs: [] });
  }

  /** Resolves once the watcher is in place and has caught up with the disk (or failed to start and said so). */
  async whenWatching(): Promise<void> {
    await this.watching;
    await this.batchQueue;
  }

  private enqueueBatch(batch: WatchBatch): void {
    this.batchQueue = this.batchQueue.then(async () => {
      if (this.closed) return;
      try {
        await applyWatchBatch(
          {
            state: this.state,
            graph: this.graph,
            search: this.searchIndex,
            pool: this.pool,
            maxFileBytes: this.maxFileBytes,
            ownWrites: this.ownWrites,
            renames: this.renames,
            emit: (event) => this.emit(event),
          },
          batch,
        );
        this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
        this.refreshCounts();
      } catch (error) {
        // The index may now lag behind the disk for these paths; say so rather than fail silently.
        this.notice(`Updating the index failed for ${batch.paths.length} changed path(s): ${describeError(error)}`);
      }
    });
  }

  /** After a change on disk: the status bar's note and link counts follow, in one event per batch. */
  private refreshCounts(): void {
    if (this.status.state !== 'ready') return;
    const notes = this.state.notes.size;
    const links = this.graph.linkCount();
    if (notes === this.status.notes && links === this.status.links) return;
    this.status = { ...this.status, notes, links };
    this.emit({ type: 'status', status: this.status });
  }

  /** Resolves when all watcher batches received so far are applied (tests, writers wanting a settled index). */
  async settled(): Promise<void> {
    await this.watching;
    await this.batchQueue;
  }

  /** The writer announces its own writes (hash of the new bytes) and removals (null) before making them. */
  expectOwnWrite(vaultPath: VaultPath, hash: string | null): void {
    this.ownWrites.expect(vaultPath, hash);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getStatus(): IndexStatus {
    return this.status;
  }

  get maxBytes(): number {
    return this.maxFileBytes;
  }

  /** The service state for read helpers (api-handlers, the writer). Not to be mutated outside the service. */
  get vaultState(): VaultState {
    return this.state;
  }

  listFiles(): FileEntry[] {
    return this.state.sortedFiles();
  }

  fileKind(vaultPath: VaultPath): 'note' | 'attachment' | null {
    return this.state.files.get(vaultPath)?.kind ?? null;
  }

  readNote(vaultPath: VaultPath): Result<NoteContent> {
    return readNote(this.state, vaultPath, this.maxFileBytes);
  }

  getNoteMeta(vaultPath: VaultPath): Result<NoteMeta> {
    return noteMeta(this.state, vaultPath);
  }

  /** Skipped and problem files (unreadable, too large, invalid UTF-8, escaping symlinks) and cache/watch notices. */
  reports(): FileReport[] {
    return this.state.reports();
  }

  async search(query: string): Promise<SearchHit[]> {
    await this.searchReady;
    return this.searchIndex.search(query, (vaultPath) => this.currentText(vaultPath));
  }

  /** Notes whose body contains every word of `phrase` (waits for the search index). */
  async notesContaining(phrase: string): Promise<VaultPath[]> {
    await this.searchReady;
    return this.searchIndex.notesContaining(phrase);
  }

  /** A note's current text from disk, or null when it cannot be read. */
  currentText(vaultPath: VaultPath): string | null {
    const read = readVaultFile(toAbsolutePath(this.realRoot, vaultPath), vaultPath, { maxFileBytes: this.maxFileBytes });
    return read.ok ? read.file.text : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.cacheTimer !== null) clearTimeout(this.cacheTimer);
    const watcher = this.watcher;
    this.watcher = null;
    if (watcher !== null) await watcher.close();
    await this.watching;
    await this.batchQueue;
    await this.searchReady;
    await this.pool.close();
    if (this.cacheDirty) await this.saveCache();
    this.listeners.clear();
  }

  private emit(event: VaultEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private notice(message: string): void {
    this.state?.generalReports.push({ path: '', problem: 'watch', message });
    this.emit({ type: 'notice', message });
  }

  /** Builds the full-text index after 'ready', in slices, so the UI is usable meanwhile; search() waits for it. */
  private async buildSearchIndex(): Promise<void> {
    const paths = [...this.state.notes.keys()];
    let next = 0;
    while (next < paths.length && !this.closed) {
      // Yield often: reading and indexing 10k notes takes seconds, and a watcher event waiting
      // behind a long chunk is an edit the user sees late.
      await new Promise((resolve) => setImmediate(resolve));
      const sliceEnd = performance.now() + SEARCH_SLICE_MS;
      while (next < paths.length && !this.closed && performance.now() < sliceEnd) {
        const vaultPath = paths[next++];
        const entry = this.state.notes.get(vaultPath);
        // Skip notes removed meanwhile, or already indexed from a newer watcher update.
        if (entry === undefined || this.searchIndex.has(vaultPath)) continue;
        const text = this.currentText(vaultPath);
        if (text !== null) this.searchIndex.upsert(vaultPath, entry.parsed.title, entry.parsed.aliases, text);
      }
    }
  }


  private scheduleCacheSave(delayMs: number): void {
    this.cacheDirty = true;
    if (this.cacheFile === null || this.cacheTimer !== null || this.closed) return;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      void this.saveCache();
    }, delayMs);
    this.cacheTimer.unref();
  }

  private async saveCache(): Promise<void> {
    if (this.cacheFile === null) return;
    this.cacheDirty = false;
    try {
      await saveParseCache(this.cacheFile, this.realRoot, this.state.notes, {
        graph: {
          attachments: this.graph.attachmentPaths(),
          // Only when the graph holds this very parse: then its links' resolutions belong to it.
          resolutionsOf: (path, parsed) => (this.graph.getNote(path) === parsed ? this.graph.outgoing(path) : null),
        },
      });
    } catch (error) {
      this.cacheDirty = true;
      this.notice(`Could not write the parse cache (${describeError(error)}); the next start will re-index.`);
    }
  }
}

async function validateRoot(absolute: string): Promise<string> {
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VaultOpenError('missing', absolute, `vault folder not found: ${absolute}`);
    throw new VaultOpenError('unreadable', absolute, `cannot open vault folder ${absolute}: ${describeError(error)}`);
  }
  if (!stats.isDirectory()) throw new VaultOpenError('not-directory', absolute, `not a folder: ${absolute}`);
  try {
    return await fs.promises.realpath(absolute);
  } catch (error) {
    throw new VaultOpenError('unreadable', absolute, `cannot resolve vault folder ${absolute}: ${describeError(error)}`);
  }
}
