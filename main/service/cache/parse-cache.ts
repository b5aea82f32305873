/**
 * The persistent parse cache: ParsedNote per path, valid while the file's size and mtimeMs are
 * unchanged. Stored as ASCII: one line of JSON (parse-cache-codec.ts; loads faster than
 * v8.deserialize, see docs/benchmarks.md), then a raw section of link context snippets (parse-cache-links.ts). Versioned,
 * and written atomically (temp file + rename) so a crash never leaves half a cache.
 * A missing, corrupt or outdated cache is reported and ignored; the vault is simply re-parsed.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import type { LinkRef, ParsedNote, ResolvedLink, VaultPath } from '../../core/types';
import { RESOLUTION_RULE_VERSION, type Resolution } from '../../core/resolve/resolve-link';
import { decodeNote, encodeNote, str } from './parse-cache-codec';
import { ContextSection, decodeLinks, decodeResolvedLinks, encodeLinks, PathTable } from './parse-cache-links';
import { describeError, errorCode, type FileReport } from '../file-reports';
import { cacheVersionOf, isNewerCache, newerCacheMessage } from './cache-version';
import { writeFileAtomic } from '../write/note-writer-atomic';

/** Bump when ParsedNote's shape or the parser's output changes: old caches are then rebuilt. */
export const PARSER_VERSION = 2;
/** Bump when this file's layout changes. */
export const CACHE_FORMAT = 9;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The invalid-UTF-8 warning the note was read with, so a warm start reports it too. */
  decodeWarning: string | null;
  parsed: ParsedNote;
  /**
   * Why the note was parsed in safe mode (its full parse ran over budget or crashed), or null.
   * Kept with the parse, so a warm start neither pays the budget again nor forgets to say so;
   * the note is parsed in full again when it changes or the parser version does.
   */
  safeMode: string | null;
}

interface CacheFile {
  format: number;
  parserVersion: number;
  resolutionRule: number;
  root: string;
  /** [size, mtimeMs, hash, decodeWarning, note without its links, links, safeMode]; the path is the note's own. */
  entries: [number, number, string, string | null, ParsedNote, ReturnType<typeof encodeLinks>, string | null][];
  /** The attachments the resolutions were computed with; null when the links carry no resolutions. */
  attachments: VaultPath[] | null;
  /** [size, mtimeMs] of each attachment, in the same order; null when not all were known. */
  attachmentStats: [number, number][] | null;
}

/**
 * The graph as it stood when the cache was written: every link's resolution, valid for exactly
 * the cached notes plus these attachments. A warm start builds the graph from it without
 * resolving anything, then corrects it for files that changed meanwhile.
 */
export interface StoredResolutions {
  attachments: VaultPath[];
  /**
   * Each attachment's size and mtime when the cache was written, in the same order (null when
   * unknown): with them a start can list the vault's files from the cache alone.
   */
  attachmentStats: { size: number; mtimeMs: number }[] | null;
  /** Each note's links, resolved; the same objects as the note's own `links`. */
  links: Map<VaultPath, ResolvedLink[]>;
}

export interface LoadedCache {
  entries: Map<VaultPath, CacheEntry>;
  /** Present when the cache holds every note's resolutions (written by the current rule). */
  stored: StoredResolutions | null;
  /** Why the cache was not used (missing, corrupt, outdated), or null when it loaded. */
  report: FileReport | null;
}

/** What a cache writer may add so the next start can skip link resolution. */
export interface GraphForCache {
  attachments: VaultPath[];
  /** Where the attachments' sizes and mtimes can be looked up (the service's file list). */
  attachmentFiles?: ReadonlyMap<VaultPath, { size: number; mtimeMs: number }>;
  /** The links' resolutions for this exact parse, or null when the graph holds another (then none are stored). */
  resolutionsOf(path: VaultPath, parsed: ParsedNote): readonly Resolution[] | null;
}

export interface SaveOptions {
  parserVersion?: number;
  graph?: GraphForCache;
}

export function loadParseCache(file: string, realRoot: string, parserVersion = PARSER_VERSION): LoadedCache {
  const empty = (message: string): LoadedCache => ({ entries: new Map(), stored: null, report: { path: '', problem: 'cache', message } });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return empty('no parse cache yet; indexing every note');
    return empty(`parse cache unreadable (${describeError(error)}); indexing every note`);
  }
  // Written as pure ASCII (see saveParseCache), which decodes much faster than UTF-8 text (docs/benchmarks.md).
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  // A newer Plexus's cache is not ours to read or to replace (cache-version.ts); its layout may differ.
  const found = cacheVersionOf(bytes.toString('latin1', 0, 64));
  if (found !== null && isNewerCache(found, { format: CACHE_FORMAT, parserVersion })) {
    return { entries: new Map(), stored: null, report: { path: '', problem: 'cache-newer', message: newerCacheMessage(found) } };
  }
  // The JSON head ends at the first newline (JSON.stringify writes none); the raw section follows.
  const newline = bytes.indexOf(10);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString(encoding, 0, newline === -1 ? bytes.length : newline));
  } catch (error) {
    return empty(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  if (!isCacheHeader(data)) return empty('parse cache corrupt (unexpected layout); rebuilding it');
  if (data.format !== CACHE_FORMAT || data.parserVersion !== parserVersion) {
    return empty(`parse cache from another version (format ${data.format}, parser ${data.parserVersion}); rebuilding it`);
  }
  if (data.root !== realRoot) return empty('parse cache belongs to another vault path; rebuilding it');
  if (newline === -1) return empty('parse cache corrupt (no raw section); rebuilding it');
  const entries = new Map<VaultPath, CacheEntry>();
  // Links carry resolutions exactly when the attachment list is there; a rule change voids them.
  const withResolutions = Array.isArray(data.attachments);
  const attachments = withResolutions && data.resolutionRule === RESOLUTION_RULE_VERSION ? (data.attachments as unknown[]) : null;
  const resolved = attachments === null ? null : new Map<VaultPath, ResolvedLink[]>();
  let attachmentStats: StoredResolutions['attachmentStats'] = null;
  try {
    if (attachments !== null && Array.isArray(data.attachmentStats)) {
      if (data.attachmentStats.length !== attachments.length) throw new Error('cache record: attachment stats do not match the attachments');
      attachmentStats = (data.attachmentStats as unknown[]).map((pair) => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number' || typeof pair[1] !== 'number')
          throw new Error('cache record: unexpected attachment stats');
        return { size: pair[0], mtimeMs: pair[1] };
      });
    }
    const table = pathTable(data.entries, withResolutions ? (data.attachments as unknown[]) : []);
    const contexts = new ContextSection(bytes.toString(encoding, newline + 1));
    for (const entry of data.entries as unknown[][]) {
      const [size, mtimeMs, hash, decodeWarning, note, links, safeMode] = entry;
      if (
        typeof size !== 'number' ||
        typeof mtimeMs !== 'number' ||
        typeof hash !== 'string' ||
        (decodeWarning !== null && typeof decodeWarning !== 'string') ||
        (safeMode !== null && typeof safeMode !== 'string')
      ) {
        throw new Error('cache record: unexpected layout');
      }
      const path = (note as { path: string }).path;
      const noteLinks =
        resolved !== null
          ? decodeResolvedLinks(links, path, table, contexts)
          : withResolutions
            ? stripResolutions(decodeResolvedLinks(links, path, table, contexts))
            : decodeLinks(links, contexts);
      const parsed = decodeNote(note, noteLinks);
      entries.set(path, { size, mtimeMs, hash, decodeWarning, parsed, safeMode });
      if (resolved !== null) resolved.set(path, noteLinks as ResolvedLink[]);
    }
    contexts.finish();
  } catch (error) {
    return empty(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  return {
    entries,
    stored: attachments === null || resolved === null ? null : { attachments: attachments as VaultPath[], attachmentStats, links: resolved },
    report: null,
  };
}

/** The path table of a stored cache: every entry's note path and title (checked), then the attachments. */
function pathTable(entries: unknown[], attachments: unknown[]): PathTable {
  const paths: string[] = [];
  const titles: string[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 7) throw new Error('cache record: unexpected layout');
    const note = entry[4] as { path?: unknown; title?: unknown } | null;
    if (typeof note?.path !== 'string' || typeof note.title !== 'string') throw new Error('cache record: note without a path');
    paths.push(vaultPathOf(note.path));
    titles.push(note.title);
  }
  for (const path of attachments) paths.push(vaultPathOf(str(path)));
  return new PathTable(paths, titles);
}

/** Not absolute, no '.' or '..' segment, no NUL (the scanner never makes one): a cache cannot point outside the vault. */
const UNSAFE_PATH = /^\/|(^|\/)\.\.?(\/|$)|\0/;

function vaultPathOf(path: string): VaultPath {
  if (path === '' || UNSAFE_PATH.test(path)) throw new Error(`cache record: ${JSON.stringify(path)} is not a path inside the vault`);
  return path;
}

export async function saveParseCache(file: string, realRoot: string, entries: Iterable<[VaultPath, CacheEntry]>, options: SaveOptions = {}): Promise<void> {
  const data: CacheFile = {
    format: CACHE_FORMAT,
    parserVersion: options.parserVersion ?? PARSER_VERSION,
    resolutionRule: RESOLUTION_RULE_VERSION,
    root: realRoot,
    entries: [],
    attachments: null,
    attachmentStats: null,
  };
  // Resolutions are only worth storing for the complete set: a note left out (its frontmatter
  // cannot go through JSON) or one the graph holds differently would make them wrong.
  let complete = options.graph !== undefined;
  const kept: { entry: CacheEntry; note: ParsedNote; resolutions: readonly Resolution[] | null }[] = [];
  for (const [entryPath, entry] of entries) {
    if (entry.parsed.path !== entryPath) throw new Error(`parse cache: entry ${entryPath} holds the parse of ${entry.parsed.path}`);
    const note = encodeNote(entry.parsed);
    const resolutions = options.graph?.resolutionsOf(entryPath, entry.parsed) ?? null;
    if (note === null || resolutions === null) complete = false;
    if (note !== null) kept.push({ entry, note, resolutions });
  }
  data.attachments = complete ? (options.graph?.attachments ?? null) : null;
  data.attachmentStats = data.attachments === null ? null : attachmentStatsOf(data.attachments, options.graph?.attachmentFiles);
  const table = new PathTable(
    [...kept.map((k) => k.note.path), ...(data.attachments ?? [])],
    kept.map((k) => k.note.title),
  );
  const contexts = new ContextSection();
  for (const { entry, note, resolutions } of kept) {
    const links = encodeLinks(entry.parsed.links, complete ? resolutions : null, table, contexts);
    data.entries.push([entry.size, entry.mtimeMs, entry.hash, entry.decodeWarning, note, links, entry.safeMode]);
  }
  await writeFileAtomic(file, `${asciiJson(data)}\n${contexts.written()}`);
}

function attachmentStatsOf(attachments: VaultPath[], files: GraphForCache['attachmentFiles']): [number, number][] | null {
  const stats: [number, number][] = [];
  for (const path of attachments) {
    const file = files?.get(path);
    if (file === undefined) return null;
    stats.push([file.size, file.mtimeMs]);
  }
  return stats;
}

/** JSON with every non-ASCII character written as a \\u escape: same value, ASCII bytes. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** LinkRefs with the resolution fields dropped (a cache written under another resolution rule). */
function stripResolutions(links: ResolvedLink[]): LinkRef[] {
  return links.map(({ source: _source, resolved: _resolved, candidates: _candidates, ...link }) => link);
}

function isCacheHeader(value: unknown): value is Omit<CacheFile, 'entries'> & { entries: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.format === 'number' && typeof record.parserVersion === 'number' && typeof record.root === 'string' && Array.isArray(record.entries);
}
