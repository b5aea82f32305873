/**
 * Stat-only reconciliation: compares the files the index knows (size and mtime) with the disk,
 * through the VaultFs port, and hands the paths that differ (changed or gone) to the batch queue,
 * with the entries on disk the index does not hold yet (new files, new folders: folder-listing.ts
 * re-lists only the folders whose mtime changed).
 * It covers what the watcher can miss: chokidar drops a repeat `change` of a file within ~50 ms
 * of the previous one, and the polling watcher never sees a hard-linked file leave. A pass runs
 * shortly after watcher activity, at a steady interval, and on demand. The stats are async and
 * nothing waits on a pass but `reconcile()`'s caller, so a save is never held up by one.
 */
import type { VaultPath } from '../../core/types';
import { errorCode } from '../file-reports';
import type { VaultFs } from '../files/vault-fs';
import { toAbsolutePath } from '../files/vault-files';
import { FolderListing } from './folder-listing';
import type { ReconcileTiming } from './vault-watcher';

export interface ReconcilerHost {
  readonly realRoot: string;
  readonly fs: Pick<VaultFs, 'stat' | 'lstat' | 'readdir' | 'realpath'>;
  /** What the index holds of each known file. */
  known(): Iterable<[VaultPath, { size: number; mtimeMs: number }]>;
  /**
   * The paths the index has a report for (not indexed on purpose): not handed out again as new,
   * but handed out once gone, so the batch path drops a report the watcher never saw go.
   */
  reported?(): Iterable<string>;
  /** Paths that differ from the index, for the usual batch path (which stats them again). */
  enqueue(paths: string[]): void;
  isClosed(): boolean;
}

export class Reconciler {
  private activityTimer: ReturnType<typeof setTimeout> | null = null;
  private everyTimer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<string[]> | null = null;
  private again = false;
  private stopped = false;
  private readonly listing: FolderListing;

  constructor(
    private readonly host: ReconcilerHost,
    private readonly timing: ReconcileTiming = {},
  ) {
    this.listing = new FolderListing(host.realRoot, host.fs);
  }

  start(): void {
    if (this.stopped || this.everyTimer !== null) return;
    this.everyTimer = setInterval(() => void this.reconcile(), this.timing.everyMs ?? 30_000);
    this.everyTimer.unref?.();
  }

  /** Watcher activity: a pass follows once things have been quiet for `afterActivityMs`. */
  activity(): void {
    if (this.stopped) return;
    if (this.activityTimer !== null) clearTimeout(this.activityTimer);
    this.activityTimer = setTimeout(() => {
      this.activityTimer = null;
      void this.reconcile();
    }, this.timing.afterActivityMs ?? 1000);
    this.activityTimer.unref?.();
  }

  /** One pass (or the running one, followed by another): resolves with the paths it found differing or new. */
  async reconcile(): Promise<string[]> {
    if (this.running !== null) {
      // A pass already running may have stat'ed a file before the change that asked for this one.
      this.again = true;
      return this.running;
    }
    this.running = this.pass();
    try {
      return await this.running;
    } finally {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.reconcile();
      }
    }
  }

  /** Resolves once no pass is running. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.activityTimer !== null) clearTimeout(this.activityTimer);
    if (this.everyTimer !== null) clearInterval(this.everyTimer);
    this.activityTimer = this.everyTimer = null;
  }

  private async pass(): Promise<string[]> {
    if (this.stopped || this.host.isClosed()) return [];
    // A copy: the index changes while the stats are awaited.
    const known = [...this.host.known()].map(([p, e]) => ({ path: p, size: e.size, mtimeMs: e.mtimeMs }));
    const differing: string[] = [];
    for (const entry of known) {
      if (this.stopped || this.host.isClosed()) return [];
      try {
        const stats = await this.host.fs.stat(toAbsolutePath(this.host.realRoot, entry.path));
        if (!stats.isFile() || stats.size !== entry.size || stats.mtimeMs !== entry.mtimeMs) differing.push(entry.path);
      } catch (error) {
        // Gone, or unreadable: either way the batch path decides and reports.
        if (errorCode(error) !== undefined) differing.push(entry.path);
        else throw error;
      }
    }
    const reported = [...(this.host.reported?.() ?? [])].filter((p) => p !== '');
    for (const reportedPath of reported) {
      if (this.stopped || this.host.isClosed()) return [];
      if (await this.isGone(reportedPath)) differing.push(reportedPath);
    }
    const cancelled = (): boolean => this.stopped || this.host.isClosed();
    const knownPaths = new Set([...known.map((entry) => entry.path), ...reported]);
    const isKnown = (p: string): boolean => knownPaths.has(p);
    differing.push(...(await this.listing.unknownEntries(isKnown, cancelled)));
    // A known note with a report (invalid UTF-8) that went is found twice.
    const unique = [...new Set(differing)];
    if (unique.length > 0 && !this.stopped && !this.host.isClosed()) this.host.enqueue(unique);
    return unique;
  }

  /** The entry itself (lstat: a broken link is still there, and keeps its report). */
  private async isGone(vaultPath: string): Promise<boolean> {
    try {
      await this.host.fs.lstat(toAbsolutePath(this.host.realRoot, vaultPath));
      return false;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return true;
      if (code !== undefined) return false;
      throw error;
    }
  }
}
