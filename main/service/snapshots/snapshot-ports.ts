/**
 * What the rest of the service sees of file recovery's recorder (snapshot-recorder.ts): the note
 * writer tells it about saves, the watcher about outside changes. Kept apart so those callers
 * depend on these few calls, not on the recorder and its store.
 */
import type { VaultPath } from '../../core/types';
import type { SnapshotReason } from './snapshot-types';

/** What the note writer calls (all synchronous, none throws). */
export interface SaveSnapshots {
  /** The bytes a save is about to replace. */
  beforeSave(path: VaultPath, bytes: Uint8Array, hash: string): void;
  /** The save that beforeSave was told of has ended, placed or not: the store's writes may go. */
  saveEnded(path: VaultPath): void;
  /** The bytes a save just wrote (kept as a blob, so they can be kept when someone replaces them). */
  afterSave(path: VaultPath, bytes: Uint8Array, hash: string): void;
  /** Always kept: a deletion, a rename's link rewrite, a restore. */
  beforeOverwrite(path: VaultPath, bytes: Uint8Array, hash: string, reason: SnapshotReason): void;
}

/** What the watcher path calls. */
export interface WatchSnapshots {
  /** Another program replaced (with `newHash`) or deleted (null) `path`, which held `previousHash` (of `size` bytes). */
  replacedOnDisk(path: VaultPath, previousHash: string, size: number, newHash: string | null): void;
  /**
   * `path` now holds `hash`: keep its bytes, so the next outside change can be undone. `text` is
   * what the index decoded from those bytes (null: not at hand); when it encodes back to them,
   * the note is not read again.
   */
  seen(path: VaultPath, hash: string, text?: string | null): void;
}
