/**
 * How changes on disk reach an open vault's index: the deferred disk check (changes made while
 * the vault was closed), the watcher's batches, the catch-up scan once the watch holds, and the
 * writer's own changes. All go through one queue, so batches are applied one at a time and in
 * the order they came.
 */
import type { VaultEvent } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { describeError } from '../file-reports';
import type { VaultFs, VaultFsWatch } from '../files/vault-fs';
import { scanVault, type ScanResult } from '../index/scan-vault';
import type { VaultState } from '../vault-state';
import { applyWatchBatch, type BatchContext } from './apply-watch-batch';
import { Reconciler } from './reconciler';
import type { VaultWatcherOptions, WatchBatch } from './vault-watcher';

/** What the queue needs of the open vault (the service). */
export interface VaultChangesHost {
  readonly realRoot: string;
  readonly fs: VaultFs;
  /** True once the vault is closing: nothing more is applied or reported. */
  isClosed(): boolean;
  /** The state of the moment (set once indexing is done). */
  state(): VaultState;
  /** What applyWatchBatch works on, for the next batch. */
  batchContext(): BatchContext;
  /** After each applied batch (the cache save, the status counts). */
  afterBatch(): void;
  emit(event: VaultEvent): void;
  notice(message: string): void;
}

export class VaultChanges {
  private watcher: VaultFsWatch | null = null;
  private watching: Promise<void> = Promise.resolve();
  /** The deferred comparison of the cache with the disk (see awaitDiskCheck); resolved when none. */
  private diskCheck: Promise<void> = Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  private reconciler: Reconciler | null = null;

  constructor(private readonly host: VaultChangesHost) {}

  /**
   * A stat-only comparison of the index with the disk, for what the watcher missed (see
   * reconciler.ts); resolves once what it found is applied. Also runs by itself once watching.
   */
  async reconcile(): Promise<string[]> {
    if (this.reconciler === null) return [];
    const differing = await this.reconciler.reconcile();
    await this.queue;
    return differing;
  }

  /** Files changed, added or removed while the vault was closed go through the usual watcher path. */
  checkDisk(scanning: Promise<ScanResult>): Promise<void> {
    this.diskCheck = this.applyDiskCheck(scanning);
    return this.diskCheck;
  }

  /** Starts the watch in the background; `settled()` waits for it and its catch-up. */
  watch(watcherOptions: VaultWatcherOptions = {}): void {
    this.watching = this.startWatching(watcherOptions);
  }

  enqueue(batch: WatchBatch): void {
    this.queue = this.queue.then(async () => {
      if (this.host.isClosed()) return;
      try {
        await applyWatchBatch(this.host.batchContext(), batch);
        this.host.afterBatch();
      } catch (error) {
        // Closing stops parses mid-batch; that is no failure to report.
        if (this.host.isClosed()) return;
        // The index may now lag behind the disk for these paths; say so rather than fail silently.
        this.host.notice(`Updating the index failed for ${batch.paths.length} changed path(s): ${describeError(error)}`);
      }
    });
  }

  /** Applies these paths through the queue and resolves once everything queued so far is applied. */
  async apply(paths: VaultPath[]): Promise<void> {
    this.enqueue({ paths, removedDirs: [] });
    this.reconciler?.activity();
    await this.queue;
  }

  /** Resolves once the disk check, the watch's start and catch-up, and every batch so far are applied. */
  async settled(): Promise<void> {
    await this.diskCheck;
    await this.watching;
    await this.queue;
  }

  /** Stops the watch and waits for what is in flight (call after `isClosed()` turned true). */
  async close(): Promise<void> {
    this.reconciler?.stop();
    const watcher = this.watcher;
    this.watcher = null;
    if (watcher !== null) await watcher.close();
    await this.watching;
    await this.queue;
    await this.diskCheck;
    await this.reconciler?.idle();
  }

  private async applyDiskCheck(scanning: Promise<ScanResult>): Promise<void> {
    let scan: ScanResult;
    try {
      scan = await scanning;
    } catch (error) {
      if (!this.host.isClosed()) {
        this.host.notice(`Could not check the vault for changes made while it was closed (${describeError(error)}); reopen it to see them.`);
      }
      return;
    }
    if (this.host.isClosed()) return;
    const state = this.host.state();
    for (const report of scan.reports) state.fileReports.set(report.path, report);
    const changed = state.changedSince(scan);
    if (changed.length > 0) this.enqueue({ paths: changed, removedDirs: [] });
  }

  private async startWatching(watcherOptions: VaultWatcherOptions): Promise<void> {
    const watcher = this.host.fs.watch(
      this.host.realRoot,
      {
        onBatch: (batch) => {
          this.enqueue(batch);
          this.reconciler?.activity();
        },
        onVaultError: (message) => this.host.emit({ type: 'vault-error', message }),
        onNotice: (message) => this.host.notice(message),
      },
      watcherOptions,
    );
    this.watcher = watcher;
    try {
      await watcher.start();
    } catch (error) {
      if (this.host.isClosed()) return;
      this.host.emit({
        type: 'vault-error',
        message: `Cannot watch the vault for changes (${describeError(error)}); reopen it to see changes made outside Plexus.`,
      });
      return;
    }
    if (this.host.isClosed()) return;
    this.startReconciler(watcherOptions);
    try {
      // After the deferred disk check is applied, so the catch-up does not see its changes again.
      await this.diskCheck;
      await this.queue;
      await this.catchUpWithDisk();
    } catch (error) {
      this.host.notice(`Could not check for changes made while the vault was opening (${describeError(error)}).`);
    }
  }

  private startReconciler(watcherOptions: VaultWatcherOptions): void {
    const timing = watcherOptions.reconcile ?? {};
    this.reconciler = new Reconciler(
      {
        realRoot: this.host.realRoot,
        fs: this.host.fs,
        known: () => this.host.state().files,
        reported: () => this.host.state().fileReports.keys(),
        enqueue: (paths) => this.enqueue({ paths, removedDirs: [] }),
        isClosed: () => this.host.isClosed(),
      },
      // Polling stats every file every few hundred ms anyway; a pass each second costs less and
      // closes its gap (a hard-linked file's removal) within a second.
      { afterActivityMs: timing.afterActivityMs, everyMs: timing.everyMs ?? (watcherOptions.usePolling ? 1000 : 30_000) },
    );
    this.reconciler.start();
  }

  /** Files that changed between the index's scan and the watch taking hold go through the usual watcher path. */
  private async catchUpWithDisk(): Promise<void> {
    const changed = this.host.state().changedSince(await scanVault(this.host.realRoot, this.host.fs));
    if (changed.length > 0) this.enqueue({ paths: changed, removedDirs: [] });
  }
}
