/**
 * Per-thread counters of how often the fast path answered and how often parseNote had to, so
 * the bench (and each parse worker) can report the fallback rate.
 */

export interface FastPathStats {
  /** Notes fastParseNote answered. */
  accepted: number;
  /** Notes it declined, left to parseNote. */
  fallbacks: number;
}

const counters: FastPathStats = { accepted: 0, fallbacks: 0 };

export function recordFastPath(accepted: boolean): void {
  if (accepted) counters.accepted++;
  else counters.fallbacks++;
}

/** A copy of this thread's counters since the last reset. */
export function fastPathStats(): FastPathStats & { fallbackRate: number } {
  const total = counters.accepted + counters.fallbacks;
  return { ...counters, fallbackRate: total === 0 ? 0 : counters.fallbacks / total };
}

export function resetFastPathStats(): void {
  counters.accepted = 0;
  counters.fallbacks = 0;
}
