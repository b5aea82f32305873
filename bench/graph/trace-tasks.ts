/**
 * A Chromium trace of a fresh open read as the issue asks: which main-thread tasks took longer
 * than a frame may (and what filled them), and when the layout worker started, built its graph
 * and first posted. Times are from the page's 'fresh-open' mark (fresh-open.ts), the first
 * event when it is missing.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

function label(e: TraceEvent): string {
  const fn = e.args?.data?.functionName;
  return fn ? `${e.name} ${fn}` : e.name;
}

/** Self time per label of the events nested in `[start, end)` on one thread. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of events) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    const name = label(e);
    self.set(name, (self.get(name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name });
  }
  return self;
}

function threadEvents(all: TraceEvent[], threadName: string): TraceEvent[][] {
  const threads = all.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === threadName);
  return threads.map((t) =>
    all.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!),
  );
}

export function summarizeFreshOpenTrace(trace: { traceEvents: TraceEvent[] } | TraceEvent[], overMs = 150): string {
  const all = Array.isArray(trace) ? trace : trace.traceEvents;
  const [main] = threadEvents(all, 'CrRendererMain');
  if (!main) return 'trace: no renderer main thread';
  const mark = all.find((e) => e.name === 'fresh-open' && e.ph !== 'M');
  const t0 = mark?.ts ?? main[0].ts;
  const at = (ts: number) => ((ts - t0) / 1000).toFixed(0);
  const lines = [`trace: main-thread tasks over ${overMs} ms (start ms from the fresh-open mark: duration; largest self times inside)`];
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur! > overMs * 1000 && e.ts + e.dur! >= t0);
  for (const task of tasks) {
    const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur!);
    const top = [...selfTimes(inside).entries()]
      .filter(([n]) => n !== 'RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    lines.push(`  +${at(task.ts)}: ${(task.dur! / 1000).toFixed(0)} ms; ${top.join(', ')}`);
  }
  if (tasks.length === 0) lines.push('  none');
  for (const [k, worker] of threadEvents(all, 'DedicatedWorker thread').entries()) {
    const busy = worker.filter((e) => e.ts >= t0);
    if (busy.length === 0) continue;
    const first = busy[0];
    const top = [...selfTimes(busy.filter((e) => e.ts < first.ts + 3_000_000)).entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    const posts = busy.filter((e) => /postMessage/i.test(label(e))).map((e) => `+${at(e.ts)}`);
    lines.push(`  worker ${k}: first event +${at(first.ts)} (${label(first)}); first 3 s self ms: ${top.join(', ')}`);
    if (posts.length) lines.push(`    posts: ${posts.slice(0, 6).join(' ')}`);
  }
  return lines.join('\n');
}
