/**
 * The storage port: every call the vault service makes on the vault's files, behind one
 * interface. Two adapters: `nodeVaultFs` (node:fs, chokidar, the real disk) and
 * `MemoryVaultFs` (a vault held in memory, for tests that open a real VaultService without a
 * disk, e.g. the renderer's tests in jsdom). Paths are absolute OS paths under the vault root.
 *
 * Reads and the scan are synchronous (see read-vault-file.ts and scan-vault.ts for why);
 * writes are asynchronous and go through the one atomic writer (write/note-writer-atomic.ts),
 * which needs only the WriterFs part. The watcher is part of the port: the disk adapter's is
 * chokidar, the memory adapter's reports the changes made through it.
 */
import type { WriterDirEntry, WriterFs, WriterStat } from '../write/note-writer-fs';
import type { VaultWatcherHandlers, VaultWatcherOptions } from '../watch/vault-watcher';
import type { ReaderFs } from './read-vault-file';

export interface VaultFsStat extends WriterStat {
  size: number;
  /** When the file was created; 0 or absent where the platform or file system does not say (creation-times.ts falls back to the mtime). */
  birthtimeMs?: number;
  ino: number;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface VaultFsDirEntry extends WriterDirEntry {
  isSymbolicLink(): boolean;
}

/** A running watch of the vault folder (VaultWatcher's life cycle). */
export interface VaultFsWatch {
  /** Resolves once changes are being reported. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface VaultFs extends WriterFs, ReaderFs {
  /**
   * True for the real disk: parse workers (other threads) can read the files themselves.
   * False: only this adapter holds the files, so the service parses in-thread (`workers: 0`).
   */
  readonly onDisk: boolean;
  readdirSync(abs: string): VaultFsDirEntry[];
  statSync(abs: string): VaultFsStat;
  lstatSync(abs: string): VaultFsStat;
  realpathSync(abs: string): string;
  stat(abs: string): Promise<VaultFsStat>;
  lstat(abs: string): Promise<VaultFsStat>;
  realpath(abs: string): Promise<string>;
  readdir(abs: string): Promise<VaultFsDirEntry[]>;
  /** Watches `realRoot`: batches of touched vault paths go to `handlers.onBatch`. */
  watch(realRoot: string, handlers: VaultWatcherHandlers, options?: VaultWatcherOptions): VaultFsWatch;
}
