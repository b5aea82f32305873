/**
 * One open vault: indexes it (parse cache + worker pool), keeps the graph, file list and
 * full-text index current from the watcher, answers reads, and pushes VaultEvents.
 */
import * as path from 'node:path';
import type { FileEntry, IndexStatus, NoteContent, NoteMeta, Result, SearchResults, VaultEvent } from '../contract/api-contract';
import { VaultGraph } from '../core/graph/vault-graph';
import type { VaultPath } from '../core/types';
import { applyWatchBatch } from './watch/apply-watch-batch';
import { cacheFileFor, defaultCacheDir } from './cache/cache-dir';
import { describeError, type FileReport } from './file-reports';
import { indexVault } from './index/index-vault';
import { OwnWrites } from './write/own-writes';
import { CacheWriter } from './cache/cache-writer';
import { ParsePool } from './index/parse-pool';
import { DEFAULT_MAX_FILE_BYTES, readVaultFile } from './files/read-vault-file';
import { RenamePairer } from './watch/rename-pairer';
import { scanVault, type ScanResult } from './index/scan-vault';
import { SearchIndex } from './search/search-index';
import type { VaultSnapshotOptions } from './snapshots/vault-snapshots';
import type { SnapshotRecorder } from './snapshots/snapshot-recorder';
import { fillSearchIndex } from './search/search-index-fill';
import { DEFAULT_SEARCH_TIMEOUT_MS, runSearch } from './search/search-run';
import { validateRoot } from './files/validate-root';
import { nodeVaultFs } from './files/node-vault-fs';
import type { VaultFs, VaultFsWatch } from './files/vault-fs';
import { toAbsolutePath } from './files/vault-files';
import { noteMeta, readNote } from './files/vault-reads';
import type { VaultState } from './vault-state';
import type { VaultWatcherOptions, WatchBatch } from './watch/vault-watcher';

export interface VaultServiceOptions {
  /** Folder for the parse cache; default the OS cache dir (or $PLEXUS_CACHE_DIR). null: no cache. */
  cacheDir?: string | null;
  /** Parse workers; default min(availableParallelism, 4); 0 parses in-thread (and without a parse budget). */
  workers?: number;
  /** The longest one note may take to parse, in ms (default 2000); a note over it is indexed in safe mode. */
  parseBudgetMs?: number;
  /** Advanced (tests): a module whose `parseNote` export the parse workers use (see ParsePoolOptions). */
  parserModule?: string;
  /** Aborting it stops an open still in progress (the workers are stopped mid-parse); open then throws. */
  signal?: AbortSignal;
  maxFileBytes?: number;
  /** Watch for changes after indexing (default true; the CLI's one-shot commands pass false). */
  watch?: boolean;
  onProgress?: (event: VaultEvent) => void;
  /** Advanced: watcher timings and test seams. */
  watcherOptions?: VaultWatcherOptions;
  /**
   * Default true: open resolves once the index matches the disk. false (the apps): with a
   * complete parse cache, open resolves as soon as the graph is built from it, and the folder
   * scan that checks for changes made while the vault was closed is applied afterwards as
   * ordinary change events (`settled()` waits for it).
   */
  awaitDiskCheck?: boolean;
  /** Longest one search may run before it is stopped with an error (default 5 s). */
  searchTimeoutMs?: number;
  /** File recovery (snapshots/): where its store lives and whether versions are taken. Default none. */
  snapshots?: VaultSnapshotOptions | null;
  /**
   * Where the vault's files live (the storage port, files/vault-fs.ts); default the disk. A
   * MemoryVaultFs opens a vault held in memory: it is parsed in-thread (`workers` is ignored).
   */
  fs?: VaultFs;
}

type Listener = (event: VaultEvent) => void;

const PROGRESS_INTERVAL_MS = 100;
const CACHE_SAVE_DELAY_MS = 5_000;

export class VaultService {
  readonly graph = new VaultGraph();
  private readonly listeners = new Set<Listener>();
  private readonly searchIndex = new SearchIndex();
  private readonly ownWrites = new OwnWrites();
  private readonly renames = new RenamePairer();
  private state!: VaultState;
  private status: IndexStatus = { state: 'indexing', done: 0, total: 0 };
  private watcher: VaultFsWatch | null = null;
  private watching: Promise<void> = Promise.resolve();
  private searchReady: Promise<void> = Promise.resolve();
  /** The deferred comparison of the cache with the disk (see awaitDiskCheck); resolved when none. */
  private diskCheck: Promise<void> = Promise.resolve();
  private batchQueue: Promise<void> = Promise.resolve();
  private readonly cacheWriter: CacheWriter | null;
  /** File recovery's recorder (null: no snapshots); the note writer reaches it through the service. */
  snapshots: SnapshotRecorder | null = null;
  /** Keeping every note's text in the snapshot store after indexing (background). */
  private baselining: Promise<void> = Promise.resolve();
  private closed = false;
  private searchTimeoutMs = DEFAULT_SEARCH_TIMEOUT_MS;

  private constructor(
    /** The vault folder as given (absolute), shown to the user. */
    readonly root: string,
    /** Its real path: every containment check and file access uses this. */
    readonly realRoot: string,
    private readonly pool: ParsePool,
    private readonly maxFileBytes: number,
    private readonly cacheFile: string | null,
    /** The storage port every access to the vault's files goes through (the note writer's too). */
    readonly fs: VaultFs,
  ) {
    this.cacheWriter =
      cacheFile === null
        ? null
        : new CacheWriter(
            cacheFile,
            realRoot,
            () => ({ state: this.state, graph: this.graph }),
            (message) => this.notice(message),
          );
  }

  /** Opens and indexes a vault. Throws VaultOpenError when the folder is missing or not a folder. */
  static async open(root: string, options: VaultServiceOptions = {}): Promise<VaultService> {
    const io = options.fs ?? nodeVaultFs;
    const absolute = path.resolve(root);
    const realRoot = await validateRoot(absolute, io);
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const cacheFile = cacheDir === null ? null : cacheFileFor(cacheDir, realRoot);
    let service: VaultService | null = null;
    const pool = new ParsePool({
      // Workers read the disk themselves; a vault held elsewhere is parsed on this thread.
      size: io.onDisk ? options.workers : 0,
      fs: io,
      parseBudgetMs: options.parseBudgetMs,
      parserModule: options.parserModule,
      onWarning: (message) => service?.notice(message),
    });
    service = new VaultService(absolute, realRoot, pool, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, cacheFile, io);
    const opened = service;
    if (options.snapshots) {
      // Loaded only when asked for: the CLI never takes snapshots, and their store brings in zlib.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, as said above
      const { createVaultSnapshots } = require('./snapshots/vault-snapshots') as typeof import('./snapshots/vault-snapshots');
      opened.snapshots = createVaultSnapshots(
        realRoot,
        options.snapshots,
        () => opened.state,
        (message) => opened.notice(message),
        io,
      );
    }
    // Closing the pool fails the parses in progress, so indexing stops at once.
    const abort = () => void pool.close();
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.searchTimeoutMs !== undefined) service.searchTimeoutMs = options.searchTimeoutMs;
    try {
      if (options.signal?.aborted) throw new Error('opening the vault was stopped');
      await service.index(options.onProgress, options.awaitDiskCheck !== false);
      if (options.signal?.aborted) throw new Error('opening the vault was stopped');
      // The watcher's own start (chokidar lists every file and folder: seconds on a 10k-note
      // vault) runs after open returns, so the vault is usable as soon as it is indexed; a
      // rescan once the watch is in place catches anything that changed meanwhile.
      if (options.watch !== false) service.watching = service.startWatching(options.watcherOptions);
    } catch (error) {
      await service.close();
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
    return service;
  }

  private async index(onProgress: ((event: VaultEvent) => void) | undefined, awaitDiskCheck: boolean): Promise<void> {
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
    const outcome = await indexVault(this.realRoot, {
      pool: this.pool,
      graph: this.graph,
      maxFileBytes: this.maxFileBytes,
      cacheFile: this.cacheFile,
      onProgress: progress,
      deferDiskCheck: !awaitDiskCheck,
      fs: this.fs,
    });
    this.state = outcome.state;
    this.status = { state: 'ready', notes: outcome.state.notes.size, links: this.graph.linkCount(), ms: Math.round(performance.now() - started) };
    const ready: VaultEvent = { type: 'status', status: this.status };
    onProgress?.(ready);
    this.emit(ready);
    if (outcome.cacheDirty) this.cacheWriter?.schedule(0);
    if (outcome.diskCheck !== null) this.diskCheck = this.checkDisk(outcome.diskCheck);
    this.searchReady = this.buildSearchIndex();
    // After the search index, so the two background passes over the notes do not compete.
    const recorder = this.snapshots;
    if (recorder !== null) this.baselining = this.searchReady.then(() => recorder.baseline(this.noteHashes()));
  }

  private *noteHashes(): Iterable<[VaultPath, string]> {
    for (const [vaultPath, entry] of this.state.notes) yield [vaultPath, entry.hash];
  }

  /** Files changed, added or removed while the vault was closed go through the usual watcher path. */
  private async checkDisk(scanning: Promise<ScanResult>): Promise<void> {
    let scan: ScanResult;
    try {
      scan = await scanning;
    } catch (error) {
      if (!this.closed) this.notice(`Could not check the vault for changes made while it was closed (${describeError(error)}); reopen it to see them.`);
      return;
    }
    if (this.closed) return;
    for (const report of scan.reports) this.state.fileReports.set(report.path, report);
    const changed = this.state.changedSince(scan);
    if (changed.length > 0) this.enqueueBatch({ paths: changed, removedDirs: [] });
  }

  private async startWatching(watcherOptions: VaultWatcherOptions = {}): Promise<void> {
    const watcher = this.fs.watch(
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
      this.emit({
        type: 'vault-error',
        message: `Cannot watch the vault for changes (${describeError(error)}); reopen it to see changes made outside Plexus.`,
      });
      return;
    }
    if (this.closed) return;
    try {
      // After the deferred disk check is applied, so the catch-up does not see its changes again.
      await this.diskCheck;
      await this.batchQueue;
      await this.catchUpWithDisk();
    } catch (error) {
      this.notice(`Could not check for changes made while the vault was opening (${describeError(error)}).`);
    }
  }

  /** Files that changed between the index's scan and the watch taking hold go through the usual watcher path. */
  private async catchUpWithDisk(): Promise<void> {
    const changed = this.state.changedSince(await scanVault(this.realRoot, this.fs));
    if (changed.length > 0) this.enqueueBatch({ paths: changed, removedDirs: [] });
  }

  /** Resolves once the watcher is in place and has caught up with the disk (or failed to start and said so). */
  async whenWatching(): Promise<void> {
    await this.diskCheck;
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
            snapshots: this.snapshots,
            emit: (event) => this.emit(event),
          },
          batch,
        );
        this.cacheWriter?.schedule(CACHE_SAVE_DELAY_MS);
        this.refreshCounts();
      } catch (error) {
        // Closing stops parses mid-batch; that is no failure to report.
        if (this.closed) return;
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
    await this.diskCheck;
    await this.watching;
    await this.batchQueue;
  }

  /** Resolves when file recovery has stored the notes' texts read at open and every version taken so far (tests, benches). */
  async snapshotsSettled(): Promise<void> {
    await this.baselining;
    await this.snapshots?.flushed();
  }

  /** The writer announces its own writes (hash of the new bytes) and removals (null) before making them. */
  expectOwnWrite(vaultPath: VaultPath, hash: string | null): void {
    this.ownWrites.expect(vaultPath, hash);
  }

  /**
   * The writer's own changes, applied before its create/rename call returns, so the read that
   * follows finds them (the watcher's echo comes tens of ms later). They go through the batch
   * queue like the watcher's batches; the echo then finds size and mtime unchanged and is
   * skipped, and the hashes announced by expectOwnWrite keep ours from counting as outside changes.
   */
  async indexOwnWrites(paths: VaultPath[]): Promise<void> {
    this.enqueueBatch({ paths, removedDirs: [] });
    await this.batchQueue;
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

  /** Notes indexed in safe mode because their full parse ran over the budget or crashed, with why. */
  safeModeNotes(): { path: VaultPath; reason: string }[] {
    return this.state.safeModeNotes();
  }

  /** Skipped and problem files (unreadable, too large, invalid UTF-8, escaping symlinks) and cache/watch notices. */
  reports(): FileReport[] {
    return this.state.reports();
  }

  async search(query: string): Promise<Result<SearchResults>> {
    await this.searchReady;
    return runSearch(query, {
      index: this.searchIndex,
      notePaths: () => this.state.notes.keys(),
      note: (vaultPath) => this.state.notes.get(vaultPath)?.parsed,
      text: (vaultPath) => this.currentText(vaultPath),
      timeoutMs: this.searchTimeoutMs,
    });
  }

  /** Notes whose body contains every word of `phrase` (waits for the search index). */
  async notesContaining(phrase: string): Promise<VaultPath[]> {
    await this.searchReady;
    return this.searchIndex.notesContaining(phrase);
  }

  /** A note's current text from disk, or null when it cannot be read. */
  currentText(vaultPath: VaultPath): string | null {
    const read = readVaultFile(toAbsolutePath(this.realRoot, vaultPath), vaultPath, { maxFileBytes: this.maxFileBytes, fs: this.fs });
    return read.ok ? read.value.text : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const watcher = this.watcher;
    this.watcher = null;
    // The pool first: it stops a parse in progress (which may take up to the budget, or
    // forever in-thread) instead of waiting for it, so closing is prompt.
    await this.pool.close();
    if (watcher !== null) await watcher.close();
    await this.watching;
    await this.batchQueue;
    await this.searchReady;
    await this.diskCheck;
    await this.snapshots?.close();
    await this.baselining;
    await this.cacheWriter?.close();
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
  private buildSearchIndex(): Promise<void> {
    return fillSearchIndex(this.searchIndex, [...this.state.notes.keys()], {
      stopped: () => this.closed,
      note: (vaultPath) => this.state.notes.get(vaultPath)?.parsed,
      text: (vaultPath) => this.currentText(vaultPath),
    });
  }
}
