/**
 * The snapshot store: content-addressed blobs (sha-256 of a version's bytes -> gzip'd bytes)
 * plus an index of versions per note path. Taking a snapshot is synchronous in memory (the
 * version is listed and readable at once, its bytes held until written) and written in the
 * background, one write at a time, so a save never waits for the store's disk.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { VaultPath } from '../../core/types';
import type { SnapshotBackend } from './snapshot-backend';
import { decodeEntries, encodeEntries } from './snapshot-index-codec';
import { compressInSlices, gunzip } from './blob-compression';
import { recoverEntries } from './snapshot-index-recovery';
import { planRetention } from './snapshot-retention';
import type { RetentionPolicy, SnapshotEntry, SnapshotReason } from './snapshot-types';

export interface SnapshotStoreOptions {
  now?: () => number;
  /** A background write failed (the store keeps going; the caller reports it). */
  onError(error: unknown, what: string): void;
}

export class SnapshotStore {
  private readonly byPath = new Map<VaultPath, SnapshotEntry[]>();
  /** Versions taken but not yet appended to the index log. */
  private unwritten: SnapshotEntry[] = [];
  /** Versions taken but not yet recorded beside the blobs (the backend's third copy of the log). */
  private unrecorded: SnapshotEntry[] = [];
  /** Blobs taken (in `pending`) but not yet handed to a write task. */
  private unwrittenBlobs: string[] = [];
  /** Bytes of blobs not yet written (readable meanwhile). */
  private readonly pending = new Map<string, Uint8Array>();
  /** Blobs written since the last prune: kept by it, as the state that makes them live may lag. */
  private recentBlobs = new Set<string>();
  private work: Promise<void> = Promise.resolve();
  /** Set by close(): a prune in progress queues no further compaction steps. */
  private closing = false;
  /** Set once close() has flushed: the folder may be gone (tests remove it, the app quits). */
  private closed = false;
  private readonly now: () => number;
  /**
   * Version ids: the time, this store's random tag and a counter. A random draw per version cost
   * more than the rest of listing it when a checkout lists thousands at once; the tag keeps two
   * processes sharing the store apart.
   */
  private readonly idTag = randomBytes(4).toString('hex');
  private idCount = 0;

  private constructor(
    private readonly backend: SnapshotBackend,
    /** Stored blobs: hash -> compressed size (the backend's index says, so nothing is measured). */
    private readonly blobSizes: Map<string, number>,
    entries: SnapshotEntry[],
    private readonly options: SnapshotStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const entry of entries) this.add(entry);
  }

  /**
   * Loads the index and the blob list. `damaged` counts index lines that could not be read; when
   * there are any, or the index is gone while blobs remain, or it lists fewer versions than the
   * backend recorded, it is rebuilt from the journal (the log's second copy) and the backend's
   * version records (its third), and rewritten at the next prune. `rebuilt` counts versions only
   * those had, `fromRecords` those only the records had.
   */
  static async open(
    backend: SnapshotBackend,
    options: SnapshotStoreOptions,
  ): Promise<{ store: SnapshotStore; damaged: number; rebuilt: number; fromRecords: number }> {
    const [text, blobs] = await Promise.all([backend.readIndex(), backend.listBlobs()]);
    const { entries, damaged, rebuilt, fromRecords } = await recoverEntries(backend, text, blobs);
    // A version whose blob is gone (deleted by hand, evicted by a crashed prune) cannot come back: not listed.
    const usable = entries.filter((entry) => blobs.has(entry.hash));
    const store = new SnapshotStore(backend, blobs, usable, options);
    for (const entry of entries) if (!blobs.has(entry.hash)) store.unusable.add(entry.id);
    if (damaged > 0 || rebuilt > 0 || usable.length < entries.length) store.repair = true;
    return { store, damaged, rebuilt, fromRecords };
  }

  /** The index held lines that were dropped: the next prune rewrites it. */
  private repair = false;
  /** Versions the index listed at open whose blob was gone: not another process's, but lost (dropped by the next prune). */
  private readonly unusable = new Set<string>();

  /** True when the store holds (or is writing) the blob of these bytes. */
  has(hash: string): boolean {
    return this.blobSizes.has(hash) || this.pending.has(hash);
  }

  /**
   * Writes queued after this wait for `until` (a save in progress: its file operations go first,
   * not interleaved with the store's on the same event loop and thread pool).
   */
  holdWrites(until: Promise<void>): void {
    this.enqueue('wait for a save', () => until);
  }

  /** Stores a blob without listing a version (a note's current content, so it can be kept when replaced). */
  putBlob(hash: string, bytes: Uint8Array): void {
    if (this.has(hash)) return;
    this.pending.set(hash, bytes);
    this.unwrittenBlobs.push(hash);
    // Blobs taken before this task runs go out together: one append to the pack, not one per blob.
    this.enqueue('store a version', async () => {
      const batch = this.unwrittenBlobs;
      this.unwrittenBlobs = [];
      if (batch.length === 0) return;
      try {
        const blobs = await compressInSlices(batch, (h) => this.pending.get(h)!);
        // The versions taken meanwhile go in the same append (one write for a snapshot's blob and record).
        const versions = this.unrecorded;
        this.unrecorded = [];
        // Under the lock: another process's compaction never rewrites a pack while it grows.
        try {
          await this.backend.withLock(() => this.backend.writeBlobs(blobs, versions));
        } catch (error) {
          this.unrecorded = [...versions, ...this.unrecorded];
          throw error;
        }
        for (const blob of blobs) {
          this.blobSizes.set(blob.hash, blob.compressed.length);
          this.recentBlobs.add(blob.hash);
        }
      } finally {
        for (const h of batch) this.pending.delete(h);
      }
    });
  }

  /**
   * Keeps `bytes` as a version of `path`. Null when it is the note's newest version already
   * (nothing new to keep), except a deletion, which is always listed.
   */
  take(path: VaultPath, bytes: Uint8Array, hash: string, reason: SnapshotReason): SnapshotEntry | null {
    this.putBlob(hash, bytes);
    return this.record(path, hash, bytes.length, reason);
  }

  /** Lists a version whose blob the store already holds (see has()); null as for take(). */
  record(path: VaultPath, hash: string, size: number, reason: SnapshotReason): SnapshotEntry | null {
    if (!this.has(hash)) throw new Error(`snapshot store: no blob ${hash} for ${path}`);
    const latest = this.byPath.get(path)?.at(-1);
    if (latest !== undefined && latest.hash === hash && reason !== 'deleted' && latest.reason !== 'deleted') return null;
    const entry: SnapshotEntry = { id: `${this.now().toString(36)}-${this.idTag}${(this.idCount++).toString(36)}`, path, time: this.now(), size, hash, reason };
    this.add(entry);
    this.unwritten.push(entry);
    this.unrecorded.push(entry);
    this.enqueue('update the version index', async () => {
      const lines = this.unwritten;
      const records = this.unrecorded;
      this.unwritten = [];
      this.unrecorded = [];
      if (lines.length === 0 && records.length === 0) return;
      await this.backend.withLock(async () => {
        // The record first (unless it went with its blob): a crash between the two leaves a
        // version the next open finds again (the log lists fewer versions than the records).
        if (records.length > 0) await this.backend.recordVersions(records);
        if (lines.length > 0) await this.backend.appendIndex(encodeEntries(lines));
      });
    });
    return entry;
  }

  /** The note's versions, newest first. */
  versions(path: VaultPath): SnapshotEntry[] {
    return [...(this.byPath.get(path) ?? [])].reverse();
  }

  entry(path: VaultPath, id: string): SnapshotEntry | null {
    return this.byPath.get(path)?.find((e) => e.id === id) ?? null;
  }

  paths(): VaultPath[] {
    return [...this.byPath.keys()];
  }

  /** A version's bytes; throws when the blob is missing or does not match its hash (damaged). */
  async read(entry: SnapshotEntry): Promise<Uint8Array> {
    const held = this.pending.get(entry.hash);
    if (held !== undefined) return held;
    const compressed = await this.backend.readBlob(entry.hash);
    if (compressed === null) throw new Error(`the stored version of "${entry.path}" is missing`);
    const bytes = new Uint8Array(await gunzip(compressed));
    if (createHash('sha256').update(bytes).digest('hex') !== entry.hash) throw new Error(`the stored version of "${entry.path}" is damaged`);
    return bytes;
  }

  /** Compressed bytes of the blobs the store holds. */
  totalBytes(): number {
    let total = 0;
    for (const size of this.blobSizes.values()) total += size;
    return total;
  }

  /**
   * Applies the retention policy; `live` are blobs to keep regardless (notes' current contents).
   * Sizes come from the backend's index (no per-blob stat). Forgotten blobs' space is reclaimed
   * afterwards, one bounded compaction step per task, so writes queued meanwhile go in between.
   */
  async prune(live: ReadonlySet<string>, policy: RetentionPolicy): Promise<{ removedVersions: number; removedBlobs: number }> {
    let outcome = { removedVersions: 0, removedBlobs: 0 };
    await this.enqueue('prune old versions', () =>
      this.backend.withLock(async () => {
        const all = [...this.byPath.values()].flat();
        // Another process sharing the store (a second window, the CLI) may have appended versions
        // since this one opened: they are planned with ours, so the rewrite keeps them and their blobs stay.
        const mine = new Set(all.map((e) => e.id));
        const foreign = decodeEntries(await this.backend.readIndex()).entries.filter((e) => !mine.has(e.id) && !this.unusable.has(e.id));
        const keepLive = new Set([...live, ...this.recentBlobs]);
        this.recentBlobs = new Set();
        const plan = planRetention([...all, ...foreign], this.blobSizes, keepLive, this.now(), policy);
        outcome = { removedVersions: all.length + foreign.length - plan.keep.length, removedBlobs: 0 };
        const keptIds = new Set(plan.keep.map((e) => e.id));
        // Listed here too from now on, when this process can read their blobs.
        for (const entry of foreign) {
          if (!keptIds.has(entry.id) || !this.blobSizes.has(entry.hash)) continue;
          this.add(entry);
          this.byPath.get(entry.path)!.sort((a, b) => a.time - b.time);
        }
        if (outcome.removedVersions > 0 || this.repair) {
          plan.keep.sort((a, b) => a.time - b.time);
          // Before the rewrite: the packs must not list again what the index no longer does (nor versions whose blob was lost).
          await this.backend.dropVersions([...[...all, ...foreign].filter((e) => !keptIds.has(e.id)).map((e) => e.id), ...this.unusable]);
          // The log holds everything appended so far (this runs after those appends, in order).
          await this.backend.rewriteIndex(encodeEntries(plan.keep));
          this.repair = false;
          // Versions taken while this ran are not in the plan: drop only what the plan dropped.
          const kept = new Set(plan.keep.map((e) => e.id));
          const dropped = new Set(all.filter((e) => !kept.has(e.id)).map((e) => e.id));
          for (const [path, list] of this.byPath) {
            const left = list.filter((e) => !dropped.has(e.id));
            if (left.length > 0) this.byPath.set(path, left);
            else this.byPath.delete(path);
          }
        }
        const remove = plan.removeBlobs.filter((hash) => !this.pending.has(hash));
        await this.backend.removeBlobs(remove);
        for (const hash of remove) this.blobSizes.delete(hash);
        outcome.removedBlobs = remove.length;
      }),
    );
    let more = true;
    while (more && !this.closing) {
      more = false;
      await this.enqueue('compact the store', async () => {
        more = await this.backend.withLock(() => this.backend.compactStep());
      });
    }
    return outcome;
  }

  /**
   * Resolves when every write taken so far is on disk (or failed and was reported), including
   * tasks queued by tasks that were waited for (a prune queues its compaction steps as it goes).
   */
  async flushed(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.work;
      await seen;
    } while (seen !== this.work);
  }

  /** Stops queuing background steps and waits for the queued ones: nothing touches the store's folder after. */
  async close(): Promise<void> {
    this.closing = true;
    await this.flushed();
    this.closed = true;
  }

  private add(entry: SnapshotEntry): void {
    const list = this.byPath.get(entry.path) ?? [];
    list.push(entry);
    this.byPath.set(entry.path, list);
  }

  private enqueue(what: string, task: () => Promise<void>): Promise<void> {
    // A write after close would recreate the folder it lived in: a caller that did not wait.
    if (this.closed) throw new Error(`snapshot store: "${what}" after close`);
    this.work = this.work.then(async () => {
      try {
        await task();
      } catch (error) {
        this.options.onError(error, what);
      }
    });
    return this.work;
  }
}
