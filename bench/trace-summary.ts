/**
 * A Chromium trace (Tracing through CDP) summed up: the renderer main thread's complete events
 * by name, total and self time per key, the largest first. Self time is an event's duration
 * less its children's on the same thread, so nested events are not counted twice.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { functionName?: string } };
}

export function summarizeTrace(trace: { traceEvents: TraceEvent[] } | TraceEvent[], keys: number, top = 18): string {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 'trace: no renderer main thread';
  const complete = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const total = new Map<string, number>();
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of complete) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    const name = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
    total.set(name, (total.get(name) ?? 0) + e.dur!);
    self.set(name, (self.get(name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name });
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const ms = (us: number) => (us / 1000 / keys).toFixed(2).padStart(7);
  return [
    'trace, renderer main thread, ms per key:   self   total',
    ...rows.map(([name, s]) => `  ${name.slice(0, 38).padEnd(38)} ${ms(s)} ${ms(total.get(name)!)}`),
  ].join('\n');
}

/**
 * The `count` longest tasks on the renderer main thread (its outermost events: a trace with these
 * categories records no RunTask), each with the events that took most of it (self time).
 */
export function longestTasks(trace: { traceEvents: TraceEvent[] } | TraceEvent[], count = 5, parts = 6): string {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 'trace: no renderer main thread';
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
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
      const summary = summarizeTrace([main, ...inside], 1, parts)
        .split('\n')
        .slice(1)
        .join('\n');
      return `task ${(task.dur! / 1000).toFixed(1)} ms (${task.name}):\n${summary}`;
    })
    .join('\n');
}
