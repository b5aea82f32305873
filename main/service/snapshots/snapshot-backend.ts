/**
 * Where the snapshot store keeps its bytes: a port, so the store's logic runs in tests on an
 * in-memory backend, and in the app on packs in the data folder (pack-snapshot-backend.ts).
 * Blobs are stored compressed; the backend does not look inside them.
 */
import type { SnapshotEntry } from './snapshot-types';
export interface StoredBlob {
  hash: string;
  compressed: Uint8Array;
}

/** The versions the backend's own records hold (the third copy of the log, beside its blobs). */
export interface PackVersions {
  /** Every version recorded and not dropped since. */
  entries: SnapshotEntry[];
  /** True when a prune dropped the version of this id (a journal line naming it is stale). */
  isDropped(id: string): boolean;
}

export interface SnapshotBackend {
  /** Every stored blob with its stored (compressed) size, from the backend's own index: no per-blob stat. */
  listBlobs(): Promise<Map<string, number>>;
  /** Stores blobs, one batch (a reader sees each whole or not at all), and records `versions` with them (see recordVersions). */
  writeBlobs(blobs: readonly StoredBlob[], versions?: readonly SnapshotEntry[]): Promise<void>;
  /** The blob's stored bytes, or null when there is none. */
  readBlob(hash: string): Promise<Uint8Array | null>;
  /** Forgets blobs: they are no longer listed or read; their space comes back through compactStep(). */
  removeBlobs(hashes: Iterable<string>): Promise<void>;
  /** One bounded step of reclaiming forgotten blobs' space; false when there is nothing left to do. */
  compactStep(): Promise<boolean>;
  /** The index log's text ('' when there is none). */
  readIndex(): Promise<string>;
  /** Appends lines to the index log. */
  appendIndex(text: string): Promise<void>;
  /** Replaces the whole index log atomically (pruning, repair). */
  rewriteIndex(text: string): Promise<void>;
  /**
   * The second copy of the log, kept apart from it (appendIndex and rewriteIndex write both):
   * what the store rebuilds the index from when the log is missing or damaged.
   */
  readJournal(): Promise<string>;
  /** Records versions beside the blobs (before their lines go to the log). */
  recordVersions(entries: readonly SnapshotEntry[]): Promise<void>;
  /** Records that a prune dropped these versions: they are not listed from the records again. */
  dropVersions(ids: Iterable<string>): Promise<void>;
  /** What the records hold (read when the log and the journal cannot be trusted: slow). */
  listVersions(): Promise<PackVersions>;
  /** How many versions the records hold, without reading them (more than the log lists: the log lost lines). */
  countVersions(): Promise<number>;
  /** Packs found damaged on open (their whole records are kept). */
  readonly damagedPacks: number;
  /** Runs `fn` holding the store's lock against other processes sharing it (store-lock.ts). */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}

export class MemorySnapshotBackend implements SnapshotBackend {
  readonly blobs = new Map<string, Uint8Array>();
  index = '';
  journal = '';
  /** The versions recorded beside the blobs, and the ids dropped since. */
  readonly versions: SnapshotEntry[] = [];
  readonly droppedIds = new Set<string>();
  readonly damagedPacks = 0;
  /** Test seam: when set, writes throw it (a full disk). */
  failWrites: Error | null = null;

  async listBlobs(): Promise<Map<string, number>> {
    return new Map([...this.blobs].map(([hash, bytes]) => [hash, bytes.length]));
  }

  async writeBlobs(blobs: readonly StoredBlob[], versions: readonly SnapshotEntry[] = []): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    for (const blob of blobs) this.blobs.set(blob.hash, blob.compressed);
    this.versions.push(...versions);
  }

  async readBlob(hash: string): Promise<Uint8Array | null> {
    return this.blobs.get(hash) ?? null;
  }

  async removeBlobs(hashes: Iterable<string>): Promise<void> {
    for (const hash of hashes) this.blobs.delete(hash);
  }

  async compactStep(): Promise<boolean> {
    return false;
  }

  async readIndex(): Promise<string> {
    return this.index;
  }

  async appendIndex(text: string): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.index += text;
    this.journal += text;
  }

  async rewriteIndex(text: string): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.index = text;
    this.journal = text;
  }

  async readJournal(): Promise<string> {
    return this.journal;
  }

  async recordVersions(entries: readonly SnapshotEntry[]): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.versions.push(...entries);
  }

  async dropVersions(ids: Iterable<string>): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    for (const id of ids) this.droppedIds.add(id);
  }

  async listVersions(): Promise<PackVersions> {
    return { entries: this.versions.filter((e) => !this.droppedIds.has(e.id)), isDropped: (id) => this.droppedIds.has(id) };
  }

  async countVersions(): Promise<number> {
    return this.versions.filter((e) => !this.droppedIds.has(e.id)).length;
  }

  /** One process: the store's own queue already runs its sections one at a time. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}
