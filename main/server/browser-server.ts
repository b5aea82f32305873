/**
 * Browser mode: the same UI as the Electron window, served to a local browser.
 *
 * Wire protocol (the renderer's remote client, renderer/src/api/remote-api.ts, speaks this):
 * - Binds 127.0.0.1 only. Prints `http://127.0.0.1:PORT/?token=LINK` (LINK: 32 random bytes, hex),
 *   a sign-in link that works once (sign-in-link.ts). The session secret SESSION (another 32
 *   random bytes) is never printed.
 * - The first GET whose `token` query equals LINK gets cookie `plexus_token_<port>=SESSION;
 *   HttpOnly; SameSite=Strict; Path=/` and a 302 to the same URL without `token` (the browser
 *   keeps the `#hash` across the redirect). Later GETs with LINK (or any other token) are 302'd
 *   the same way when they already carry the session cookie, else 401 (a spent LINK gets a page
 *   saying so and how to get a new one).
 * - Every other request, and the WebSocket upgrade, needs that cookie (any one of several of
 *   that name) or header `X-Plexus-Token: SESSION`, else 401. A `Host` other than
 *   `127.0.0.1:PORT` / `localhost:PORT` is 403 (DNS rebinding). A POST or upgrade whose `Origin`
 *   is not `http://127.0.0.1:PORT` / `http://localhost:PORT` is 403. No CORS headers are ever sent.
 * - `POST /api/<method>`, body: JSON array of the method's arguments (≤ 20 MB). 200: body is the
 *   method's JSON result (a Result's `{ok:false}` is still 200). Non-200 (400 bad body, 404 unknown
 *   method, 413 too large, 500 a non-Result method threw): body `{ ok:false, error:{ code, message } }`
 *   and the client should throw. With --read-only, write methods answer 200
 *   `{ ok:false, error:{ code:'read-only' } }` without reaching the service.
 * - `GET /events` upgrades to a WebSocket that pushes each VaultEvent as one JSON text frame;
 *   messages from the client are ignored.
 * - Everything else (GET/HEAD) is a static file from staticDir, with index.html as the SPA fallback.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiHandlers, VaultEvent } from '../contract/api-contract';
import { handleApi } from './api-route';
import { isAllowedHost, isAuthenticated, isSameOrigin, securityHeaders, sendText, tokenCookie } from './security';
import { SignInLink, usedLinkMessage } from './sign-in-link';
import { serveStatic } from './static-files';

export type EventSubscription = (listener: (event: VaultEvent) => void) => () => void;

export interface BrowserServerOptions {
  handlers: ApiHandlers;
  subscribe: EventSubscription;
  /** 0 or absent: a free port. */
  port?: number;
  /** Only loopback is supported; the option exists so callers state it. */
  host?: '127.0.0.1';
  readOnly: boolean;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Fixed session token (tests; sent as X-Plexus-Token); default 32 random bytes. */
  token?: string;
  /** Where unexpected errors are reported; default console.error. */
  log?: (message: string, error?: unknown) => void;
}

export interface BrowserServer {
  /** The one-time sign-in link to print. */
  url: string;
  port: number;
  /** The session token (the cookie's value; accepted as X-Plexus-Token). */
  token: string;
  close(): Promise<void>;
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
      resolve(address.port);
    });
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  if (options.host !== undefined && options.host !== '127.0.0.1') {
    throw new Error('The browser server only binds 127.0.0.1');
  }
  const token = options.token ?? randomBytes(32).toString('hex');
  const link = new SignInLink(randomBytes(32).toString('hex'));
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, port, 403, 'Forbidden host');
    const target = req.url ?? '';
    // Origin-form only ('/path?query'); absolute-form and '*' targets are not ours to serve.
    if (!target.startsWith('/')) return sendText(res, port, 400, 'Bad request target');
    // Concatenate rather than resolve against a base: '//x' must stay a path, not become a host.
    const url = new URL(`http://127.0.0.1:${port}${target}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET') {
      const redeemed = link.redeem(queryToken);
      if (redeemed !== 'fresh' && !isAuthenticated(req, token, port)) {
        return sendText(res, port, 401, redeemed === 'used' ? usedLinkMessage(port) : 'Wrong token');
      }
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...securityHeaders(port),
        ...(redeemed === 'fresh' ? { 'Set-Cookie': tokenCookie(token, port) } : {}),
        // Collapse leading slashes so the Location can never be a scheme-relative '//host' URL.
        Location: `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!isAuthenticated(req, token, port)) {
      return sendText(res, port, 401, 'Open the link printed by `plexus serve` (it carries a one-time access token).');
    }
    const rawPath = target.split('?')[0];
    if (rawPath.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, port, 405, 'API methods are POST');
      if (!isSameOrigin(req.headers.origin, port)) return sendText(res, port, 403, 'Cross-origin request refused');
      return handleApi(req, res, rawPath.slice('/api/'.length), { handlers: options.handlers, readOnly: options.readOnly, port, log });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, port, 405, 'Method not allowed');
    return serveStatic(req, res, rawPath, { staticDir: options.staticDir, port });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`plexus: ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) sendText(res, port, 500, 'Internal error');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isAllowedHost(req.headers.host, port)) return rejectUpgrade(socket, 403, 'Forbidden');
    if ((req.url ?? '').split('?')[0] !== '/events') return rejectUpgrade(socket, 404, 'Not Found');
    if (!isSameOrigin(req.headers.origin, port)) return rejectUpgrade(socket, 403, 'Forbidden');
    if (!isAuthenticated(req, token, port)) return rejectUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      ws.on('error', (error) => log('plexus: event socket error', error));
      wss.emit('connection', ws, req);
    });
  });

  // One subscription for the whole server; every connected page gets every event.
  const unsubscribe = options.subscribe((event) => {
    const frame = JSON.stringify(event);
    for (const client of wss.clients) {
      if (client.readyState === client.OPEN) client.send(frame);
    }
  });

  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    unsubscribe();
    throw error;
  }

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${link.token}`,
    port,
    token,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        unsubscribe();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
