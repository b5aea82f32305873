/**
 * `plexus://` serves the app instead of file:// so the renderer has a real, narrow origin:
 * - `plexus://app/<path>`: the built renderer (SPA fallback to index.html), with the strict CSP;
 * - `plexus://vault/<vault path>`: images from the open vault, only when the real path is inside
 *   the vault and the index holds the file (never notes, never dotfiles the index skips);
 * - `plexus://app/crashed`: the page shown after a renderer crash (crash-page.ts).
 * Any other host is a 404, `plexus://open` included: deep links (deep-link.ts) arrive on the
 * command line or through 'open-url', never as a request, so a page cannot fire one.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentTypeFor, isInside, safeSegments } from '../app-shell/static-paths';
import { CRASH_PAGE_PATH, ELECTRON_CSP, SCHEME } from './app-urls';
import { CRASH_PAGE_CSP, crashPageHtml } from './crash-page';
import { err, ok, type Result } from '../core/result';
import type { VaultPath } from '../core/types';
import { toVaultPath } from '../core/vault-path';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico']);

/** Must run before app 'ready': a standard, secure scheme gets a real origin and fetch support. */
export function registerPlexusScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export interface VaultAccess {
  root: string;
  /** Whether the vault index holds this vault path. */
  isIndexed(vaultPath: VaultPath): Promise<boolean>;
}

/** The file to send, or the status that refuses the request. */
export type Resolved = Result<string, 400 | 403 | 404>;

export async function resolveVaultFile(vault: VaultAccess, pathname: string): Promise<Resolved> {
  const checked = safeSegments(pathname);
  if (!checked.ok || checked.value.length === 0) return err(400);
  const segments = checked.value;
  const joined = segments.join('/');
  if (!IMAGE_EXTENSIONS.has(path.extname(joined).toLowerCase())) return err(403);
  // A name that is no vault path (a control character, 'C:') is not in the index either.
  const vaultPath = toVaultPath(joined);
  if (!vaultPath.ok || !(await vault.isIndexed(vaultPath.value))) return err(404);
  let root: string;
  let file: string;
  try {
    root = await realpath(vault.root);
    file = await realpath(path.resolve(root, ...segments));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return err(404);
    throw error;
  }
  // A symlink inside the vault may point anywhere; the real file must still be inside.
  if (!isInside(root, file)) return err(403);
  return ok(file);
}

export async function resolveAppFile(rendererDir: string, pathname: string): Promise<Resolved> {
  const checked = safeSegments(pathname);
  if (!checked.ok) return err(400);
  const root = await realpath(rendererDir);
  const wanted = checked.value.length === 0 ? 'index.html' : path.join(...checked.value);
  try {
    const file = await realpath(path.resolve(root, wanted));
    if (!isInside(root, file)) return err(403);
    return ok(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Client-side routes have no extension; a missing asset is a real 404.
    if (path.extname(wanted) !== '') return err(404);
    return ok(path.join(root, 'index.html'));
  }
}

function statusResponse(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

export interface ProtocolOptions {
  rendererDir: string;
  getVault: () => VaultAccess | null;
  log: (message: string, error?: unknown) => void;
}

export async function handlePlexusRequest(request: Request, options: ProtocolOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return statusResponse(405);
  const url = new URL(request.url);
  if (url.host === 'app' && url.pathname === CRASH_PAGE_PATH) {
    return new Response(request.method === 'HEAD' ? null : crashPageHtml(url.searchParams), {
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CRASH_PAGE_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  }
  let resolved: Resolved;
  let csp: string;
  if (url.host === 'app') {
    resolved = await resolveAppFile(options.rendererDir, url.pathname);
    csp = ELECTRON_CSP;
  } else if (url.host === 'vault') {
    const vault = options.getVault();
    if (vault === null) return statusResponse(404);
    resolved = await resolveVaultFile(vault, url.pathname);
    // A vault SVG opened on its own must not run script or load anything.
    csp = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  } else {
    return statusResponse(404);
  }
  if (!resolved.ok) return statusResponse(resolved.error);
  const body = request.method === 'HEAD' ? null : await readFile(resolved.value);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(resolved.value),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/** Installs the handler on the default session (after app 'ready'). */
export function installPlexusProtocol(options: ProtocolOptions): void {
  protocol.handle(SCHEME, async (request) => {
    try {
      return await handlePlexusRequest(request, options);
    } catch (error) {
      options.log(`plexus: ${request.url} failed`, error);
      return statusResponse(500);
    }
  });
}
