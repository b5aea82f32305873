/**
 * A Chromium trace (Tracing through CDP) summed up: the renderer main thread's complete events
 * by name, total and self time per key, the largest first. Self time is an event's duration
 * less its children's on the same thread, so nested events are not counted twice.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export type Trace = { traceEvents: TraceEvent[] } | TraceEvent[];

/** An event's name, with the function's for a FunctionCall and the like. */
export function eventLabel(e: TraceEvent): string {
  const fn = e.args?.data?.functionName;
  return fn ? `${e.name} ${fn}` : e.name;
}

/** The complete events of every thread named `threadName`, one list per thread, in start order (outer first). */
export function threadEvents(trace: Trace, threadName: string): TraceEvent[][] {
  const all = Array.isArray(trace) ? trace : trace.traceEvents;
  const threads = all.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === threadName);
  return threads.map((t) =>
    all.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!),
  );
}

/** Self and total time per label of one thread's events (in start order). */
export function selfTimes(events: TraceEvent[]): { self: Map<string, number>; total: Map<string, number> } {
  const total = new Map<string, number>();
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of events) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    const name = eventLabel(e);
    total.set(name, (total.get(name) ?? 0) + e.dur!);
    self.set(name, (self.get(name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name });
  }
  return { self, total };
}

export function summarizeTrace(trace: Trace, keys: number, top = 18): string {
  const [complete] = threadEvents(trace, 'CrRendererMain');
  if (!complete) return 'trace: no renderer main thread';
  return ['trace, renderer main thread, ms per key:   self   total', ...selfTimeRows(complete, keys, top)].join('\n');
}

function selfTimeRows(events: TraceEvent[], keys: number, top: number): string[] {
  const { self, total } = selfTimes(events);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const ms = (us: number) => (us / 1000 / keys).toFixed(2).padStart(7);
  return rows.map(([name, s]) => `  ${name.slice(0, 38).padEnd(38)} ${ms(s)} ${ms(total.get(name)!)}`);
}

/**
 * The `count` longest tasks on the renderer main thread (its outermost events: a trace with these
 * categories records no RunTask), each with the events that took most of it (self time).
 */
export function longestTasks(trace: Trace, count = 5, parts = 6): string {
  const [onMain] = threadEvents(trace, 'CrRendererMain');
  if (!onMain) return 'trace: no renderer main thread';
  const outer: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of onMain) {
    if (e.ts >= end) {
      outer.push(e);
      end = e.ts + e.dur!;
    }
  }
  return outer
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, count)
    .map((task) => {
      const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
      const summary = selfTimeRows(inside, 1, parts).join('\n');
      return `task ${(task.dur! / 1000).toFixed(1)} ms (${task.name}):\n${summary}`;
    })
    .join('\n');
}
