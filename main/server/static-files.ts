/**
 * Serves the built renderer. A request path can never leave the static root: it is decoded once,
 * any '.', '..', empty-after-decoding or backslash segment is refused outright (not normalised;
 * main/app-shell/static-paths.ts), and the real path (symlinks resolved) must still sit inside
 * the real root.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor, isInside, safeSegments } from '../app-shell/static-paths';
import { securityHeaders, sendText } from './security';

/**
 * No built asset has a name near these limits; a longer request would only reach the file
 * system to fail there (ENAMETOOLONG past 255 bytes a segment), so it is a plain 404.
 */
const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_CHARS = 1024;

function tooLong(segments: string[]): boolean {
  return segments.join('/').length > MAX_PATH_CHARS || segments.some((segment) => Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES);
}

export interface StaticHost {
  staticDir: string;
  port: number;
}

async function regularFile(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, port: number, file: string, size: number): void {
  res.writeHead(200, {
    ...securityHeaders(port),
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    // The renderer is rebuilt in place; always revalidate so a rebuild is picked up.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', (error) => res.destroy(error));
  stream.pipe(res);
}

/**
 * GET/HEAD of a static file. Paths without an extension that match no file fall back to
 * index.html (client-side routes); a missing asset is a plain 404.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, host: StaticHost): Promise<void> {
  const checked = safeSegments(pathname);
  if (!checked.ok) {
    sendText(res, host.port, 400, `Bad path: ${checked.error}`);
    return;
  }
  const segments = checked.value;
  if (tooLong(segments)) {
    sendText(res, host.port, 404, 'Not found');
    return;
  }
  let root: string;
  try {
    root = await realpath(host.staticDir);
  } catch {
    sendText(res, host.port, 503, 'The renderer is not built yet: run `npm run build`.');
    return;
  }
  const wanted = segments.length === 0 ? 'index.html' : path.join(...segments);
  const candidate = path.resolve(root, wanted);
  let size = isInside(root, candidate) ? await regularFile(candidate) : null;
  let file = candidate;
  if (size !== null) {
    file = await realpath(candidate);
    if (!isInside(root, file)) size = null;
  }
  if (size === null) {
    if (path.extname(wanted) !== '' && wanted !== 'index.html') {
      sendText(res, host.port, 404, 'Not found');
      return;
    }
    file = path.join(root, 'index.html');
    size = await regularFile(file);
    if (size === null) {
      sendText(res, host.port, 503, 'The renderer is not built yet: run `npm run build`.');
      return;
    }
  }
  sendFile(req, res, host.port, file, size);
}
