/**
 * Which Plexus wrote a parse cache, read from its first bytes without parsing the file, so the
 * loader and the writer can tell a cache from a newer version apart from an outdated one. Every
 * cache starts `{"format":N,"parserVersion":M,` (saveParseCache writes those keys first; a
 * newer version must keep them there).
 *
 * A newer version's cache is ignored and left as it is: overwriting it would make the newer
 * version start cold next time, and when two versions are used by turns (a downgrade to try
 * something, two installs), each would wipe the other's cache on every start.
 */
import * as fs from 'node:fs';

export interface CacheVersion {
  format: number;
  parserVersion: number;
}

const HEAD_BYTES = 64;
const HEAD = /^\{"format":(\d+),"parserVersion":(\d+)[,}]/;

/** The version a cache's head states, or null when the head says none (garbage, empty). */
export function cacheVersionOf(head: string): CacheVersion | null {
  const match = HEAD.exec(head);
  return match === null ? null : { format: Number(match[1]), parserVersion: Number(match[2]) };
}

/** The version of the cache file at `file`, or null when there is none or it states none. */
export function peekCacheVersion(file: string): CacheVersion | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null; // No cache (or unreadable): nothing to protect; the write says why if it fails.
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
    return cacheVersionOf(head.toString('latin1', 0, read));
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `found` was written by a later Plexus than one writing `ours`: a later format, or the same format and a later parser. */
export function isNewerCache(found: CacheVersion, ours: CacheVersion): boolean {
  return found.format > ours.format || (found.format === ours.format && found.parserVersion > ours.parserVersion);
}

export function newerCacheMessage(found: CacheVersion): string {
  return (
    `the parse cache was written by a newer version of Plexus (format ${found.format}, parser ${found.parserVersion}); ` +
    'this version leaves it as it is and indexes every note without it (delete the cache to let this version keep its own)'
  );
}
