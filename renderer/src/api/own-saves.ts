/**
 * The notes this window saved, as the disk holds them after the save, for as long as the vault's
 * events say nobody else wrote them since. While a note is here the app knows its text without
 * reading it back: the save's answer puts the text in the views at once, and the watcher's echo
 * of the write (a `files` event naming the same hash) re-reads only what the index derives from
 * the note (title, headings, links), never the text, so an autosave is not handled as a change
 * made elsewhere (re-read, re-rendered, the editor reloaded).
 *
 * One store per api (the window's, see app.tsx), like connection-registry.ts.
 */
import type { NoteContent, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';

type Listener = (note: NoteContent) => void;

export class OwnSaves {
  private readonly saved = new Map<string, NoteContent>();
  /** Per path, how many events named it: a save's answer that arrives after one is not trusted. */
  private readonly heard = new Map<string, number>();
  /** Bumped when events were missed, which may have named any path. */
  private epoch = 0;
  private readonly listeners = new Set<Listener>();

  /** Called as the write is sent; pass the token to `record`. */
  begin(path: string): string {
    return `${this.epoch}:${this.heard.get(path) ?? 0}`;
  }

  /**
   * The save sent at `token` succeeded: the disk holds `content` (as the editor sent it; the
   * writer keeps the file's line endings and final newline, which do not change what it shows).
   * If an event named the note meanwhile, the disk may hold something newer: nothing is kept,
   * and the views read the note as for any change.
   */
  record(path: string, token: string, content: string, hash: string, mtimeMs: number): void {
    if (this.begin(path) !== token) return void this.saved.delete(path);
    const note: NoteContent = { path, content, hash, mtimeMs, eol: content.includes('\r\n') ? '\r\n' : '\n', decodeWarning: null };
    this.saved.set(path, note);
    for (const listener of [...this.listeners]) listener(note);
  }

  /** The note's text on disk, when it is what this window saved. */
  known(path: string): NoteContent | null {
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
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `path` now holds `hash` (null: unknown, or gone). */
  private changed(path: string, hash: string | null): void {
    this.heard.set(path, (this.heard.get(path) ?? 0) + 1);
    if (hash === null || this.saved.get(path)?.hash !== hash) this.saved.delete(path);
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
