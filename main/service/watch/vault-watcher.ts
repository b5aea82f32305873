/**
 * Watches a vault with chokidar and hands out batches of touched paths: events are collected
 * until the vault is quiet for `quietMs` (at most `maxWaitMs`), so a git checkout of thousands
 * of files arrives as a few batches. A lone event after a quiet spell (an edit saved in another
 * program) waits only `leadQuietMs`: a second event within it makes the batch a burst's again. The batch says only *which* paths changed; the service
 * stats them to learn what they are now, which makes editors' atomic saves (temp file + rename
 * over the target) a plain change of the target, and short-lived temp files simply vanish.
 *
 * inotify exhaustion (ENOSPC/EMFILE) restarts the watcher in polling mode; the vault folder
 * itself disappearing (deleted or renamed) is a vault error and stops the watcher.
 */
import { watch, type ChokidarOptions } from 'chokidar';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, errorCode } from '../file-reports';
import { slashedFromOsRelative } from '../files/vault-files';
import { ignoredUnder } from './watch-ignore';
import type { WorkerWatchOptions } from './watch-worker';
import { WATCH_WORKER_LOST, WorkerChokidar, watchWorkerScript, type WatchSource } from './worker-chokidar';

export interface WatchBatch {
  /**
   * Files (and folders) that saw any event, relative to the vault root with '/'; the receiver
   * stats them and checks each name as the scan does (a name the API cannot open is reported).
   */
  paths: string[];
  /** Folders that were removed: every known file below them must be re-checked. */
  removedDirs: string[];
}

export interface VaultWatcherHandlers {
  onBatch(batch: WatchBatch): void;
  /** The vault folder is gone or unusable; the watcher has stopped. */
  onVaultError(message: string): void;
  /** Something the user should know (fell back to polling, permission denied). */
  onNotice(message: string): void;
}

/** When the index is compared with the disk for what the watcher missed (reconciler.ts); here, with the watcher's options, so the storage port's types do not import the reconciler. */
export interface ReconcileTiming {
  /** A pass this long after the last watcher activity. */
  afterActivityMs?: number;
  /** A pass at least this often. */
  everyMs?: number;
}

export interface VaultWatcherOptions {
  quietMs?: number;
  /** How long the first event after `IDLE_BEFORE_LEAD_MS` without any waits for a second one (see schedule). */
  leadQuietMs?: number;
  maxWaitMs?: number;
  usePolling?: boolean;
  /** How often the vault folder's existence is checked. */
  rootCheckMs?: number;
  /** When the index is compared with the disk for what the watcher missed (reconciler.ts). */
  reconcile?: ReconcileTiming;
  /** How long after a file's change event it is looked at again (chokidar drops a repeat change within ~50 ms). */
  secondLookMs?: number;
  /**
   * chokidar runs in a worker thread (default true; worker-chokidar.ts), so its folder listings
   * do not hold the main thread's event loop; on the main thread when false, when the worker's
   * script is not there, or after the worker stopped.
   */
  inWorker?: boolean;
  /** Injection point for tests (e.g. to raise ENOSPC); runs on the main thread. */
  createWatcher?: (root: string, options: ChokidarOptions) => WatchSource;
}

/** Without events this long, the next one is taken for a lone edit rather than a burst's next event. */
const IDLE_BEFORE_LEAD_MS = 100;

export class VaultWatcher {
  private watcher: WatchSource | null = null;
  private pending = new Set<string>();
  private removedDirs = new Set<string>();
  private quietTimer: NodeJS.Timeout | null = null;
  /** chokidar's events gathered into the batch in the making, and when the latest came. */
  private batchEvents = 0;
  private lastEventAt = -Infinity;
  private maxTimer: NodeJS.Timeout | null = null;
  private rootTimer: NodeJS.Timeout | null = null;
  private secondLook = new Map<string, number>();
  private secondLookTimer: NodeJS.Timeout | null = null;
  private rootIno: number | null = null;
  private polling: boolean;
  private inWorker: boolean;
  private readonly isIgnored: (absolute: string) => boolean;
  private closed = false;
  private stopWaiting: (() => void) | null = null;

  constructor(
    private readonly realRoot: string,
    private readonly handlers: VaultWatcherHandlers,
    private readonly options: VaultWatcherOptions = {},
  ) {
    this.polling = options.usePolling ?? false;
    this.inWorker = options.inWorker ?? true;
    this.isIgnored = ignoredUnder(realRoot);
  }

  /** True while chokidar runs in its worker thread. */
  get isInWorker(): boolean {
    return this.watcher instanceof WorkerChokidar;
  }

  get isPolling(): boolean {
    return this.polling;
  }

  /** Resolves once the initial watch is in place. */
  async start(): Promise<void> {
    this.rootIno = fs.statSync(this.realRoot).ino;
    // Ready when some chokidar instance is (a fallback to polling during start replaces the
    // first one), or when closed: a close during start must not leave this waiting forever.
    const ready = new Promise<void>((resolve) => {
      this.stopWaiting = resolve;
    });
    this.startChokidar();
    await ready;
    if (this.closed) return;
    this.rootTimer = setInterval(() => this.checkRoot(), this.options.rootCheckMs ?? 1000);
    this.rootTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWaiting?.();
    for (const timer of [this.quietTimer, this.maxTimer, this.secondLookTimer]) if (timer !== null) clearTimeout(timer);
    if (this.rootTimer !== null) clearInterval(this.rootTimer);
    this.quietTimer = this.maxTimer = this.rootTimer = this.secondLookTimer = null;
    const watcher = this.watcher;
    this.watcher = null;
    if (watcher !== null) await watcher.close();
  }

  private startChokidar(): void {
    const options: WorkerWatchOptions = {
      ignoreInitial: true,
      // Links are followed by the scanner only when they stay inside the vault; the watcher does not follow them.
      followSymlinks: false,
      usePolling: this.polling,
      interval: 300,
      binaryInterval: 600,
    };
    const script = this.inWorker && this.options.createWatcher === undefined ? watchWorkerScript() : null;
    const watcher: WatchSource =
      script !== null
        ? new WorkerChokidar(script, { root: this.realRoot, options })
        : (this.options.createWatcher ?? watch)(this.realRoot, { ...options, ignored: this.isIgnored });
    this.watcher = watcher;
    watcher.on('all', (event: string, absolute: string) => this.onEvent(event, absolute));
    watcher.on('error', (error: unknown) => void this.onError(error));
    watcher.once('ready', () => this.stopWaiting?.());
  }

  private onEvent(event: string, absolute: string): void {
    if (this.closed) return;
    const relative = path.relative(this.realRoot, absolute);
    if (relative === '') {
      if (event === 'unlinkDir') this.failVault('the vault folder was deleted or moved');
      return;
    }
    const vaultPath = slashedFromOsRelative(relative);
    if (event === 'unlinkDir') this.removedDirs.add(vaultPath);
    else if (event !== 'addDir') this.pending.add(vaultPath);
    if (event === 'change' || event === 'add') this.lookAgain(vaultPath);
    const now = Date.now();
    const lone = this.batchEvents === 0 && now - this.lastEventAt >= IDLE_BEFORE_LEAD_MS;
    this.lastEventAt = now;
    this.batchEvents++;
    this.schedule(lone ? (this.options.leadQuietMs ?? 10) : undefined);
  }

  /**
   * chokidar drops a second `change` of a file within ~50 ms of the first, so a quick second
   * in-place write would go unseen until the next reconciliation pass. The path goes into a
   * batch once more a little later; the receiver stats it, and an unchanged size and mtime cost
   * nothing more.
   */
  private lookAgain(vaultPath: string): void {
    // Each path's look is due a while after its own latest event, not after the first of a group.
    this.secondLook.set(vaultPath, Date.now() + (this.options.secondLookMs ?? 80));
    if (this.secondLookTimer === null) this.armSecondLook();
  }

  private armSecondLook(): void {
    let next = Infinity;
    for (const due of this.secondLook.values()) next = Math.min(next, due);
    if (next === Infinity) return;
    this.secondLookTimer = setTimeout(
      () => {
        this.secondLookTimer = null;
        if (this.closed) return;
        const now = Date.now();
        for (const [p, due] of this.secondLook) {
          if (due > now) continue;
          this.pending.add(p);
          this.secondLook.delete(p);
        }
        if (this.pending.size > 0) this.schedule();
        this.armSecondLook();
      },
      Math.max(0, next - Date.now()),
    );
  }

  /**
   * The quiet spell a batch waits for. A lone edit needs none (its path is stat'ed when applied,
   * so nothing is lost by going early), while a burst's next event is usually less than the
   * full `quietMs` away; any event after the first gets that full wait again, so a burst is
   * still batched, and an editor's atomic save (its events within a millisecond or two) stays one batch.
   */
  private schedule(quietMs: number = this.options.quietMs ?? 40): void {
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flush(), quietMs);
    if (this.maxTimer === null) this.maxTimer = setTimeout(() => this.flush(), this.options.maxWaitMs ?? 200);
  }

  private flush(): void {
    for (const timer of [this.quietTimer, this.maxTimer]) if (timer !== null) clearTimeout(timer);
    this.quietTimer = this.maxTimer = null;
    this.batchEvents = 0;
    if (this.closed || (this.pending.size === 0 && this.removedDirs.size === 0)) return;
    const batch: WatchBatch = { paths: [...this.pending], removedDirs: [...this.removedDirs] };
    this.pending = new Set();
    this.removedDirs = new Set();
    this.handlers.onBatch(batch);
  }

  private async onError(error: unknown): Promise<void> {
    if (this.closed) return;
    const code = errorCode(error);
    if (code === WATCH_WORKER_LOST && this.inWorker) {
      // Watching goes on here; what changed while no watch ran is found by the next reconciliation pass.
      this.inWorker = false;
      this.handlers.onNotice(`The file watcher's worker thread stopped (${describeError(error)}); watching the vault on the main thread instead.`);
      await this.restart();
      return;
    }
    if ((code === 'ENOSPC' || code === 'EMFILE') && !this.polling) {
      this.polling = true;
      this.handlers.onNotice(
        `The system limit on file watchers was reached (${code}); watching this vault by polling instead, which is slower. ` +
          'Raising fs.inotify.max_user_watches restores instant updates.',
      );
      await this.restart();
      return;
    }
    if (code === 'EACCES' || code === 'EPERM') {
      this.handlers.onNotice(`Permission denied while watching the vault: ${describeError(error)}`);
      return;
    }
    this.handlers.onNotice(`File watcher error: ${describeError(error)}`);
  }

  private async restart(): Promise<void> {
    const old = this.watcher;
    this.watcher = null;
    if (old !== null) await old.close();
    if (!this.closed) this.startChokidar();
  }

  private checkRoot(): void {
    if (this.closed) return;
    fs.stat(this.realRoot, (error, stats) => {
      if (this.closed) return;
      if (error) this.failVault(`the vault folder is no longer available (${describeError(error)})`);
      else if (!stats.isDirectory() || stats.ino !== this.rootIno) this.failVault('the vault folder was replaced or moved');
    });
  }

  private failVault(message: string): void {
    if (this.closed) return;
    void this.close().then(
      () => this.handlers.onVaultError(message),
      (error) => this.handlers.onVaultError(`${message}; closing the watcher failed: ${describeError(error)}`),
    );
  }
}
