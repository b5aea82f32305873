/**
 * Re-reads of some parts of a shown note (live-updates.ts decides which), asked for by the
 * window's event handling (use-app-events.ts) and done by each view's note data
 * (use-note-data.ts). Requests in a burst (a save's `files` and `graph` events) are joined into
 * one re-read per note, as the app's version joins full re-reads.
 *
 * One bus per api (the window's), like own-saves.ts.
 */
import type { PlexusApi } from '../../../main/contract/api-contract';
import type { NotePart } from '../hooks/live-updates';
import { RELOAD_COALESCE_MS } from '../hooks/use-reload-version';
import type { VaultPath } from '../../../main/core/types';

type Listener = (path: VaultPath, parts: ReadonlySet<NotePart>) => void;

export class NoteRefreshes {
  private readonly pending = new Map<VaultPath, Set<NotePart>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();

  /**
   * True from a full re-read's scheduling (the app's version, use-reload-version.ts) until that
   * re-read starts: it will read every part anyway. Cleared by the re-read's own start, not by
   * this bus's timer, so a part asked for after the re-read has read is never dropped.
   */
  private full = false;

  request(path: VaultPath, parts: readonly NotePart[]): void {
    if (parts.length === 0 || this.full) return;
    const set = this.pending.get(path) ?? new Set<NotePart>();
    for (const part of parts) set.add(part);
    this.pending.set(path, set);
    this.arm();
  }

  private arm(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), RELOAD_COALESCE_MS);
  }

  /** A full re-read (the app's version) was scheduled for this burst: parts asked for until it starts would be read twice. */
  fullScheduled(): void {
    this.pending.clear();
    this.full = true;
  }

  /** The scheduled full re-read starts now: what is asked for from here on is read again. */
  fullStarted(): void {
    this.full = false;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    this.timer = null;
    const due = [...this.pending];
    this.pending.clear();
    for (const [path, parts] of due) for (const listener of [...this.listeners]) listener(path, parts);
  }
}

const buses = new WeakMap<PlexusApi, NoteRefreshes>();

export function noteRefreshesOf(api: PlexusApi): NoteRefreshes {
  let bus = buses.get(api);
  if (!bus) {
    bus = new NoteRefreshes();
    buses.set(api, bus);
  }
  return bus;
}
