/**
 * Turns one watcher batch into index updates and events. The batch only names touched paths;
 * each is stat'ed now, so what counts is the state on disk, not the order of raw events:
 * an atomic save (temp + rename over the target) is a change, a temp file that came and went
 * is nothing, and a vanished file is a removal. A name the vault API cannot open is reported as
 * the scan reports it (index/scan-rules.ts), never indexed, and its report goes when it does.
 */
import type { FileChange, VaultEvent } from '../../contract/api-contract';
import type { VaultGraph } from '../../core/graph/vault-graph';
import type { GraphDelta, ParsedNote, VaultPath } from '../../core/types';
import { describeError, errorCode } from '../file-reports';
import type { OwnWrites } from '../write/own-writes';
import type { ParsedFile } from '../index/parse-files';
import type { ParsePool } from '../index/parse-pool';
import type { DetectedRename, RenamePairer } from './rename-pairer';
import type { SearchIndex } from '../search/search-index';
import type { WatchSnapshots } from '../snapshots/snapshot-ports';
import { isIgnoredVaultPath, isInside, toAbsolutePath } from '../files/vault-files';
import { isNotePath } from '../../core/paths';
import { derivedChanges, NOTHING_DERIVED_CHANGED } from '../../core/parse/derived-changes';
import type { FileReport } from '../file-reports';
import { addressableOnTheWay } from '../index/scan-rules';
import { isKnownPath } from '../../core/vault-path';
import type { VaultState } from '../vault-state';
import type { WatchBatch } from './vault-watcher';

export interface BatchContext {
  state: VaultState;
  graph: VaultGraph;
  search: SearchIndex;
  pool: ParsePool;
  maxFileBytes: number;
  ownWrites: OwnWrites;
  renames: RenamePairer;
  /** File recovery: told what another program replaced or deleted, and what each note now holds. */
  snapshots?: WatchSnapshots | null;
  emit(event: VaultEvent): void;
}

/** 'reported': there, but not taken in (a link out of the vault, an unreadable file); the report is set. */
type OnDisk = { kind: 'file'; size: number; mtimeMs: number } | { kind: 'gone' } | { kind: 'reported' };

async function statVaultFile(ctx: BatchContext, vaultPath: VaultPath): Promise<OnDisk> {
  const absolute = toAbsolutePath(ctx.state.realRoot, vaultPath);
  try {
    const io = ctx.state.fs;
    const link = await io.lstat(absolute);
    if (link.isSymbolicLink()) {
      const real = await io.realpath(absolute);
      if (!isInside(ctx.state.realRoot, real)) {
        ctx.state.fileReports.set(vaultPath, {
          path: vaultPath,
          problem: 'symlink-outside',
          message: `symlink points outside the vault (${real}); not followed`,
        });
        return { kind: 'reported' };
      }
    }
    const stats = link.isSymbolicLink() ? await io.stat(absolute) : link;
    return stats.isFile() ? { kind: 'file', size: stats.size, mtimeMs: stats.mtimeMs } : { kind: 'gone' };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { kind: 'gone' };
    ctx.state.fileReports.set(vaultPath, { path: vaultPath, problem: 'unreadable', message: describeError(error) });
    return { kind: 'reported' };
  }
}

/**
 * A path whose own name, or a folder's on the way, the API cannot open: the report sits on that
 * name (where the scan puts it) while the name is on disk, and goes with it.
 */
async function applyUnopenable(ctx: BatchContext, report: FileReport): Promise<void> {
  const reports = ctx.state.fileReports;
  let present: boolean;
  try {
    const stats = await ctx.state.fs.lstat(toAbsolutePath(ctx.state.realRoot, report.path));
    // Sockets, FIFOs and devices are not vault content (the scan skips them too).
    present = stats.isFile() || stats.isDirectory() || stats.isSymbolicLink();
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    present = false;
  }
  if (present) reports.set(report.path, report);
  else if (reports.get(report.path)?.problem === 'unopenable-name') reports.delete(report.path);
}

function candidatesOf(ctx: BatchContext, batch: WatchBatch): string[] {
  const candidates = new Set(batch.paths);
  for (const dir of batch.removedDirs) {
    // The folder's own report (an unopenable or unreadable folder) goes with it.
    if (ctx.state.fileReports.has(dir)) candidates.add(dir);
    const prefix = `${dir}/`;
    for (const known of ctx.state.files.keys()) if (known.startsWith(prefix)) candidates.add(known);
    for (const known of ctx.state.fileReports.keys()) if (known.startsWith(prefix)) candidates.add(known);
  }
  return [...candidates].filter((candidate) => !isIgnoredVaultPath(candidate)).sort();
}

function isEmptyDelta(delta: GraphDelta): boolean {
  return Object.values(delta).every((list: unknown[]) => list.length === 0);
}

/** Notes (other than the note itself) that link to `path`. */
function linkingNoteCount(graph: VaultGraph, path: VaultPath): number {
  return graph.linkingNotes(path).filter((source) => source !== path).length;
}

/**
 * Paths taken in at once. A `git checkout` brings thousands in one batch, and the work per
 * note after its parse (the graph, file recovery, the file list) ran in one stretch that held
 * the event loop for hundreds of milliseconds; in chunks, requests and events go in between.
 */
const CHUNK = 200;

export async function applyWatchBatch(ctx: BatchContext, batch: WatchBatch): Promise<void> {
  const candidates = candidatesOf(ctx, batch);
  for (let start = 0; start < candidates.length; start += CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    await applyChunk(ctx, candidates.slice(start, start + CHUNK));
  }
}

async function applyChunk(ctx: BatchContext, candidates: string[]): Promise<void> {
  const { state } = ctx;
  const added: FileChange[] = [];
  const changed: FileChange[] = [];
  const removed: VaultPath[] = [];
  const toParse: VaultPath[] = [];
  const addAttachments: VaultPath[] = [];
  const removeAttachments: VaultPath[] = [];

  for (const candidate of candidates) {
    const addressable = addressableOnTheWay(candidate);
    if (!addressable.ok) {
      await applyUnopenable(ctx, addressable.error);
      // Not addressable, so never in the index (an entry from an older index goes).
      if (isKnownPath(state.files, candidate)) removed.push(candidate);
      continue;
    }
    const vaultPath = addressable.value;
    const known = state.files.get(vaultPath);
    const disk = await statVaultFile(ctx, vaultPath);
    if (disk.kind === 'reported') {
      if (known !== undefined) removed.push(vaultPath);
      continue;
    }
    if (disk.kind === 'gone') {
      // Whatever was said about the path (too large, a link out, an unopenable name) goes with it.
      if (known !== undefined) removed.push(vaultPath);
      state.fileReports.delete(vaultPath);
      continue;
    }
    if (known !== undefined && known.size === disk.size && known.mtimeMs === disk.mtimeMs) continue;
    if (isNotePath(vaultPath)) {
      toParse.push(vaultPath);
    } else if (known === undefined) {
      added.push(state.setAttachment(vaultPath, disk.size, disk.mtimeMs));
      addAttachments.push(vaultPath);
    } else {
      changed.push(state.setAttachment(vaultPath, disk.size, disk.mtimeMs));
    }
  }

  const results = await ctx.pool.parse({ root: state.realRoot, maxFileBytes: ctx.maxFileBytes, withText: true }, toParse);
  const upserts: ParsedFile[] = [];
  for (const result of results) {
    if (result.ok) upserts.push(result);
    else {
      state.fileReports.set(result.path, result.report);
      if (state.files.has(result.path)) removed.push(result.path);
    }
  }

  // Who linked to a removed note must be counted before the graph forgets it.
  const removedNotes = removed.filter((p) => state.notes.has(p));
  const removedInfo = removedNotes.map((p) => ({
    path: p,
    hash: state.notes.get(p)!.hash,
    size: state.notes.get(p)!.size,
    affected: linkingNoteCount(ctx.graph, p),
  }));
  for (const p of removed) if (!state.notes.has(p) && state.files.get(p)?.kind === 'attachment') removeAttachments.push(p);

  const externalChanges: VaultEvent[] = [];
  const renames: DetectedRename[] = [];
  const upsertNotes: ParsedNote[] = [];
  for (const upserted of upserts) {
    const previous = state.notes.get(upserted.path);
    const entryExisted = state.files.has(upserted.path);
    // Same bytes: the parse the graph holds stays, unless this one is better (full after safe
    // mode). A full parse is never swapped for a safe-mode one because the budget ran out this time.
    const keep = previous !== undefined && previous.hash === upserted.hash && (previous.safeMode === null || upserted.safeMode !== null);
    const result: ParsedFile = keep ? { ...upserted, parsed: previous.parsed, safeMode: previous.safeMode } : upserted;
    if (!keep) upsertNotes.push(result.parsed);
    state.setNote(result);
    ctx.search.upsertSoon(result.path, result.parsed.title, result.parsed.aliases, result.text ?? '');
    // With the hash, a window recognises the echo of its own save (renderer/src/api/own-saves.ts).
    const entry: FileChange = { ...state.files.get(result.path)!, hash: result.hash };
    // And what of its parse changed, so that window re-reads only that (derived-changes.ts).
    if (previous !== undefined) entry.derived = keep ? NOTHING_DERIVED_CHANGED : derivedChanges(previous, result);
    (entryExisted ? changed : added).push(entry);
    const own = ctx.ownWrites.consume(result.path, result.hash);
    if (previous !== undefined && previous.hash !== result.hash && !own) ctx.snapshots?.replacedOnDisk(result.path, previous.hash, previous.size, result.hash);
    ctx.snapshots?.seen(result.path, result.hash, result.text);
    if (previous !== undefined) {
      if (previous.hash !== result.hash && !own) externalChanges.push({ type: 'external-change', path: result.path, hash: result.hash, deleted: false });
    } else if (!own) {
      const rename = ctx.renames.noteAdded(result.path, result.hash);
      if (rename !== null) renames.push(rename);
    }
  }
  for (const info of removedInfo) {
    const own = ctx.ownWrites.consume(info.path, null);
    if (own) continue;
    ctx.snapshots?.replacedOnDisk(info.path, info.hash, info.size, null);
    externalChanges.push({ type: 'external-change', path: info.path, hash: '', deleted: true });
    const rename = ctx.renames.noteRemoved(info.path, info.hash, info.affected);
    if (rename !== null) renames.push(rename);
  }
  for (const p of removed) {
    state.remove(p);
    ctx.search.removeSoon(p);
  }

  const delta = ctx.graph.applyChanges({ upsertNotes, removeNotes: removedNotes, addAttachments, removeAttachments });
  if (added.length + removed.length + changed.length > 0) ctx.emit({ type: 'files', added, removed, changed });
  if (!isEmptyDelta(delta)) ctx.emit({ type: 'graph', delta });
  for (const event of externalChanges) ctx.emit(event);
  for (const rename of renames) ctx.emit({ type: 'external-rename', ...rename });
}
