/**
 * The browser-mode connection to `plexus serve`, as a pure reducer (no timers, no sockets): the
 * runner in connection.ts does the effects. The rule it exists to keep: a lost connection is
 * noticed at once (the event socket closing, or an HTTP call failing), said, and retried with
 * exponential backoff until the server answers again; then the page resyncs what it missed.
 *
 *   connecting — the first socket is opening (the page just loaded); nothing is reported yet
 *   online     — the event socket is open
 *   offline    — the server cannot be reached; retrying
 *   signed-out — the server answers but refuses our session (it was restarted: its new session
 *                secret is only given out through the new link it printed); retrying, since
 *                signing in through that link in another tab sets the cookie this tab sends too
 *
 * Phases say what is under way: 'socket' (a socket is open or opening), 'probing' (an HTTP
 * request that tells "unreachable" from "signed out", which a failed WebSocket cannot), or
 * 'waiting' (the retry timer runs).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'signed-out';
export type ConnectionPhase = 'socket' | 'probing' | 'waiting';
export type ProbeResult = 'ok' | 'unreachable' | 'unauthorized';

export interface ConnectionState {
  status: ConnectionStatus;
  phase: ConnectionPhase;
  /** Failed attempts since the socket was last open; the next wait is backoffDelay(failures). */
  failures: number;
}

export type ConnectionInput =
  | { type: 'socket-open' }
  | { type: 'socket-closed' }
  /** An HTTP call failed: the network (fetch threw) or 401 (unauthorized). */
  | { type: 'request-failed'; unauthorized: boolean }
  | { type: 'probe-result'; result: ProbeResult }
  | { type: 'retry-due' }
  /** Try now instead of waiting out the backoff (the user asked, the tab came back, another tab signed in). */
  | { type: 'retry-now' };

export type ConnectionEffect =
  | { kind: 'open-socket' }
  | { kind: 'close-socket' }
  | { kind: 'probe' }
  | { kind: 'schedule-retry'; delayMs: number }
  | { kind: 'cancel-retry' }
  /** The connection is back after a loss: re-fetch what may have changed meanwhile. */
  | { kind: 'resync' };

export interface ConnectionStep {
  state: ConnectionState;
  effects: ConnectionEffect[];
}

export const MIN_RETRY_MS = 500;
export const MAX_RETRY_MS = 10_000;

/** 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s for every later attempt. */
export function backoffDelay(failures: number): number {
  return Math.min(MIN_RETRY_MS * 2 ** Math.max(0, failures), MAX_RETRY_MS);
}

/** True while the page must not write: the server is gone or no longer knows this tab. */
export function isDisconnected(status: ConnectionStatus): boolean {
  return status === 'offline' || status === 'signed-out';
}

export function startConnection(): ConnectionStep {
  return { state: { status: 'connecting', phase: 'socket', failures: 0 }, effects: [{ kind: 'open-socket' }] };
}

const stay = (state: ConnectionState): ConnectionStep => ({ state, effects: [] });

export function connectionTransition(s: ConnectionState, input: ConnectionInput): ConnectionStep {
  switch (input.type) {
    case 'socket-open':
      if (s.phase !== 'socket') return stay(s);
      return {
        state: { status: 'online', phase: 'socket', failures: 0 },
        effects: isDisconnected(s.status) ? [{ kind: 'resync' }] : [],
      };

    case 'socket-closed':
      if (s.phase !== 'socket') return stay(s);
      // A drop says so at once; an attempt that failed keeps what the last probe found.
      return { state: { ...s, status: s.status === 'signed-out' ? 'signed-out' : 'offline', phase: 'probing' }, effects: [{ kind: 'probe' }] };

    case 'request-failed':
      if (s.phase === 'socket' && !isDisconnected(s.status)) {
        // The socket may not have noticed yet (a half-open TCP connection): drop it and find out.
        return {
          state: { ...s, status: input.unauthorized ? 'signed-out' : 'offline', phase: 'probing' },
          effects: [{ kind: 'close-socket' }, { kind: 'probe' }],
        };
      }
      if (input.unauthorized && s.status === 'offline') return stay({ ...s, status: 'signed-out' });
      return stay(s);

    case 'probe-result': {
      if (s.phase !== 'probing') return stay(s);
      const status: ConnectionStatus = input.result === 'unauthorized' ? 'signed-out' : 'offline';
      return {
        state: { status, phase: 'waiting', failures: s.failures + 1 },
        effects: [{ kind: 'schedule-retry', delayMs: backoffDelay(s.failures) }],
      };
    }

    case 'retry-due':
      if (s.phase !== 'waiting') return stay(s);
      return { state: { ...s, phase: 'socket' }, effects: [{ kind: 'open-socket' }] };

    case 'retry-now':
      if (s.phase !== 'waiting') return stay(s);
      return { state: { ...s, phase: 'socket' }, effects: [{ kind: 'cancel-retry' }, { kind: 'open-socket' }] };
  }
}
