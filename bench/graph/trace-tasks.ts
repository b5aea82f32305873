/**
 * A Chromium trace of a fresh open read as the issue asks: which main-thread tasks took longer
 * than a frame may (and what filled them), and when the layout worker started, built its graph
 * and first posted. Times are from the page's 'fresh-open' mark (fresh-open.ts), the first
 * event when it is missing.
 */
import { eventLabel, selfTimes, threadEvents, type Trace } from '../trace-summary';

export function summarizeFreshOpenTrace(trace: Trace, overMs = 150): string {
  const all = Array.isArray(trace) ? trace : trace.traceEvents;
  const [main] = threadEvents(trace, 'CrRendererMain');
  if (!main) return 'trace: no renderer main thread';
  const mark = all.find((e) => e.name === 'fresh-open' && e.ph !== 'M');
  const t0 = mark?.ts ?? main[0].ts;
  const at = (ts: number) => ((ts - t0) / 1000).toFixed(0);
  const lines = [`trace: main-thread tasks over ${overMs} ms (start ms from the fresh-open mark: duration; largest self times inside)`];
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur! > overMs * 1000 && e.ts + e.dur! >= t0);
  for (const task of tasks) {
    const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur!);
    const top = [...selfTimes(inside).self.entries()]
      .filter(([n]) => n !== 'RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    lines.push(`  +${at(task.ts)}: ${(task.dur! / 1000).toFixed(0)} ms; ${top.join(', ')}`);
  }
  if (tasks.length === 0) lines.push('  none');
  for (const [k, worker] of threadEvents(trace, 'DedicatedWorker thread').entries()) {
    const busy = worker.filter((e) => e.ts >= t0);
    if (busy.length === 0) continue;
    const first = busy[0];
    const top = [...selfTimes(busy.filter((e) => e.ts < first.ts + 3_000_000)).self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    const posts = busy.filter((e) => /postMessage/i.test(eventLabel(e))).map((e) => `+${at(e.ts)}`);
    lines.push(`  worker ${k}: first event +${at(first.ts)} (${eventLabel(first)}); first 3 s self ms: ${top.join(', ')}`);
    if (posts.length) lines.push(`    posts: ${posts.slice(0, 6).join(' ')}`);
  }
  return lines.join('\n');
}
