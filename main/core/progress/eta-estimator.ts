/**
 * Time left for a count-up job (indexing N notes), from the rate observed so far. Pure: the caller
 * hands in the clock. Nothing is guessed until enough has been seen (a few hundred notes over half
 * a second: the first batches include worker start-up and say little), and the rate is then
 * smoothed exponentially by time, so one slow batch (a big note) moves the estimate, not flips it.
 */

export interface EtaOptions {
  /** Items that must be done, counted from the first observation, before an estimate is given. */
  minItems?: number;
  /** Time that must have passed since the first observation before an estimate is given. */
  minMs?: number;
  /** The smoothed rate moves halfway to a new observed rate over this long. */
  halfLifeMs?: number;
}

interface Sample {
  done: number;
  at: number;
}

export class EtaEstimator {
  private readonly minItems: number;
  private readonly minMs: number;
  private readonly halfLifeMs: number;
  private first: Sample | null = null;
  private last: Sample | null = null;
  /** Items per ms, smoothed; null until enough was seen. */
  private rate: number | null = null;

  constructor(options: EtaOptions = {}) {
    this.minItems = options.minItems ?? 300;
    this.minMs = options.minMs ?? 500;
    this.halfLifeMs = options.halfLifeMs ?? 2_000;
  }

  /**
   * Records that `done` of `total` are done at `nowMs` and returns the estimated ms left, or null
   * while too little has been seen (or nothing moves). The first observation is the baseline, so
   * items done before it (cached notes) never count as speed.
   */
  observe(done: number, total: number, nowMs: number): number | null {
    if (done >= total) return 0;
    if (this.last === null || done < this.last.done || nowMs < this.last.at) {
      // A start, or a count that went back (a new run): begin again.
      this.first = this.last = { done, at: nowMs };
      this.rate = null;
      return null;
    }
    const first = this.first!;
    const dt = nowMs - this.last.at;
    if (this.rate === null) {
      if (done - first.done < this.minItems || nowMs - first.at < this.minMs) {
        this.last = { done, at: nowMs };
        return null;
      }
      this.rate = (done - first.done) / (nowMs - first.at);
    } else if (dt > 0) {
      const observed = (done - this.last.done) / dt;
      const weight = 1 - Math.pow(2, -dt / this.halfLifeMs);
      this.rate += (observed - this.rate) * weight;
    }
    this.last = { done, at: nowMs };
    return this.rate > 0 ? (total - done) / this.rate : null;
  }
}
