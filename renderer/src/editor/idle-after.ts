/**
 * Runs work off the typing path: after a delay, and then at the browser's next idle moment
 * (requestIdleCallback), so it never lands between a keystroke and the frame that paints it.
 * The idle wait is bounded (`idleTimeoutMs`): a window that never idles still gets the work.
 * Without requestIdleCallback (jsdom, older engines) the work runs in a task right after the delay.
 */
interface IdleWindow {
  requestIdleCallback?: (run: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

/** Schedules `run`; the returned function cancels it if it has not run yet. */
export function afterDelayWhenIdle(run: () => void, delayMs: number, idleTimeoutMs: number): () => void {
  if (delayMs <= 0) return whenIdle(run, idleTimeoutMs);
  let cancelIdle: (() => void) | null = null;
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(run, idleTimeoutMs);
  }, delayMs);
  return () => {
    clearTimeout(timer);
    cancelIdle?.();
  };
}

function whenIdle(run: () => void, timeoutMs: number): () => void {
  const w = globalThis as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const handle = w.requestIdleCallback(run, { timeout: timeoutMs });
    return () => w.cancelIdleCallback!(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}
