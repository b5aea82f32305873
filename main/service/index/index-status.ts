/**
 * An open vault's IndexStatus and its 'status' events: progress while indexing (at most one
 * event per interval, and the last), 'ready' with the counts, and the counts following changes.
 */
import type { IndexStatus, VaultEvent } from '../../contract/api-contract';
import { EtaEstimator } from '../../core/progress/eta-estimator';

const PROGRESS_INTERVAL_MS = 100;

export class IndexStatusFeed {
  private status: IndexStatus = { state: 'indexing', done: 0, total: 0, etaMs: null };

  constructor(private readonly emit: (event: VaultEvent) => void) {}

  get current(): IndexStatus {
    return this.status;
  }

  /** indexVault's progress callback; `onProgress` (the opener's) hears the same events. */
  progress(onProgress: ((event: VaultEvent) => void) | undefined): (done: number, total: number) => void {
    // The first event always goes out, however soon after the process started it comes
    // (performance.now() counts from the start: a quick start swallowed the first "0 / N").
    let lastProgress = Number.NEGATIVE_INFINITY;
    // Every progress call is observed (not only the ones sent), so the rate sees every batch.
    const eta = new EtaEstimator();
    return (done, total) => {
      const now = performance.now();
      const etaMs = eta.observe(done, total, now);
      this.status = { state: 'indexing', done, total, etaMs: etaMs === null ? null : Math.round(etaMs) };
      if (now - lastProgress < PROGRESS_INTERVAL_MS && done !== total) return;
      lastProgress = now;
      this.send({ type: 'status', status: this.status }, onProgress);
    };
  }

  ready(notes: number, links: number, ms: number, onProgress: ((event: VaultEvent) => void) | undefined): void {
    this.status = { state: 'ready', notes, links, ms };
    this.send({ type: 'status', status: this.status }, onProgress);
  }

  /** After a change on disk: the status bar's note and link counts follow, in one event per batch. */
  refresh(notes: number, links: number): void {
    if (this.status.state !== 'ready') return;
    if (notes === this.status.notes && links === this.status.links) return;
    this.status = { ...this.status, notes, links };
    this.emit({ type: 'status', status: this.status });
  }

  private send(event: VaultEvent, onProgress: ((event: VaultEvent) => void) | undefined): void {
    onProgress?.(event);
    this.emit(event);
  }
}
