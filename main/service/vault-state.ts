/**
 * What the service knows about the vault's files: the file list, each indexed note's cache
 * entry (size, mtime, hash, parse), and the problems found, by path.
 */
import type { FileEntry } from '../contract/api-contract';
import type { VaultPath } from '../core/types';
import type { FileReport } from './file-reports';
import type { CacheEntry } from './cache/parse-cache';
import type { ParsedFile } from './index/parse-files';
import type { ScanResult } from './index/scan-vault';
import { titleFromPath } from '../core/paths';
import type { VaultFs } from './files/vault-fs';

export class VaultState {
  readonly files = new Map<VaultPath, FileEntry>();
  readonly notes = new Map<VaultPath, CacheEntry>();
  /** Per-file problems (unreadable, too large, invalid UTF-8, symlinks); replaced when the file changes. */
  readonly fileReports = new Map<string, FileReport>();
  /** Vault-wide problems (the cache, the watcher). */
  readonly generalReports: FileReport[] = [];
  /** Bumped by every change to `files` or `notes` (they change only through the methods below). */
  private changes = 0;

  constructor(
    readonly realRoot: string,
    /** Where the vault's files live (the storage port): every read of them goes through it. */
    readonly fs: VaultFs,
  ) {}

  setNote(result: ParsedFile): void {
    this.changes++;
    const { size, mtimeMs, hash, decodeWarning, parsed, safeMode } = result;
    this.notes.set(result.path, { size, mtimeMs, hash, decodeWarning, parsed, safeMode });
    this.files.set(result.path, { path: result.path, kind: 'note', title: titleFromPath(result.path), size: result.size, mtimeMs: result.mtimeMs });
    if (result.decodeWarning !== null) this.fileReports.set(result.path, { path: result.path, problem: 'invalid-utf8', message: result.decodeWarning });
    else this.fileReports.delete(result.path);
  }

  /** A note whose cached parse still holds (its size and mtime are the file's). */
  setCachedNote(entry: CacheEntry): void {
    this.changes++;
    // The cached note's own path and title strings: their hashes are already computed for the
    // cache's map, and a scan's copies of them can go.
    const { path, title } = entry.parsed;
    this.notes.set(path, entry);
    this.files.set(path, { path, kind: 'note', title, size: entry.size, mtimeMs: entry.mtimeMs });
    if (entry.decodeWarning !== null) this.fileReports.set(path, { path, problem: 'invalid-utf8', message: entry.decodeWarning });
  }

  setAttachment(path: VaultPath, size: number, mtimeMs: number): FileEntry {
    this.changes++;
    const entry: FileEntry = { path, kind: 'attachment', title: titleFromPath(path), size, mtimeMs };
    this.files.set(path, entry);
    this.fileReports.delete(path);
    return entry;
  }

  remove(path: VaultPath): void {
    this.changes++;
    this.files.delete(path);
    this.notes.delete(path);
  }

  /**
   * Paths whose file differs from what this state knows, given a fresh scan: new files (unless
   * already reported as unreadable), changed size or mtime, and files no longer there.
   */
  changedSince(scan: ScanResult): VaultPath[] {
    const changed: VaultPath[] = [];
    const seen = new Set<VaultPath>();
    for (const file of scan.files) {
      seen.add(file.path);
      const known = this.files.get(file.path);
      if (known === undefined ? !this.fileReports.has(file.path) : known.size !== file.size || known.mtimeMs !== file.mtimeMs) changed.push(file.path);
    }
    for (const known of this.files.keys()) if (!seen.has(known)) changed.push(known);
    return changed;
  }

  /** Notes parsed in safe mode (see parse-pool.ts), in path order, with why. */
  safeModeNotes(): { path: VaultPath; reason: string }[] {
    const notes: { path: VaultPath; reason: string }[] = [];
    for (const [path, entry] of this.notes) if (entry.safeMode) notes.push({ path, reason: entry.safeMode });
    return notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  reports(): FileReport[] {
    const perFile = [...this.fileReports.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return [...this.generalReports, ...perFile];
  }

  /** How many times the file list or a note has changed: an answer computed from them is current while this is. */
  changeCount(): number {
    return this.changes;
  }

  sortedFiles(): FileEntry[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
