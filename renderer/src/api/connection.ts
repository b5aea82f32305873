/**
 * Runs the connection machine (connection-machine.ts): opens the event socket, probes, keeps the
 * retry timer, and tells subscribers when the status changes and when the connection came back
 * after a loss (so they resync). Timers and the socket are injected, so tests drive it by hand.
 */
import {
  connectionTransition,
  startConnection,
  type ConnectionEffect,
  type ConnectionInput,
  type ConnectionState,
  type ProbeResult,
} from './connection-machine';

export interface SocketHandle {
  close(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionDeps {
  /** Opens the event socket; exactly one of onOpen / onClose-before-open is expected, then onClose once. */
  openSocket(handlers: { onOpen(): void; onClose(): void }): SocketHandle;
  /** One HTTP request that tells "the server answers and knows us" from "unreachable" and "signed out". */
  probe(): Promise<ProbeResult>;
  timers?: Timers;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Connection {
  private current: ConnectionState | null = null;
  private socket: SocketHandle | null = null;
  private timer: unknown = null;
  private readonly timers: Timers;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly reconnectListeners = new Set<() => void>();

  constructor(private readonly deps: ConnectionDeps) {
    this.timers = deps.timers ?? realTimers;
  }

  /** null before start() and after stop(). */
  get state(): ConnectionState | null {
    return this.current;
  }

  start(): void {
    if (this.current) return;
    const step = startConnection();
    this.current = step.state;
    this.notify();
    this.run(step.effects);
  }

  stop(): void {
    this.current = null;
    this.cancelTimer();
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  /** An HTTP call failed: fetch threw (network) or the server answered 401. */
  reportRequestFailure(unauthorized: boolean): void {
    this.dispatch({ type: 'request-failed', unauthorized });
  }

  retryNow(): void {
    this.dispatch({ type: 'retry-now' });
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called each time the socket is open again after the connection was lost. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private dispatch(input: ConnectionInput): void {
    if (!this.current) return;
    const before = this.current;
    const step = connectionTransition(before, input);
    this.current = step.state;
    if (step.state.status !== before.status) this.notify();
    this.run(step.effects);
  }

  private notify(): void {
    const state = this.current;
    if (!state) return;
    for (const l of [...this.listeners]) l(state);
  }

  private run(effects: ConnectionEffect[]): void {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'open-socket':
          this.openSocket();
          break;
        case 'close-socket': {
          const socket = this.socket;
          this.socket = null;
          socket?.close();
          break;
        }
        case 'probe':
          void this.deps.probe().then(
            (result) => this.dispatch({ type: 'probe-result', result }),
            // A probe that itself fails is the network failing.
            () => this.dispatch({ type: 'probe-result', result: 'unreachable' }),
          );
          break;
        case 'schedule-retry':
          this.cancelTimer();
          this.timer = this.timers.setTimeout(() => {
            this.timer = null;
            this.dispatch({ type: 'retry-due' });
          }, effect.delayMs);
          break;
        case 'cancel-retry':
          this.cancelTimer();
          break;
        case 'resync':
          for (const l of [...this.reconnectListeners]) l();
          break;
      }
    }
  }

  private openSocket(): void {
    const socket = this.deps.openSocket({
      // Events from a socket we have let go (closed on purpose, or replaced) are not news.
      onOpen: () => {
        if (this.socket === socket) this.dispatch({ type: 'socket-open' });
      },
      onClose: () => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.dispatch({ type: 'socket-closed' });
      },
    });
    this.socket = socket;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
