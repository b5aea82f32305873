/**
 * The checks both hosts of the built renderer make on a request path before it reaches the disk
 * (the browser server's static files, Electron's plexus://app): its safe segments, that the real
 * path stays inside the root, and the Content-Type a file is served with.
 */
import path from 'node:path';
import { err, ok, type Result } from '../core/result';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Splits a raw URL pathname into safe segments, or says why it is refused. */
export function safeSegments(rawPathname: string): Result<string[], string> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return err('malformed percent-encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return err('forbidden character');
  const segments = decoded.split('/').filter((segment, index, all) => {
    // Only the leading and trailing slashes give empty segments legitimately.
    return !(segment === '' && (index === 0 || index === all.length - 1));
  });
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return err('forbidden path segment');
  }
  return ok(segments);
}

/** True when `child` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
