/**
 * The service's side of file recovery: decides when to keep a version (before saves, before
 * another program replaces or deletes a note, before a rename rewrites links, before a restore)
 * and keeps it in the snapshot store without ever making a save wait or fail. A failure is
 * reported once as a notice; a full disk stops snapshots (with one notice) and saves go on.
 */
import type { VaultPath } from '../../core/types';
import { describeError, errorCode } from '../file-reports';
import { hashBytes } from '../files/read-vault-file';
import type { SnapshotBackend } from './snapshot-backend';
import { reasonBeforeSave } from './snapshot-policy';
import { SnapshotStore } from './snapshot-store';
import { DEFAULT_RETENTION, DEFAULT_SAVE_INTERVAL_MS, type RetentionPolicy, type SnapshotEntry, type SnapshotReason } from './snapshot-types';
import type { SaveSnapshots, WatchSnapshots } from './snapshot-ports';

export interface SnapshotRecorderOptions {
  backend: SnapshotBackend;
  /** false (read-only mode): versions can be listed and read, none are taken. */
  take?: boolean;
  now?: () => number;
  intervalMs?: number;
  retention?: RetentionPolicy;
  /** Settings saved for the vault, applied once read (null: none saved; the options above apply). */
  settings?: Promise<{ retention: RetentionPolicy; intervalMs: number } | null>;
  /** How often pruning runs in the background (default 10 minutes). */
  pruneEveryMs?: number;
  notice(message: string): void;
  /** The hashes of the notes' current contents (their blobs are never pruned). */
  live(): Iterable<string>;
  /** A note's current bytes on disk, or null when it cannot be read. */
  readCurrent(path: VaultPath): Promise<Uint8Array | null>;
}

const BASELINE_SLICE = 64;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** The bytes `text` was decoded from, when re-encoding it (with or without the BOM the reader strips) gives `hash`; else null. */
function bytesOfText(text: string, hash: string): Uint8Array | null {
  const plain = Buffer.from(text, 'utf8');
  if (hashBytes(plain) === hash) return plain;
  const withBom = Buffer.concat([UTF8_BOM, plain]);
  return hashBytes(withBom) === hash ? withBom : null;
}
/** A save that never reports its end (a bug) holds the store's writes no longer than this. */
const SAVE_HOLD_MAX_MS = 2000;

export class SnapshotRecorder implements SaveSnapshots, WatchSnapshots {
  private readonly opening: Promise<SnapshotStore | null>;
  private readonly takes: boolean;
  private readonly now: () => number;
  private intervalMs: number;
  private retention: RetentionPolicy;
  private readonly lastSaveSnapshot = new Map<VaultPath, number>();
  private readonly reported = new Set<string>();
  /**
   * What this session last saved to each note, bytes held in memory (only notes edited here):
   * kept in the store only if another program replaces them, so a save costs no extra write.
   * The watcher may also see an outside change before the echo of our own save (one batch) and
   * name the older content; the saved text is kept then too.
   */
  private readonly lastWritten = new Map<VaultPath, { hash: string; bytes: Uint8Array }>();
  /** Saves in progress that took a snapshot: the store writes it once they end (saveEnded). */
  private readonly saving = new Map<VaultPath, () => void>();
  private stopped = false;
  private closed = false;
  private readonly timer: NodeJS.Timeout | null;
  private background: Promise<void> = Promise.resolve();
  /** The baseline in progress: close waits for it, as a read it started may still hand the store a blob. */
  private baselineRun: Promise<void> = Promise.resolve();

  constructor(private readonly options: SnapshotRecorderOptions) {
    this.takes = options.take !== false;
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? DEFAULT_SAVE_INTERVAL_MS;
    this.retention = options.retention ?? DEFAULT_RETENTION;
    const settings = (options.settings ?? Promise.resolve(null)).then((stored) => {
      if (stored !== null) this.configure(stored);
    });
    const opened = SnapshotStore.open(options.backend, { now: this.now, onError: (error, what) => this.failed(error, what) });
    this.opening = Promise.all([opened, settings]).then(
      ([{ store, damaged, fromRecords }]) => {
        if (damaged > 0) this.options.notice(`File recovery: ${damaged} damaged line(s) in the version index were skipped; the other versions are kept.`);
        if (fromRecords > 0) this.options.notice(`File recovery: ${fromRecords} version(s) missing from the version index were found again in the store.`);
        const packs = options.backend.damagedPacks;
        if (packs > 0) this.options.notice(`File recovery: ${packs} damaged store file(s) were read up to the damage; the versions before it are kept.`);
        return store;
      },
      (error: unknown) => {
        this.options.notice(`File recovery is off for this session: its store could not be opened (${describeError(error)}).`);
        return null;
      },
    );
    this.timer = this.takes ? setInterval(() => void this.prune(), options.pruneEveryMs ?? 10 * 60_000) : null;
    // Pruning alone never keeps the process alive (unref is missing where timers are numbers, as under jsdom).
    (this.timer as { unref?(): void } | null)?.unref?.();
  }

  /** New retention and interval (the settings form): the next save and prune use them. */
  configure(settings: { retention: RetentionPolicy; intervalMs: number }): void {
    this.retention = settings.retention;
    this.intervalMs = settings.intervalMs;
  }

  beforeSave(path: VaultPath, bytes: Uint8Array, hash: string): void {
    const now = this.now();
    const reason = reasonBeforeSave({ lastTakenAt: this.lastSaveSnapshot.get(path), now, intervalMs: this.intervalMs });
    if (reason === null) return;
    this.lastSaveSnapshot.set(path, now);
    this.saving.get(path)?.();
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, SAVE_HOLD_MAX_MS);
      (timer as { unref?(): void }).unref?.();
      this.saving.set(path, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.withStore((store) => {
      store.holdWrites(ended);
      store.take(path, bytes, hash, reason);
    });
  }

  saveEnded(path: VaultPath): void {
    this.saving.get(path)?.();
    this.saving.delete(path);
  }

  afterSave(path: VaultPath, bytes: Uint8Array, hash: string): void {
    if (!this.takes) return;
    this.lastWritten.set(path, { hash, bytes });
  }

  beforeOverwrite(path: VaultPath, bytes: Uint8Array, hash: string, reason: SnapshotReason): void {
    this.withStore((store) => store.take(path, bytes, hash, reason));
  }

  replacedOnDisk(path: VaultPath, previousHash: string, size: number, newHash: string | null): void {
    const reason = newHash === null ? 'deleted' : 'external-change';
    const saved = this.lastWritten.get(path);
    this.lastWritten.delete(path);
    // Only what Plexus kept can come back: a note replaced before its text was stored is lost to us.
    this.withStore((store) => {
      if (store.has(previousHash)) store.record(path, previousHash, size, reason);
      else if (saved?.hash === previousHash) store.take(path, saved.bytes, saved.hash, reason);
      if (saved !== undefined && saved.hash !== previousHash && saved.hash !== newHash) store.take(path, saved.bytes, saved.hash, reason);
    });
  }

  seen(path: VaultPath, hash: string, text: string | null = null): void {
    // The echo of our own save: its bytes are held in memory already.
    if (this.lastWritten.get(path)?.hash === hash) return;
    this.withStore((store) => {
      if (store.has(hash)) return;
      // A checkout's thousands of changed notes were each read a second time here (four file
      // operations on the thread pool the watcher and the index share); the text the index just
      // decoded gives the same bytes back whenever it was valid UTF-8, which the hash confirms.
      const bytes = text === null ? null : bytesOfText(text, hash);
      if (bytes !== null) store.putBlob(hash, bytes);
      else this.background = this.background.then(() => this.keepCurrent(store, path, hash));
    });
  }

  /**
   * Keeps the current text of every note not yet stored (after indexing, in the background, in
   * slices): what Plexus read must be kept for an outside overwrite to be undoable. Content-
   * addressed, so on later opens unchanged notes cost one lookup each.
   */
  baseline(notes: Iterable<[VaultPath, string]>): Promise<void> {
    const run = this.baselineRun.then(() => this.keepAll(notes));
    this.baselineRun = run.catch(() => undefined);
    return run;
  }

  private async keepAll(notes: Iterable<[VaultPath, string]>): Promise<void> {
    const store = await this.opening;
    if (store === null || !this.takes) return;
    let inSlice = 0;
    for (const [path, hash] of notes) {
      if (this.closed || this.stopped) return;
      if (store.has(hash)) continue;
      await this.keepCurrent(store, path, hash);
      if (++inSlice >= BASELINE_SLICE) {
        // Bounded memory: at most one slice of note texts waits for the store's writer.
        await store.flushed();
        inSlice = 0;
      }
    }
    await store.flushed();
    await this.prune();
  }

  async versions(path: VaultPath): Promise<SnapshotEntry[]> {
    const store = await this.handled();
    return store === null ? [] : store.versions(path);
  }

  /** The version's bytes; null when no such version is listed. Throws when the stored blob is missing or damaged. */
  async read(path: VaultPath, id: string): Promise<{ entry: SnapshotEntry; bytes: Uint8Array } | null> {
    const store = await this.handled();
    const entry = store?.entry(path, id) ?? null;
    if (store === null || entry === null) return null;
    return { entry, bytes: await store.read(entry) };
  }

  /** Notes whose newest version is a deletion and which are not in the vault now, newest first. */
  async deleted(exists: (path: VaultPath) => boolean): Promise<SnapshotEntry[]> {
    const store = await this.handled();
    if (store === null) return [];
    const out: SnapshotEntry[] = [];
    for (const path of store.paths()) {
      if (exists(path)) continue;
      const newest = store.versions(path)[0];
      if (newest?.reason === 'deleted') out.push(newest);
    }
    return out.sort((a, b) => b.time - a.time);
  }

  async prune(): Promise<void> {
    const store = await this.opening;
    if (store === null || !this.takes || this.closed) return;
    await store.prune(new Set(this.options.live()), this.retention);
  }

  /** Resolves when every version taken so far is written (tests, close). */
  async flushed(): Promise<void> {
    const store = await this.handled();
    await store?.flushed();
  }

  /** The store once every call made so far has reached it (so listings include them). */
  private async handled(): Promise<SnapshotStore | null> {
    let seen: Promise<void>;
    do {
      seen = this.background;
      await seen;
    } while (seen !== this.background);
    return this.opening;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    // A baseline stops at its next note, but the read it is waiting for still ends in putBlob.
    await this.baselineRun;
    const store = await this.handled();
    await store?.close();
  }

  private async keepCurrent(store: SnapshotStore, path: VaultPath, hash: string): Promise<void> {
    if (this.closed || this.stopped || store.has(hash)) return;
    let bytes: Uint8Array | null;
    try {
      bytes = await this.options.readCurrent(path);
    } catch (error) {
      this.failed(error, `read "${path}"`);
      return;
    }
    // Changed again since: the watcher will name the newer content.
    if (bytes !== null && hashBytes(bytes) === hash) store.putBlob(hash, bytes);
  }

  private withStore(run: (store: SnapshotStore) => void): void {
    if (!this.takes || this.stopped || this.closed) return;
    this.background = this.background.then(async () => {
      const store = await this.opening;
      if (store === null || this.stopped) return;
      try {
        run(store);
      } catch (error) {
        this.failed(error, 'keep a version');
      }
    });
  }

  private failed(error: unknown, what: string): void {
    const code = errorCode(error) ?? 'error';
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      if (this.stopped) return;
      this.stopped = true;
      this.options.notice(`File recovery stopped: the disk is full (${describeError(error)}). Saving goes on; no new versions are kept this session.`);
      return;
    }
    const key = `${what}:${code}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.notice(`File recovery could not ${what} (${describeError(error)}); saving goes on.`);
  }
}
