/**
 * Waiting on the real service while a test runs jest's fake timers. The service schedules its
 * own work on timers: the in-memory watch hands out changes after a quiet window (setTimeout),
 * the in-thread parse yields with setImmediate. Under fake timers those run only when the clock
 * is moved on, so awaiting the service as such would wait for ever. `untilSettled` moves the
 * fake clock on in small steps, and lets real I/O callbacks run between them, until the
 * awaited work is done, and no further: a test's own timers (autosave, drafts) see only as much
 * time pass as the service needed.
 */
import { setImmediate as realSetImmediate } from 'node:timers';

/** How far the fake clock moves per step: under the in-memory watch's quiet window (20 ms). */
const STEP_MS = 5;
/** Fake time after which the service is taken to be stuck (a test error, not a hang). */
const LIMIT_MS = 60_000;

/** True while jest's fake timers are installed (as @testing-library/dom checks). */
export function fakeTimersOn(): boolean {
  const timeout = globalThis.setTimeout as unknown as { _isMockFunction?: boolean; clock?: unknown };
  return typeof jest !== 'undefined' && (timeout._isMockFunction === true || Object.prototype.hasOwnProperty.call(timeout, 'clock'));
}

/** Awaits `work`; under fake timers the clock moves on meanwhile, STEP_MS at a time. */
export async function untilSettled<T>(work: Promise<T>): Promise<T> {
  if (!fakeTimersOn()) return work;
  let done = false;
  const watched = work.finally(() => {
    done = true;
  });
  // Observed: a rejection reaches the caller through `watched`, not as an unhandled one.
  watched.catch(() => undefined);
  for (let elapsed = 0; ; elapsed += STEP_MS) {
    // A real macrotask first: promise chains and real I/O callbacks run before the clock moves.
    await new Promise((resolve) => realSetImmediate(resolve));
    if (done) return watched;
    if (elapsed >= LIMIT_MS) throw new Error(`the service did not settle within ${LIMIT_MS} ms of fake time`);
    jest.advanceTimersByTime(STEP_MS);
  }
}
