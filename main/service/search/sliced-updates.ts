/**
 * Updates to apply later, a few milliseconds at a time: a `git checkout` hands the watcher
 * thousands of changed notes, and indexing them all in the batch that saw them held the event
 * loop (every request and event behind it) for as long as that took. Only the newest update per
 * key is kept, so a note changed twice meanwhile is indexed once, with its latest text.
 */

/** Longest stretch one slice holds the event loop. */
const SLICE_MS = 8;

export class SlicedUpdates<K, V> {
  private readonly queued = new Map<K, V>();
  private draining: Promise<void> | null = null;

  constructor(
    private readonly apply: (key: K, value: V) => void,
    /** An update that threw: the others still go in. */
    private readonly failed: (key: K, error: unknown) => void,
  ) {}

  get size(): number {
    return this.queued.size;
  }

  /** The update waiting for `key`, if any. */
  get(key: K): V | undefined {
    return this.queued.get(key);
  }

  has(key: K): boolean {
    return this.queued.has(key);
  }

  /** Replaces any update still waiting for `key`. */
  set(key: K, value: V): void {
    this.queued.delete(key);
    this.queued.set(key, value);
    this.draining ??= this.drain();
  }

  /** Drops the update waiting for `key` (a newer one was applied directly). */
  delete(key: K): void {
    this.queued.delete(key);
  }

  /** Resolves once every update handed in so far (and any handed in meanwhile) is applied. */
  async settled(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.size > 0) {
        // Yield first: the caller's own work (the rest of its batch) ran just before.
        await new Promise((resolve) => setImmediate(resolve));
        const sliceEnd = performance.now() + SLICE_MS;
        for (const [key, value] of this.queued) {
          this.queued.delete(key);
          try {
            this.apply(key, value);
          } catch (error) {
            this.failed(key, error);
          }
          if (performance.now() >= sliceEnd) break;
        }
      }
    } finally {
      this.draining = null;
    }
  }
}
