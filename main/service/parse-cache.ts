/**
 * The persistent parse cache: ParsedNote per path, valid while the file's size and mtimeMs are
 * unchanged. Stored with v8.serialize (several times faster to load than JSON for this shape),
 * versioned, and written atomically (temp file + rename) so a crash never leaves half a cache.
 * A missing, corrupt or outdated cache is reported and ignored; the vault is simply re-parsed.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ParsedNote, VaultPath } from '../core/types';
import { describeError, errorCode, type FileReport } from './file-reports';

/** Bump when ParsedNote's shape or the parser's output changes: old caches are then rebuilt. */
export const PARSER_VERSION = 1;
/** Bump when this file's layout changes. */
const CACHE_FORMAT = 1;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  parsed: ParsedNote;
}

interface CacheFile {
  format: number;
  parserVersion: number;
  root: string;
  /** [path, size, mtimeMs, hash, parsed]: tuples serialise smaller and faster than objects. */
  entries: [VaultPath, number, number, string, ParsedNote][];
}

export interface LoadedCache {
  entries: Map<VaultPath, CacheEntry>;
  /** Why the cache was not used (missing, corrupt, outdated), or null when it loaded. */
  report: FileReport | null;
}

export function loadParseCache(file: string, realRoot: string, parserVersion = PARSER_VERSION): LoadedCache {
  const empty = (message: string): LoadedCache => ({ entries: new Map(), report: { path: '', problem: 'cache', message } });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return empty('no parse cache yet; indexing every note');
    return empty(`parse cache unreadable (${describeError(error)}); indexing every note`);
  }
  let data: unknown;
  try {
    data = v8.deserialize(bytes);
  } catch (error) {
    return empty(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  if (!isCacheFile(data)) return empty('parse cache corrupt (unexpected layout); rebuilding it');
  if (data.format !== CACHE_FORMAT || data.parserVersion !== parserVersion) {
    return empty(`parse cache from another version (format ${data.format}, parser ${data.parserVersion}); rebuilding it`);
  }
  if (data.root !== realRoot) return empty('parse cache belongs to another vault path; rebuilding it');
  const entries = new Map<VaultPath, CacheEntry>();
  for (const [entryPath, size, mtimeMs, hash, parsed] of data.entries) entries.set(entryPath, { size, mtimeMs, hash, parsed });
  return { entries, report: null };
}

export async function saveParseCache(
  file: string,
  realRoot: string,
  entries: Iterable<[VaultPath, CacheEntry]>,
  parserVersion = PARSER_VERSION,
): Promise<void> {
  const data: CacheFile = { format: CACHE_FORMAT, parserVersion, root: realRoot, entries: [] };
  for (const [entryPath, entry] of entries) data.entries.push([entryPath, entry.size, entry.mtimeMs, entry.hash, entry.parsed]);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(temp, v8.serialize(data));
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.format === 'number' &&
    typeof record.parserVersion === 'number' &&
    typeof record.root === 'string' &&
    Array.isArray(record.entries) &&
    record.entries.every((entry) => Array.isArray(entry) && entry.length === 5 && typeof entry[0] === 'string' && typeof entry[1] === 'number' && typeof entry[2] === 'number' && typeof entry[3] === 'string' && typeof entry[4] === 'object' && entry[4] !== null)
  );
}
