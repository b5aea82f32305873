/**
 * Frame gaps for the graph benchmark's JSON: every gap between animation frames over a
 * threshold, and the long tasks behind them.
 */

/** Gaps between animation frames over `threshold` ms, as "start+gap" (ms from t0), for the JSON. */
export function frameGapLog(t0: number, threshold = 100) {
  const gaps: string[] = [];
  let last = performance.now();
  let running = true;
  // Long tasks tell a gap made of one task from a run of short tasks that starved frames.
  const tasks: string[] = [];
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > threshold) tasks.push(`${Math.round(e.startTime - t0)}+${Math.round(e.duration)}`);
    });
    observer.observe({ type: 'longtask' });
  } catch {
    observer = null;
  }
  const tick = (now: number) => {
    if (now - last > threshold) gaps.push(`${Math.round(last - t0)}+${Math.round(now - last)}`);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    observer?.disconnect();
    return gaps.join(' ') + (tasks.length ? `; tasks > ${threshold} ms: ${tasks.join(' ')}` : '');
  };
}
