/**
 * The persistent parse cache: ParsedNote per path, valid while the file's size and mtimeMs are
 * unchanged. Stored as ASCII JSON (parse-cache-codec.ts; loads ~2x faster than v8.deserialize),
 * versioned, and written atomically (temp file + rename) so a crash never leaves half a cache.
 * A missing, corrupt or outdated cache is reported and ignored; the vault is simply re-parsed.
 */
import { randomBytes } from 'node:crypto';
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote, VaultPath } from '../core/types';
import { decodeNote, encodeNote } from './parse-cache-codec';
import { describeError, errorCode, type FileReport } from './file-reports';

/** Bump when ParsedNote's shape or the parser's output changes: old caches are then rebuilt. */
export const PARSER_VERSION = 1;
/** Bump when this file's layout changes. */
const CACHE_FORMAT = 3;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The invalid-UTF-8 warning the note was read with, so a warm start reports it too. */
  decodeWarning: string | null;
  parsed: ParsedNote;
}

interface CacheFile {
  format: number;
  parserVersion: number;
  root: string;
  /** [size, mtimeMs, hash, decodeWarning, note]; the path is the note's own. */
  entries: [number, number, string, string | null, ParsedNote][];
}

export interface LoadedCache {
  entries: Map<VaultPath, CacheEntry>;
  /** Why the cache was not used (missing, corrupt, outdated), or null when it loaded. */
  report: FileReport | null;
}

export function loadParseCache(file: string, realRoot: string, parserVersion = PARSER_VERSION): LoadedCache {
  const empty = (message: string): LoadedCache => ({ entries: new Map(), report: { path: '', problem: 'cache', message } });
  let text: string;
  try {
    const bytes = fs.readFileSync(file);
    // Written as pure ASCII (see saveParseCache), which decodes ~15x faster than UTF-8 text.
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return empty('no parse cache yet; indexing every note');
    return empty(`parse cache unreadable (${describeError(error)}); indexing every note`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return empty(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  if (!isCacheHeader(data)) return empty('parse cache corrupt (unexpected layout); rebuilding it');
  if (data.format !== CACHE_FORMAT || data.parserVersion !== parserVersion) {
    return empty(`parse cache from another version (format ${data.format}, parser ${data.parserVersion}); rebuilding it`);
  }
  if (data.root !== realRoot) return empty('parse cache belongs to another vault path; rebuilding it');
  const entries = new Map<VaultPath, CacheEntry>();
  try {
    for (const entry of data.entries) {
      if (!Array.isArray(entry) || entry.length !== 5) throw new Error('cache record: unexpected layout');
      const [size, mtimeMs, hash, decodeWarning, note] = entry;
      if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string' || (decodeWarning !== null && typeof decodeWarning !== 'string')) {
        throw new Error('cache record: unexpected layout');
      }
      const parsed = decodeNote(note);
      entries.set(parsed.path, { size, mtimeMs, hash, decodeWarning, parsed });
    }
  } catch (error) {
    return empty(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  return { entries, report: null };
}

export async function saveParseCache(
  file: string,
  realRoot: string,
  entries: Iterable<[VaultPath, CacheEntry]>,
  parserVersion = PARSER_VERSION,
): Promise<void> {
  const data: CacheFile = { format: CACHE_FORMAT, parserVersion, root: realRoot, entries: [] };
  for (const [entryPath, entry] of entries) {
    if (entry.parsed.path !== entryPath) throw new Error(`parse cache: entry ${entryPath} holds the parse of ${entry.parsed.path}`);
    const note = encodeNote(entry.parsed);
    if (note !== null) data.entries.push([entry.size, entry.mtimeMs, entry.hash, entry.decodeWarning, note]);
  }
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(temp, asciiJson(data));
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** JSON with every non-ASCII character written as a \\u escape: same value, ASCII bytes. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isCacheHeader(value: unknown): value is Omit<CacheFile, 'entries'> & { entries: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.format === 'number' && typeof record.parserVersion === 'number' && typeof record.root === 'string' && Array.isArray(record.entries);
}
