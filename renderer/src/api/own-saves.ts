/**
 * The notes this window saved, as the disk holds them after the save, for as long as the vault's
 * events say nobody else wrote them since. While a note is here the app knows its text without
 * reading it back: the save's answer puts the text in the views at once, and the watcher's echo
 * of the write (a `files` event naming the same hash) re-reads only the parts of what the index
 * derives from the note (meta, links) that the event says changed, never the text, so an autosave
 * is not handled as a change made elsewhere (re-read, re-rendered, the editor reloaded). An echo
 * heard before the save's answer waits for it (`settled`) to know whether it is that save's.
 *
 * One store per api (the window's, see app.tsx), like connection-registry.ts.
 */
import type { NoteContent, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';

type Listener = (note: NoteContent) => void;

/** How long an event naming a note waits for that note's save to be answered. */
export const SETTLE_LIMIT_MS = 10_000;

/** One save on its way: what the events said about its note meanwhile (a hash, null: not a plain change). */
export interface SaveInFlight {
  path: VaultPath;
  epoch: number;
  heard: (string | null)[];
}

export class OwnSaves {
  private readonly saved = new Map<string, NoteContent>();
  private readonly flying = new Set<SaveInFlight>();
  /** Bumped when events were missed, which may have said anything about any note. */
  private epoch = 0;
  private readonly listeners = new Set<Listener>();
  private readonly waiters = new Map<string, (() => void)[]>();

  /** Called as the write is sent; hand the result to `record` (saved) or `end` (not saved). */
  begin(path: VaultPath): SaveInFlight {
    const flight: SaveInFlight = { path, epoch: this.epoch, heard: [] };
    this.flying.add(flight);
    return flight;
  }

  end(flight: SaveInFlight): void {
    this.flying.delete(flight);
    if (this.saving(flight.path)) return;
    const waiters = this.waiters.get(flight.path) ?? [];
    this.waiters.delete(flight.path);
    for (const waiter of waiters) waiter();
  }

  /** A save of `path` is on its way (its answer has not come). */
  saving(path: VaultPath): boolean {
    for (const flight of this.flying) if (flight.path === path) return true;
    return false;
  }

  /**
   * Resolves once no save of `path` is on its way: then `known` says what the disk holds. A save
   * whose answer does not come within `limitMs` (a server gone quiet) does not hold the event
   * back: it resolves then, and what is not known to be this window's is re-read in full.
   */
  settled(path: VaultPath, limitMs = SETTLE_LIMIT_MS): Promise<void> {
    if (!this.saving(path)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const left = (this.waiters.get(path) ?? []).filter((waiter) => waiter !== done);
        if (left.length > 0) this.waiters.set(path, left);
        else this.waiters.delete(path);
        resolve();
      };
      const timer = setTimeout(done, limitMs);
      this.waiters.set(path, [...(this.waiters.get(path) ?? []), done]);
    });
  }

  /**
   * The save succeeded: the disk holds `content` (as the editor sent it; the writer keeps the
   * file's line endings and final newline, which do not change what it shows). If an event other
   * than this write's own echo (which may come before the answer) named the note meanwhile, the
   * disk may hold something newer: nothing is kept, and the views read the note as for any change.
   */
  record(flight: SaveInFlight, content: string, hash: string, mtimeMs: number): void {
    this.end(flight);
    const { path } = flight;
    if (flight.epoch !== this.epoch || flight.heard.some((heard) => heard !== hash)) return void this.saved.delete(path);
    const note: NoteContent = { path, content, hash, mtimeMs, eol: content.includes('\r\n') ? '\r\n' : '\n', decodeWarning: null };
    this.saved.set(path, note);
    for (const listener of [...this.listeners]) listener(note);
  }

  /** The note's text on disk, when it is what this window saved. */
  known(path: VaultPath): NoteContent | null {
    return this.saved.get(path) ?? null;
  }

  /** Every vault event goes through here first (use-app-events.ts), before any view re-reads. */
  observe(event: VaultEvent): void {
    if (event.type === 'external-change') this.changed(event.path, null);
    else if (event.type === 'external-rename') {
      this.changed(event.from, null);
      this.changed(event.to, null);
    } else if (event.type === 'files') {
      for (const path of event.removed) this.changed(path, null);
      for (const file of [...event.added, ...event.changed]) this.changed(file.path, file.hash ?? null);
    }
  }

  /** Events were missed (a reconnect): nothing known can be trusted. */
  forgetAll(): void {
    this.saved.clear();
    this.epoch++;
    // Events held for a save's answer are re-read now (in full: nothing is known any more).
    for (const waiters of [...this.waiters.values()]) for (const waiter of waiters) waiter();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `path` now holds `hash` (null: unknown, or gone). */
  private changed(path: VaultPath, hash: string | null): void {
    const known = this.saved.get(path);
    // The late echo of the save before (still what we know) says nothing new to a save in flight.
    const news = hash === null || known?.hash !== hash;
    for (const flight of this.flying) if (flight.path === path && news) flight.heard.push(hash);
    if (news) this.saved.delete(path);
  }
}

const stores = new WeakMap<PlexusApi, OwnSaves>();

export function ownSavesOf(api: PlexusApi): OwnSaves {
  let store = stores.get(api);
  if (!store) {
    store = new OwnSaves();
    stores.set(api, store);
  }
  return store;
}
