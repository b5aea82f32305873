/**
 * The initial index: scan the folder, reuse cached parses whose size and mtime still match,
 * parse the rest on the pool, build the graph, and report everything that could not be read.
 *
 * With a cache, the scan runs on a worker while this thread loads the cache and builds the
 * graph from it speculatively; the scan's answer then corrects the graph (notes changed,
 * added or removed while the app was closed, and the attachments) through the graph's
 * incremental update, which is proven equal to a fresh build. On an unchanged vault the
 * correction is empty, so a warm start costs max(scan, cache + graph) instead of their sum.
 */
import * as fs from 'node:fs';
import type { VaultGraph } from '../../core/graph/vault-graph';
import type { ParsedNote, VaultPath } from '../../core/types';
import { loadParseCache, type CacheEntry, type LoadedCache } from '../cache/parse-cache';
import type { ParsePool } from './parse-pool';
import type { VaultFs } from '../files/vault-fs';
import { nodeVaultFs } from '../files/node-vault-fs';
import type { ScanResult } from './scan-vault';
import { VaultState } from '../vault-state';

/** About 2,000 notes' worth of cache. */
const WORKER_SCAN_MIN_CACHE_BYTES = 3_000_000;
/** The deferred scan's turns on the main thread, as long as the search index's (search-index-fill.ts). */
const SCAN_SLICE_MS = 8;

function cacheBytes(cacheFile: string | null): number {
  if (cacheFile === null) return 0;
  try {
    return fs.statSync(cacheFile).size;
  } catch {
    return 0; // No cache yet (or unreadable: loadParseCache reports why).
  }
}

export interface IndexOptions {
  pool: ParsePool;
  /** An empty graph; indexVault fills it. */
  graph: VaultGraph;
  maxFileBytes: number;
  /** null: no persistent cache. */
  cacheFile: string | null;
  onProgress(done: number, total: number): void;
  /**
   * Return as soon as the graph is built from a complete cache (every link's resolution and the
   * attachments' sizes and mtimes stored), with the file list taken from the cache; the folder
   * scan is then handed back as `diskCheck` for the caller to apply as ordinary changes.
   */
  deferDiskCheck?: boolean;
  /** Where the vault's files live (default the disk); the pool must read the same. */
  fs?: VaultFs;
}

export interface IndexOutcome {
  state: VaultState;
  cacheHits: number;
  parsedFresh: number;
  /** True when the cache on disk no longer matches (something was parsed or removed). */
  cacheDirty: boolean;
  /** With deferDiskCheck and a complete cache: the scan still to compare with `state`; else null. */
  diskCheck: Promise<ScanResult> | null;
}

export async function indexVault(realRoot: string, options: IndexOptions): Promise<IndexOutcome> {
  const { graph } = options;
  const state = new VaultState(realRoot, options.fs ?? nodeVaultFs);
  // Booting a worker (docs/benchmarks.md) only pays when the scan it hides is long; the cache's size
  // says how big the vault was last time.
  const deferred = options.deferDiskCheck === true && options.cacheFile !== null;
  const onWorker = !deferred && cacheBytes(options.cacheFile) >= WORKER_SCAN_MIN_CACHE_BYTES;
  const startScan = (): Promise<ScanResult> => {
    const started = options.pool.scan(realRoot, { onWorker, sliceMs: deferred ? SCAN_SLICE_MS : undefined });
    // Observed at once, so a failed scan never becomes an unhandled rejection whichever way this
    // function leaves (awaiting it below still sees the failure).
    started.catch(() => undefined);
    return started;
  };
  // A deferred disk check starts its scan once the graph is built: on two cores, a worker
  // scanning meanwhile slows the load the user is waiting for. Otherwise the scan overlaps it.
  let scanning = deferred ? null : startScan();
  const cache: LoadedCache | null = options.cacheFile === null ? null : loadParseCache(options.cacheFile, realRoot);
  let speculative = false;
  if (cache !== null && cache.entries.size > 0) {
    const upsertNotes = [...cache.entries.values()].map((entry) => entry.parsed);
    // With the stored resolutions nothing needs resolving; without them, resolve as usual.
    if (cache.stored !== null) graph.loadResolved({ upsertNotes, addAttachments: cache.stored.attachments }, cache.stored.links);
    else graph.load({ upsertNotes });
    speculative = true;
  }
  if (cache?.report) state.generalReports.push(cache.report);
  const stats = cache?.stored?.attachmentStats ?? null;
  if (speculative && options.deferDiskCheck === true && cache !== null && cache.stored !== null && stats !== null) {
    fillStateFromCache(state, cache.entries, cache.stored.attachments, stats);
    return { state, cacheHits: cache.entries.size, parsedFresh: 0, cacheDirty: false, diskCheck: scanning ?? startScan() };
  }
  scanning ??= startScan();
  const scan = await scanning;
  for (const report of scan.reports) state.fileReports.set(report.path, report);

  const { toParse, attachments, cacheHits } = matchCache(state, scan, cache?.entries ?? null);
  const total = scan.files.length;
  const base = total - toParse.length;
  options.onProgress(base, total);
  const results = await options.pool.parse({ root: realRoot, maxFileBytes: options.maxFileBytes, withText: false }, toParse, (done) =>
    options.onProgress(base + done, total),
  );
  const fresh: ParsedNote[] = [];
  for (const result of results) {
    if (result.ok) {
      state.setNote(result);
      fresh.push(result.parsed);
    } else {
      state.fileReports.set(result.path, result.report);
    }
  }

  if (speculative) {
    // Cached notes that are gone, changed into something unreadable, or re-parsed leave the
    // speculative graph; re-parsed ones come back with their new parse.
    const removeNotes = [...(cache?.entries.keys() ?? [])].filter((path) => !state.notes.has(path));
    const before = new Set(cache?.stored?.attachments ?? []);
    const now = new Set(attachments);
    graph.applyChanges({
      upsertNotes: fresh,
      removeNotes,
      addAttachments: attachments.filter((path) => !before.has(path)),
      removeAttachments: [...before].filter((path) => !now.has(path)),
    });
  } else {
    graph.load({ upsertNotes: fresh, addAttachments: attachments });
  }
  const cacheDirty = results.length > 0 || (cache !== null && cache.entries.size !== cacheHits);
  return { state, cacheHits, parsedFresh: results.length, cacheDirty, diskCheck: null };
}

/** The file list as the cache last saw it (its notes and attachments); a later scan corrects it. */
function fillStateFromCache(
  state: VaultState,
  entries: Map<VaultPath, CacheEntry>,
  attachments: VaultPath[],
  stats: { size: number; mtimeMs: number }[],
): void {
  for (const entry of entries.values()) state.setCachedNote(entry);
  attachments.forEach((path, i) => state.setAttachment(path, stats[i].size, stats[i].mtimeMs));
}

/** Files whose cached parse still holds go into `state`; the others are listed for parsing. */
function matchCache(state: VaultState, scan: ScanResult, entries: Map<VaultPath, CacheEntry> | null) {
  const toParse: VaultPath[] = [];
  const attachments: VaultPath[] = [];
  let cacheHits = 0;
  for (const file of scan.files) {
    if (file.kind === 'attachment') {
      state.setAttachment(file.path, file.size, file.mtimeMs);
      attachments.push(file.path);
      continue;
    }
    const cached = entries?.get(file.path);
    if (cached !== undefined && cached.size === file.size && cached.mtimeMs === file.mtimeMs) {
      state.setCachedNote(cached);
      cacheHits++;
    } else {
      toParse.push(file.path);
    }
  }
  return { toParse, attachments, cacheHits };
}
