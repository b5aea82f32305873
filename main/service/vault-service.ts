/**
 * One open vault: indexes it (parse cache + worker pool), keeps the graph, file list and
 * full-text index current from the watcher, answers reads, and pushes VaultEvents.
 */
import * as path from 'node:path';
import type { FileEntry, IndexStatus, NoteContent, NoteMeta, Result, SearchResults, VaultEvent } from '../contract/api-contract';
import { VaultGraph } from '../core/graph/vault-graph';
import type { VaultPath } from '../core/types';
import { cacheFileFor, defaultCacheDir } from './cache/cache-dir';
import type { FileReport } from './file-reports';
import { indexVault } from './index/index-vault';
import { OwnWrites } from './write/own-writes';
import { CacheWriter } from './cache/cache-writer';
import { IndexStatusFeed } from './index/index-status';
import { ParsePool } from './index/parse-pool';
import { DEFAULT_MAX_FILE_BYTES, readVaultFile } from './files/read-vault-file';
import { RenamePairer } from './watch/rename-pairer';
import { VaultSearch } from './search/vault-search';
import type { SnapshotRecorder } from './snapshots/snapshot-recorder';
import { loadVaultSnapshots } from './snapshots/load-vault-snapshots';
import { validateRoot } from './files/validate-root';
import { nodeVaultFs } from './files/node-vault-fs';
import type { VaultFs } from './files/vault-fs';
import { toAbsolutePath } from './files/vault-files';
import { noteMeta, readNote } from './files/vault-reads';
import type { VaultState } from './vault-state';
import { VaultChanges } from './watch/vault-changes';
import type { VaultServiceOptions } from './vault-service-options';

export type { VaultServiceOptions } from './vault-service-options';

type Listener = (event: VaultEvent) => void;

const CACHE_SAVE_DELAY_MS = 5_000;

export class VaultService {
  readonly graph = new VaultGraph();
  private readonly listeners = new Set<Listener>();
  private readonly unheard: VaultEvent[] = [];
  private readonly fullText = new VaultSearch({
    notePaths: () => this.state.notes.keys(),
    note: (vaultPath) => this.state.notes.get(vaultPath)?.parsed,
    text: (vaultPath) => this.currentText(vaultPath),
    stopped: () => this.closed,
    notice: (message) => this.notice(message),
  });
  private readonly ownWrites = new OwnWrites();
  private readonly renames = new RenamePairer();
  private state!: VaultState;
  private readonly status = new IndexStatusFeed((event) => this.emit(event));
  /** The deferred disk check, the watcher and the writer's own changes, applied through one queue. */
  private readonly changes: VaultChanges;
  private readonly cacheWriter: CacheWriter | null;
  /** File recovery's recorder (null: no snapshots); the note writer reaches it through the service. */
  snapshots: SnapshotRecorder | null = null;
  /** Keeping every note's text in the snapshot store after indexing (background). */
  private baselining: Promise<void> = Promise.resolve();
  private closed = false;

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
    this.changes = new VaultChanges({
      realRoot,
      fs,
      isClosed: () => this.closed,
      state: () => this.state,
      batchContext: () => ({
        state: this.state,
        graph: this.graph,
        search: this.fullText.index,
        pool: this.pool,
        maxFileBytes: this.maxFileBytes,
        ownWrites: this.ownWrites,
        renames: this.renames,
        snapshots: this.snapshots,
        emit: (event) => this.emit(event),
      }),
      afterBatch: () => {
        this.cacheWriter?.schedule(CACHE_SAVE_DELAY_MS);
        this.status.refresh(this.state.notes.size, this.graph.linkCount());
      },
      emit: (event) => this.emit(event),
      notice: (message) => this.notice(message),
    });
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
      keepWarm: options.watch === false ? 0 : 1,
      onWarning: (message) => service?.notice(message),
    });
    service = new VaultService(absolute, realRoot, pool, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, cacheFile, io);
    const opened = service;
    if (options.snapshots) {
      opened.snapshots = loadVaultSnapshots(
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
    if (options.searchTimeoutMs !== undefined) service.fullText.timeoutMs = options.searchTimeoutMs;
    try {
      if (options.signal?.aborted) throw new Error('opening the vault was stopped');
      await service.index(options.onProgress, options.awaitDiskCheck !== false);
      if (options.signal?.aborted) throw new Error('opening the vault was stopped');
      // The watcher starts after open returns (chokidar lists every file: seconds at 10k), so the vault is usable once
      // indexed; a rescan once the watch is in place catches what changed meanwhile.
      if (options.watch !== false) service.changes.watch(options.watcherOptions);
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
    const outcome = await indexVault(this.realRoot, {
      pool: this.pool,
      graph: this.graph,
      maxFileBytes: this.maxFileBytes,
      cacheFile: this.cacheFile,
      onProgress: this.status.progress(onProgress),
      deferDiskCheck: !awaitDiskCheck,
      fs: this.fs,
    });
    this.state = outcome.state;
    this.status.ready(outcome.state.notes.size, this.graph.linkCount(), Math.round(performance.now() - started), onProgress);
    if (outcome.cacheDirty) this.cacheWriter?.schedule(0);
    const checked = outcome.diskCheck === null ? undefined : this.changes.checkDisk(outcome.diskCheck);
    const searchBuilt = this.fullText.build(checked);
    // After the search index, so the two background passes over the notes do not compete.
    const recorder = this.snapshots;
    if (recorder !== null) this.baselining = searchBuilt.then(() => recorder.baseline(this.noteHashes()));
  }

  private *noteHashes(): Iterable<[VaultPath, string]> {
    for (const [vaultPath, entry] of this.state.notes) yield [vaultPath, entry.hash];
  }

  /** Resolves once the watcher is in place and has caught up with the disk (or failed to start and said so). */
  async whenWatching(): Promise<void> {
    await this.changes.settled();
  }

  /** Compares the index with the disk now (stat only) and applies what the watcher missed; resolves with those paths. */
  async reconcile(): Promise<string[]> {
    return this.changes.reconcile();
  }

  /** Resolves when all watcher batches received so far are applied (tests, writers wanting a settled index). */
  async settled(): Promise<void> {
    await this.changes.settled();
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
    await this.changes.apply(paths);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    // Notices from before anyone listened (the cache writer's first write follows the open at once) go to the first listener.
    for (const event of this.unheard.splice(0)) queueMicrotask(() => listener(event));
    return () => this.listeners.delete(listener);
  }

  getStatus(): IndexStatus {
    return this.status.current;
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

  /** Reads take checked paths (toVaultPath, at the API's edge): the index is never asked about a raw string. */
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

  search(query: string): Promise<Result<SearchResults>> {
    return this.fullText.search(query);
  }

  /** Notes whose body contains every word of `phrase` (waits for the search index). */
  notesContaining(phrase: string): Promise<VaultPath[]> {
    return this.fullText.notesContaining(phrase);
  }

  /** A note's current text from disk, or null when it cannot be read. */
  currentText(vaultPath: VaultPath): string | null {
    const read = readVaultFile(toAbsolutePath(this.realRoot, vaultPath), vaultPath, { maxFileBytes: this.maxFileBytes, fs: this.fs });
    return read.ok ? read.value.text : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The pool first: it stops a parse in progress (which may take up to the budget, or
    // forever in-thread) instead of waiting for it, so closing is prompt.
    await this.pool.close();
    await this.changes.close();
    await this.fullText.built();
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
    if (this.listeners.size === 0 && this.unheard.length < 20) this.unheard.push({ type: 'notice', message });
    this.emit({ type: 'notice', message });
  }
}
