/**
 * The slices a long note's remaining parts are drawn in (progressive-markdown.tsx). One part per
 * idle callback left the reader waiting about a minute for the end of a 1 MB note: on a busy
 * window an idle period comes only at the callback's timeout. A slice is an ordinary task
 * instead (input and frames still run between two), and it draws parts until its time or its
 * size is spent, so the commit and layout that follow it stay short too.
 */

/** Milliseconds a slice may still spend; it draws no further part once this is 0 or less. */
export type TimeLeft = () => number;

/** Pipeline time a slice may spend before it commits what it drew. */
export const SLICE_MS = 30;
/** Source characters a slice may draw: bounds the commit's and the layout's share of the task. */
export const SLICE_CHARS = 32 * 1024;

interface TaskScheduler {
  postTask(run: () => void, options: { priority: 'user-visible' | 'background'; signal: AbortSignal }): Promise<unknown>;
}

/** Runs `run` in a task of its own, soon; the returned function cancels it if it has not run. */
export function inSlice(run: (left: TimeLeft) => void): () => void {
  const start = () => {
    const began = performance.now();
    run(() => SLICE_MS - (performance.now() - began));
  };
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(start, { priority: 'user-visible', signal: controller.signal }).catch((error: unknown) => {
      // A cancelled slice rejects with the abort; anything else is the slice's own error.
      if (!controller.signal.aborted)
        setTimeout(() => {
          throw error;
        }, 0);
    });
    return () => controller.abort();
  }
  const handle = setTimeout(start, 0);
  return () => clearTimeout(handle);
}
