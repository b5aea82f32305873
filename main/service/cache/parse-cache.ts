/**
 * The persistent parse cache: ParsedNote per path, valid while the file's size and mtimeMs are
 * unchanged. Stored as ASCII: a header line, then parts of a thousand notes, each its records as
 * JSON (parse-cache-codec.ts; loads faster than v8.deserialize, see docs/benchmarks.md) and a raw
 * section of link context snippets (parse-cache-links.ts); read part by part (parse-cache-parts.ts).
 * Versioned, and written atomically (temp file + rename) so a crash never leaves half a cache.
 * A missing, corrupt or outdated cache is reported and ignored; the vault is simply re-parsed.
 */
import * as fs from 'node:fs';
import type { LinkRef, ParsedNote, ResolvedLink, VaultPath } from '../../core/types';
import { vaultPathFromListing } from '../../core/vault-path';
import { RESOLUTION_RULE_VERSION, type Resolution } from '../../core/resolve/resolve-link';
import { decodeNote, str } from './parse-cache-codec';
import { gatherEntries } from './parse-cache-gather';
import { ContextSection, decodeLinks, decodeResolvedLinks, encodeLinks, PathTable } from './parse-cache-links';
import { describeError, errorCode, type FileReport } from '../file-reports';
import { cacheVersionOf, isNewerCache, newerCacheMessage } from './cache-version';
import { writeFileAtomic } from '../write/note-writer-atomic';
import { assembleCacheFile, CacheFileReader, NOTES_PER_PART, partLengthsOf, type PartLengths, type PartText } from './parse-cache-parts';

/** Bump when ParsedNote's shape or the parser's output changes: old caches are then rebuilt. */
export const PARSER_VERSION = 2;
/** Bump when this file's layout changes. */
export const CACHE_FORMAT = 10;

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

/** [size, mtimeMs, hash, decodeWarning, note without its links, links, safeMode]; the path is the note's own. */
type CacheRecord = [number, number, string, string | null, ParsedNote, ReturnType<typeof encodeLinks>, string | null];

/** The file's first line (parse-cache-parts.ts); the parts after it hold the CacheRecords, in the order of `paths`. */
interface CacheHeader {
  format: number;
  parserVersion: number;
  resolutionRule: number;
  root: string;
  /** The notes' paths and titles in entry order: the path table (parse-cache-links.ts) before the attachments. */
  paths: unknown;
  titles: unknown;
  /** The attachments the resolutions were computed with; null when the links carry no resolutions. */
  attachments: VaultPath[] | null;
  /** [size, mtimeMs] of each attachment, in the same order; null when not all were known. */
  attachmentStats: [number, number][] | null;
  /** Each part's byte lengths, in file order. */
  parts: unknown;
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
  /** The graph's change count (VaultGraph.changeCount): given, the save gathers the notes in slices (parse-cache-gather.ts). */
  changeCount?(): number;
}

export interface SaveOptions {
  parserVersion?: number;
  graph?: GraphForCache;
}

export function loadParseCache(file: string, realRoot: string, parserVersion = PARSER_VERSION): LoadedCache {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return emptyCache('no parse cache yet; indexing every note');
    return emptyCache(`parse cache unreadable (${describeError(error)}); indexing every note`);
  }
  try {
    return readCache(new CacheFileReader(fd), realRoot, parserVersion);
  } catch (error) {
    // What readCache does not report itself: the file could not be read (an I/O error midway).
    return emptyCache(`parse cache unreadable (${describeError(error)}); indexing every note`);
  } finally {
    fs.closeSync(fd);
  }
}

function emptyCache(message: string, problem: FileReport['problem'] = 'cache'): LoadedCache {
  return { entries: new Map(), stored: null, report: { path: '', problem, message } };
}

function readCache(reader: CacheFileReader, realRoot: string, parserVersion: number): LoadedCache {
  // A newer Plexus's cache is not ours to read or to replace (cache-version.ts); its layout may differ.
  const found = cacheVersionOf(reader.head(64));
  if (found !== null && isNewerCache(found, { format: CACHE_FORMAT, parserVersion })) return emptyCache(newerCacheMessage(found), 'cache-newer');
  let data: unknown;
  let line: string | null;
  try {
    // No newline: an older layout (JSON only) or garbage; parsed whole, so the version says which.
    line = reader.headerLine();
    data = JSON.parse(line ?? reader.head(reader.size));
  } catch (error) {
    return emptyCache(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
  if (!isCacheHeader(data)) return emptyCache('parse cache corrupt (unexpected layout); rebuilding it');
  if (data.format !== CACHE_FORMAT || data.parserVersion !== parserVersion) {
    return emptyCache(`parse cache from another version (format ${data.format}, parser ${data.parserVersion}); rebuilding it`);
  }
  if (data.root !== realRoot) return emptyCache('parse cache belongs to another vault path; rebuilding it');
  if (line === null) return emptyCache('parse cache corrupt (no parts); rebuilding it');
  try {
    return decodeParts(reader, data);
  } catch (error) {
    return emptyCache(`parse cache corrupt (${describeError(error)}); rebuilding it`);
  }
}

/** Every part in order, each decoded while only its own text is held; any fault throws (the whole cache is then rebuilt). */
function decodeParts(reader: CacheFileReader, data: CacheHeader): LoadedCache {
  const entries = new Map<VaultPath, CacheEntry>();
  // Links carry resolutions exactly when the attachment list is there; a rule change voids them.
  const withResolutions = Array.isArray(data.attachments);
  const attachments = withResolutions && data.resolutionRule === RESOLUTION_RULE_VERSION ? (data.attachments as unknown[]) : null;
  const resolved = attachments === null ? null : new Map<VaultPath, ResolvedLink[]>();
  let attachmentStats: StoredResolutions['attachmentStats'] = null;
  if (attachments !== null && Array.isArray(data.attachmentStats)) {
    if (data.attachmentStats.length !== attachments.length) throw new Error('cache record: attachment stats do not match the attachments');
    attachmentStats = (data.attachmentStats as unknown[]).map((pair) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number' || typeof pair[1] !== 'number')
        throw new Error('cache record: unexpected attachment stats');
      return { size: pair[0], mtimeMs: pair[1] };
    });
  }
  const table = pathTable(data.paths, data.titles, withResolutions ? (data.attachments as unknown[]) : []);
  const noteCount = table.titles.length;
  let index = 0;
  for (const lengths of partLengthsOf(data.parts, reader.rest)) {
    const text = reader.part(lengths);
    const records: unknown = JSON.parse(text.json);
    if (!Array.isArray(records)) throw new Error('cache record: a part is not a list');
    const contexts = new ContextSection(text.raw);
    for (const entry of records as unknown[]) {
      if (index >= noteCount) throw new Error('cache record: more entries than paths');
      if (!Array.isArray(entry) || entry.length !== 7) throw new Error('cache record: unexpected layout');
      const [size, mtimeMs, hash, decodeWarning, note, links, safeMode] = entry as unknown[];
      if (
        typeof size !== 'number' ||
        typeof mtimeMs !== 'number' ||
        typeof hash !== 'string' ||
        (decodeWarning !== null && typeof decodeWarning !== 'string') ||
        (safeMode !== null && typeof safeMode !== 'string')
      ) {
        throw new Error('cache record: unexpected layout');
      }
      const path = table.paths[index];
      const title = table.titles[index];
      const record = note as { path?: unknown; title?: unknown } | null;
      if (record?.path !== path || record.title !== title) throw new Error('cache record: a note does not match the path table');
      // The table's strings, shared with the links' resolutions; the record's own copies can go.
      record.path = path;
      record.title = title;
      index++;
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
  }
  if (index !== noteCount) throw new Error('cache record: fewer entries than paths');
  return {
    entries,
    stored: attachments === null || resolved === null ? null : { attachments: table.paths.slice(noteCount), attachmentStats, links: resolved },
    report: null,
  };
}

/** The path table of a stored cache: the notes' paths and titles (checked, in entry order), then the attachments. */
function pathTable(notePaths: unknown, noteTitles: unknown, attachments: unknown[]): PathTable {
  if (!Array.isArray(notePaths) || !Array.isArray(noteTitles) || notePaths.length !== noteTitles.length) {
    throw new Error('cache record: unexpected path table');
  }
  if (new Set(notePaths).size !== notePaths.length) throw new Error('cache record: a path stored twice');
  const paths = (notePaths as unknown[]).map((p) => vaultPathOf(str(p)));
  for (const path of attachments) paths.push(vaultPathOf(str(path)));
  return new PathTable(paths, (noteTitles as unknown[]).map(str));
}

/** Not absolute, no '.' or '..' segment, no NUL (the scanner never makes one): a cache cannot point outside the vault. */
const UNSAFE_PATH = /^\/|(^|\/)\.\.?(\/|$)|\0/;

function vaultPathOf(path: string): VaultPath {
  if (path === '' || UNSAFE_PATH.test(path)) throw new Error(`cache record: ${JSON.stringify(path)} is not a path inside the vault`);
  return vaultPathFromListing(path);
}

export async function saveParseCache(file: string, realRoot: string, entries: Iterable<[VaultPath, CacheEntry]>, options: SaveOptions = {}): Promise<void> {
  const { kept, complete } = await gatherEntries(entries, options.graph);
  const attachments = complete ? (options.graph?.attachments ?? null) : null;
  const attachmentStats = attachments === null ? null : attachmentStatsOf(attachments, options.graph?.attachmentFiles);
  const paths = kept.map((k) => k.note.path);
  const titles = kept.map((k) => k.note.title);
  const table = new PathTable([...paths, ...(attachments ?? [])], titles);
  const parts: PartText[] = [];
  for (let start = 0; start < kept.length; start += NOTES_PER_PART) {
    // At 50k notes the parts' encoding held the event loop for seconds, and a watcher batch
    // waiting behind it reached the graph that much later. What is written was taken above
    // (entries, parses and resolutions are replaced on change, never edited), so changes
    // applied in between cannot mix into this file; they make it stale, and the next write has them.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const contexts = new ContextSection();
    const records: CacheRecord[] = kept.slice(start, start + NOTES_PER_PART).map(({ entry, note, resolutions }) => {
      const links = encodeLinks(entry.parsed.links, complete ? resolutions : null, table, contexts);
      return [entry.size, entry.mtimeMs, entry.hash, entry.decodeWarning, note, links, entry.safeMode];
    });
    parts.push({ json: asciiJson(records), raw: contexts.written() });
  }
  const header = (lengths: PartLengths[]): string =>
    asciiJson({
      // These two first: cache-version.ts reads them from the head without parsing the file.
      format: CACHE_FORMAT,
      parserVersion: options.parserVersion ?? PARSER_VERSION,
      resolutionRule: RESOLUTION_RULE_VERSION,
      root: realRoot,
      paths,
      titles,
      attachments,
      attachmentStats,
      parts: lengths,
    } satisfies CacheHeader);
  await writeFileAtomic(file, assembleCacheFile(header, parts));
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

function isCacheHeader(value: unknown): value is CacheHeader {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.format === 'number' && typeof record.parserVersion === 'number' && typeof record.root === 'string';
}
