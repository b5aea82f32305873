import { Connection, type Timers } from '../../../renderer/src/api/connection';
import type { ConnectionStatus, ProbeResult } from '../../../renderer/src/api/connection-machine';

/** Timers the test fires by hand, with the delay each was set for. */
class ManualTimers implements Timers {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ fn, ms, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }
  fire(): number {
    const t = this.pending.shift();
    if (!t) throw new Error('no timer pending');
    t.fn();
    return t.ms;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(probeAnswers: ProbeResult[] = []) {
  const timers = new ManualTimers();
  const sockets: { onOpen(): void; onClose(): void; closed: boolean }[] = [];
  let probes = 0;
  const connection = new Connection({
    openSocket: (handlers) => {
      const s = { ...handlers, closed: false };
      sockets.push(s);
      return { close: () => void (s.closed = true) };
    },
    probe: async () => probeAnswers[probes++] ?? 'unreachable',
    timers,
  });
  const statuses: ConnectionStatus[] = [];
  let reconnects = 0;
  connection.subscribe((s) => statuses.push(s.status));
  connection.onReconnect(() => reconnects++);
  return { connection, timers, sockets, statuses, reconnects: () => reconnects, probes: () => probes };
}

test('a drop is reported at once, retried with backoff, and the reopened socket is a reconnect', async () => {
  const t = setup();
  t.connection.start();
  t.sockets[0].onOpen();
  expect(t.statuses).toEqual(['connecting', 'online']);
  t.sockets[0].onClose();
  // Reported synchronously, before the probe answers: the banner does not wait for the network.
  expect(t.statuses.at(-1)).toBe('offline');
  await flush();
  expect(t.timers.fire()).toBe(500);
  t.sockets[1].onClose();
  await flush();
  expect(t.timers.fire()).toBe(1000);
  t.sockets[2].onClose();
  await flush();
  expect(t.timers.fire()).toBe(2000);
  expect(t.reconnects()).toBe(0);
  t.sockets[3].onOpen();
  expect(t.statuses).toEqual(['connecting', 'online', 'offline', 'online']);
  expect(t.reconnects()).toBe(1);
  expect(t.timers.pending).toEqual([]);
});

test('a 401 probe is signed-out; retry-now skips the wait; stop closes the socket and cancels the timer', async () => {
  const t = setup(['unauthorized']);
  t.connection.start();
  t.sockets[0].onOpen();
  t.connection.reportRequestFailure(false);
  expect(t.sockets[0].closed).toBe(true);
  // The socket we let go of is not news any more.
  t.sockets[0].onClose();
  expect(t.probes()).toBe(1);
  await flush();
  expect(t.statuses.at(-1)).toBe('signed-out');
  expect(t.timers.pending.map((p) => p.ms)).toEqual([500]);
  t.connection.retryNow();
  expect(t.timers.pending).toEqual([]);
  expect(t.sockets).toHaveLength(2);
  t.sockets[1].onClose();
  await flush();
  expect(t.timers.pending.map((p) => p.ms)).toEqual([1000]);
  t.connection.stop();
  expect(t.timers.pending).toEqual([]);
  expect(t.connection.state).toBeNull();
  t.connection.retryNow();
  expect(t.sockets).toHaveLength(2);
});
