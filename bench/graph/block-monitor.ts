/**
 * Measures how long the main thread was unavailable: Long Tasks (tasks over 50 ms, from a
 * PerformanceObserver) and the worst gap between animation frames (a 60 Hz page should see ~17 ms).
 */
export interface BlockReport {
  longestTaskMs: number;
  longTasks: number;
  worstFrameGapMs: number;
}

export function startBlockMonitor(): { stop(): Promise<BlockReport> } {
  let longestTaskMs = 0;
  let longTasks = 0;
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
    });
    observer.observe({ type: 'longtask' });
  } catch {
    observer = null; // No Long Tasks API: the frame-gap monitor still reports.
  }
  let worstFrameGapMs = 0;
  let last = performance.now();
  let running = true;
  const tick = (now: number) => {
    worstFrameGapMs = Math.max(worstFrameGapMs, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    async stop() {
      running = false;
      // Let the observer deliver entries still queued for the last task.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer?.disconnect();
      return { longestTaskMs, longTasks, worstFrameGapMs };
    },
  };
}
