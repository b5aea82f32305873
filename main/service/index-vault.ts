/**
 * The initial index: scan the folder, reuse cached parses whose size and mtime still match,
 * parse the rest on the pool, and report everything that could not be read.
 */
import type { ParsedNote, VaultPath } from '../core/types';
import { loadParseCache } from './parse-cache';
import type { ParsePool } from './parse-pool';
import { scanVault } from './scan-vault';
import { fileTitle } from './vault-files';
import { VaultState } from './vault-state';

export interface IndexOptions {
  pool: ParsePool;
  maxFileBytes: number;
  /** null: no persistent cache. */
  cacheFile: string | null;
  onProgress(done: number, total: number): void;
}

export interface IndexOutcome {
  state: VaultState;
  /** Every indexed note's parse, for the graph. */
  parsed: ParsedNote[];
  attachments: VaultPath[];
  cacheHits: number;
  parsedFresh: number;
  /** True when the cache on disk no longer matches (something was parsed or removed). */
  cacheDirty: boolean;
}

export async function indexVault(realRoot: string, options: IndexOptions): Promise<IndexOutcome> {
  const state = new VaultState(realRoot);
  const scan = await scanVault(realRoot);
  for (const report of scan.reports) state.fileReports.set(report.path, report);

  const cache = options.cacheFile === null ? null : loadParseCache(options.cacheFile, realRoot);
  if (cache?.report) state.generalReports.push(cache.report);

  const parsed: ParsedNote[] = [];
  const attachments: VaultPath[] = [];
  const toParse: VaultPath[] = [];
  let cacheHits = 0;
  for (const file of scan.files) {
    if (file.kind === 'attachment') {
      state.setAttachment(file.path, file.size, file.mtimeMs);
      attachments.push(file.path);
      continue;
    }
    const cached = cache?.entries.get(file.path);
    if (cached !== undefined && cached.size === file.size && cached.mtimeMs === file.mtimeMs) {
      state.notes.set(file.path, cached);
      state.files.set(file.path, { path: file.path, kind: 'note', title: fileTitle(file.path), size: file.size, mtimeMs: file.mtimeMs });
      if (cached.decodeWarning !== null) state.fileReports.set(file.path, { path: file.path, problem: 'invalid-utf8', message: cached.decodeWarning });
      parsed.push(cached.parsed);
      cacheHits++;
    } else {
      toParse.push(file.path);
    }
  }

  const total = scan.files.length;
  const base = total - toParse.length;
  options.onProgress(base, total);
  const results = await options.pool.parse({ root: realRoot, maxFileBytes: options.maxFileBytes, withText: false }, toParse, (done) =>
    options.onProgress(base + done, total),
  );
  for (const result of results) {
    if (result.ok) {
      state.setNote(result);
      parsed.push(result.parsed);
    } else {
      state.fileReports.set(result.path, result.report);
    }
  }
  const cacheDirty = results.length > 0 || (cache !== null && cache.entries.size !== cacheHits);
  return { state, parsed, attachments, cacheHits, parsedFresh: results.length, cacheDirty };
}
