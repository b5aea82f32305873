/** How a vault is opened (`VaultService.open(root, options)`). */
import type { VaultEvent } from '../contract/api-contract';
import type { VaultFs } from './files/vault-fs';
import type { VaultSnapshotOptions } from './snapshots/vault-snapshots';
import type { VaultWatcherOptions } from './watch/vault-watcher';

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
