/**
 * The browser-mode client: implements PlexusApi over `POST /api/<method>` (JSON array of args)
 * and a WebSocket at `/events`. Built from API_METHOD_NAMES so no method is written twice and
 * the contract cannot drift from the client. A Connection (connection.ts) watches the socket and
 * every call, so a server that stops or a dropped connection is noticed, retried and announced.
 */
import { API_METHOD_NAMES } from '../../../main/contract/api-methods';
import type { ApiHandlers, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import { Connection, type Timers } from './connection';
import type { ProbeResult } from './connection-machine';
import { watchRetryNudges } from './connection-nudges';
import { registerConnection } from './connection-registry';
import { openEventSocket } from './event-socket';
import { classifyHref } from '../markdown/link-href';

export interface RemoteApiOptions {
  /** Base URL of the server; defaults to the page's origin. */
  baseUrl?: string;
  /** Sent as X-Plexus-Token when present (the cookie normally suffices). */
  token?: string | null;
  fetchImpl?: typeof fetch;
  /** Factory for the event socket; tests pass a fake. */
  createSocket?: (url: string) => WebSocket;
  /** Opens a URL in a new tab; default window.open. */
  openWindow?: (url: string, target: string, features: string) => unknown;
  /** The reconnect timers; tests pass fakes. */
  timers?: Timers;
}

/** Reads `?token=` from the page address, if any. */
export function tokenFromLocation(loc: Location = window.location): string | null {
  return new URLSearchParams(loc.search).get('token');
}

/** ws: or wss: URL of `/events` on the same host as the page. */
export function eventsUrl(base: string): string {
  const url = new URL('/events', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createRemoteApi(options: RemoteApiOptions = {}): PlexusApi {
  const baseUrl = options.baseUrl ?? window.location.origin;
  const token = options.token === undefined ? tokenFromLocation() : options.token;
  const doFetch = options.fetchImpl ?? ((input, init) => fetch(input, init));

  const listeners = new Set<(event: VaultEvent) => void>();
  const connection = new Connection({
    openSocket: (handlers) =>
      openEventSocket(
        eventsUrl(baseUrl),
        (event) => {
          for (const l of [...listeners]) l(event);
        },
        handlers,
        options.createSocket,
      ),
    probe,
    timers: options.timers,
  });

  /** HEAD / answers 200 to a signed-in tab and 401 once the server no longer knows our session. */
  async function probe(): Promise<ProbeResult> {
    const headers: Record<string, string> = token ? { 'X-Plexus-Token': token } : {};
    const response = await doFetch(new URL('/', baseUrl).toString(), { method: 'HEAD', credentials: 'same-origin', cache: 'no-store', headers });
    if (response.status === 401) return 'unauthorized';
    return response.ok ? 'ok' : 'unreachable';
  }

  async function call(method: string, args: unknown[]): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers['X-Plexus-Token'] = token;
    let response: Response;
    try {
      response = await doFetch(new URL(`/api/${method}`, baseUrl).toString(), {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify(args),
      });
    } catch (error) {
      // fetch rejects with a TypeError when the server cannot be reached at all.
      if (error instanceof TypeError) connection.reportRequestFailure(false);
      throw error;
    }
    if (response.status === 401) connection.reportRequestFailure(true);
    if (!response.ok) {
      // Transport failures are not contract results: surface them as thrown errors with context.
      const body = await response.text().catch(() => '');
      throw new Error(`${method} failed: HTTP ${response.status}${body ? ` ${body.slice(0, 200)}` : ''}`);
    }
    return response.json();
  }

  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of API_METHOD_NAMES) methods[name] = (...args: unknown[]) => call(name, args);
  // The server cannot hand a URL to the OS (it may not even be on the user's desktop), so the
  // page opens it: synchronously, while the click that asked is still the user's gesture.
  const openWindow = options.openWindow ?? ((url, target, features) => window.open(url, target, features));
  methods.openExternal = (url: unknown) => {
    if (typeof url !== 'string' || classifyHref(url).kind !== 'external') {
      return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: 'only http(s) and mailto links can be opened' } });
    }
    openWindow(url, '_blank', 'noopener,noreferrer');
    return Promise.resolve({ ok: true, value: null });
  };

  // The socket (and so the connection watch) lives while someone listens for events.
  let stopNudges: (() => void) | null = null;
  function onEvent(listener: (event: VaultEvent) => void): () => void {
    listeners.add(listener);
    if (!connection.state) {
      connection.start();
      stopNudges = typeof window === 'undefined' ? null : watchRetryNudges(connection);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && connection.state) {
        stopNudges?.();
        stopNudges = null;
        connection.stop();
      }
    };
  }

  const api: PlexusApi = { ...(methods as unknown as ApiHandlers), onEvent };
  registerConnection(api, connection);
  return api;
}
