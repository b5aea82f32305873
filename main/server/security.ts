/**
 * The browser server's security checks, kept apart from routing so each is small and testable:
 * the response headers (with main/app-shell's Content-Security-Policy, shared with the Electron
 * window), the Host allow-list that defeats DNS rebinding, the same-origin check for POST and
 * WebSocket, and the session token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildCsp } from '../app-shell/content-security-policy';

/**
 * The session cookie's name for a server on `port`. Cookies ignore ports, so two `plexus serve`
 * instances on 127.0.0.1 (two vaults open at once) would otherwise overwrite each other's
 * session and the first tab would start getting 401s.
 */
export function tokenCookieName(port: number): string {
  return `plexus_token_${port}`;
}
export const TOKEN_HEADER = 'x-plexus-token';

/** The names a browser may legitimately use for this server: anything else is DNS rebinding. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (hostHeader === undefined) return false;
  return allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** An absent Origin (curl, same-origin GET) is allowed; a present one must be ours exactly. */
export function isSameOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`);
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp({ connect: allowedHosts(port).map((host) => `ws://${host}`) }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Constant-time comparison so the token cannot be guessed byte by byte from response timing. */
export function tokenMatches(candidate: string | undefined | null, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every value sent under `name`, in header order. A page on another 127.0.0.1 port can set a
 * cookie of the same name (cookies ignore ports) with a narrower Path, which browsers send
 * first: taking only the first match would let it lock the user out.
 */
export function readCookies(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** The request carries the session token in a cookie (any of several of that name) or the X-Plexus-Token header. */
export function isAuthenticated(req: IncomingMessage, token: string, port: number): boolean {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && tokenMatches(header, token)) return true;
  return readCookies(req.headers.cookie, tokenCookieName(port)).some((value) => tokenMatches(value, token));
}

export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Every response gets the security headers; never any Access-Control-* header. */
export function sendText(res: ServerResponse, port: number, status: number, text: string): void {
  res.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendJson(res: ServerResponse, port: number, status: number, value: unknown): void {
  sendJsonBody(res, port, status, JSON.stringify(value ?? null));
}

/** A JSON reply already serialised. */
export function sendJsonBody(res: ServerResponse, port: number, status: number, body: string | Buffer): void {
  res.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
