/**
 * The memory adapter's watch: the vault paths touched, collected until `quietMs` passes without
 * another change (as VaultWatcher does with chokidar's events), then handed out as one batch.
 */
import * as path from 'node:path';
import type { VaultWatcherHandlers, VaultWatcherOptions } from '../watch/vault-watcher';
import type { Change } from './memory-fs-nodes';
import { isIgnoredVaultPath, slashedFromOsRelative } from './vault-files';
import type { VaultFsWatch } from './vault-fs';

export class MemoryWatch implements VaultFsWatch {
  private pending = new Set<string>();
  private removedDirs = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stop: (() => void) | null = null;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly root: string,
    private readonly handlers: VaultWatcherHandlers,
    private readonly options: VaultWatcherOptions,
    private readonly subscribe: (listener: (change: Change) => void) => () => void,
  ) {}

  async start(): Promise<void> {
    this.stop = this.subscribe((change) => this.onChange(change));
  }

  async close(): Promise<void> {
    this.stop?.();
    this.stop = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.release();
  }

  /** Resolves when no change is waiting to be handed out. */
  delivered(): Promise<void> {
    if (this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private onChange({ abs, event }: Change): void {
    if (abs === this.root) {
      if (event === 'unlinkDir') void this.close().then(() => this.handlers.onVaultError('the vault folder was deleted or moved'));
      return;
    }
    if (!abs.startsWith(`${this.root === '/' ? '' : this.root}/`)) return;
    const vaultPath = slashedFromOsRelative(path.posix.relative(this.root, abs));
    if (isIgnoredVaultPath(vaultPath)) return;
    (event === 'unlinkDir' ? this.removedDirs : this.pending).add(vaultPath);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.quietMs ?? 20);
  }

  private flush(): void {
    this.timer = null;
    if (this.stop === null || (this.pending.size === 0 && this.removedDirs.size === 0)) return this.release();
    const batch = { paths: [...this.pending], removedDirs: [...this.removedDirs] };
    this.pending = new Set();
    this.removedDirs = new Set();
    this.handlers.onBatch(batch);
    this.release();
  }
}
