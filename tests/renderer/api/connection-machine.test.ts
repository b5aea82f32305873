import {
  backoffDelay,
  connectionTransition,
  isDisconnected,
  startConnection,
  type ConnectionInput,
  type ConnectionState,
} from '../../../renderer/src/api/connection-machine';

function run(inputs: ConnectionInput[], from: ConnectionState = startConnection().state) {
  let state = from;
  const effects: string[][] = [];
  for (const input of inputs) {
    const step = connectionTransition(state, input);
    state = step.state;
    effects.push(step.effects.map((e) => (e.kind === 'schedule-retry' ? `retry:${e.delayMs}` : e.kind)));
  }
  return { state, effects };
}

const online = run([{ type: 'socket-open' }]).state;

test('backoff: 0.5 s doubling to a 10 s cap', () => {
  expect([0, 1, 2, 3, 4, 5, 6, 20].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
});

test('start opens the socket; the first open is not a reconnect (no resync)', () => {
  expect(startConnection()).toEqual({ state: { status: 'connecting', phase: 'socket', failures: 0 }, effects: [{ kind: 'open-socket' }] });
  expect(run([{ type: 'socket-open' }]).effects).toEqual([[]]);
  expect(online.status).toBe('online');
});

test('a drop is offline at once, then probe, wait, retry, with the delay doubling each failed attempt up to the cap', () => {
  const attempt: ConnectionInput[] = [{ type: 'retry-due' }, { type: 'socket-closed' }, { type: 'probe-result', result: 'unreachable' }];
  const { state, effects } = run([{ type: 'socket-closed' }, { type: 'probe-result', result: 'unreachable' }, ...Array(6).fill(attempt).flat()], online);
  expect(effects[0]).toEqual(['probe']);
  expect(run([{ type: 'socket-closed' }], online).state.status).toBe('offline');
  const delays = effects.flat().filter((e) => e.startsWith('retry:'));
  expect(delays).toEqual(['retry:500', 'retry:1000', 'retry:2000', 'retry:4000', 'retry:8000', 'retry:10000', 'retry:10000']);
  expect(effects.flat().filter((e) => e === 'open-socket')).toHaveLength(6);
  expect(state).toEqual({ status: 'offline', phase: 'waiting', failures: 7 });
});

test('the socket opening again is online, resets the backoff and asks for a resync', () => {
  const { state, effects } = run(
    [{ type: 'socket-closed' }, { type: 'probe-result', result: 'unreachable' }, { type: 'retry-due' }, { type: 'socket-open' }],
    online,
  );
  expect(state).toEqual({ status: 'online', phase: 'socket', failures: 0 });
  expect(effects.at(-1)).toEqual(['resync']);
  // The next drop starts over at 0.5 s.
  expect(run([{ type: 'socket-closed' }, { type: 'probe-result', result: 'unreachable' }], state).effects.at(-1)).toEqual(['retry:500']);
});

test('a probe answered 401 means the server no longer knows this tab (restarted): signed-out, still retrying', () => {
  const lost = run([{ type: 'socket-closed' }, { type: 'probe-result', result: 'unauthorized' }], online);
  expect(lost.state.status).toBe('signed-out');
  expect(lost.effects.at(-1)).toEqual(['retry:500']);
  // A failed attempt keeps saying signed-out while it probes again, rather than flipping to offline.
  const again = run([{ type: 'retry-due' }, { type: 'socket-closed' }], lost.state);
  expect(again.state).toMatchObject({ status: 'signed-out', phase: 'probing' });
  // The server unreachable again (stopped once more): offline.
  expect(run([{ type: 'probe-result', result: 'unreachable' }], again.state).state.status).toBe('offline');
  // Once signed in elsewhere the socket opens: online, with a resync.
  expect(run([{ type: 'retry-due' }, { type: 'socket-open' }], lost.state).effects.at(-1)).toEqual(['resync']);
});

test('a failed HTTP call while online drops the socket and probes; 401 from a call is signed-out', () => {
  const network = run([{ type: 'request-failed', unauthorized: false }], online);
  expect(network.state).toEqual({ status: 'offline', phase: 'probing', failures: 0 });
  expect(network.effects).toEqual([['close-socket', 'probe']]);
  expect(run([{ type: 'request-failed', unauthorized: true }], online).state.status).toBe('signed-out');
  // Further failures while already disconnected change nothing, except that a 401 is news.
  expect(run([{ type: 'request-failed', unauthorized: false }], network.state)).toEqual({ state: network.state, effects: [[]] });
  expect(run([{ type: 'request-failed', unauthorized: true }], network.state).state.status).toBe('signed-out');
  // Before the first open (page just loaded, server gone): offline too.
  expect(run([{ type: 'request-failed', unauthorized: false }]).state.status).toBe('offline');
});

test('retry-now skips the wait only while waiting; stray inputs in other phases are ignored', () => {
  const waiting = run([{ type: 'socket-closed' }, { type: 'probe-result', result: 'unreachable' }], online).state;
  expect(run([{ type: 'retry-now' }], waiting)).toEqual({ state: { ...waiting, phase: 'socket' }, effects: [['cancel-retry', 'open-socket']] });
  for (const input of [{ type: 'retry-now' }, { type: 'retry-due' }, { type: 'probe-result', result: 'ok' }] as ConnectionInput[]) {
    expect(connectionTransition(online, input)).toEqual({ state: online, effects: [] });
  }
  expect(connectionTransition(waiting, { type: 'socket-open' })).toEqual({ state: waiting, effects: [] });
  expect(connectionTransition(waiting, { type: 'socket-closed' })).toEqual({ state: waiting, effects: [] });
});

test('writing is disabled exactly while offline or signed-out', () => {
  expect((['connecting', 'online', 'offline', 'signed-out'] as const).filter(isDisconnected)).toEqual(['offline', 'signed-out']);
});
