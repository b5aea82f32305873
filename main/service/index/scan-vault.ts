/**
 * Walks a vault folder and lists its notes and attachments with size and mtime.
 * Symlinks are followed only when their real path stays inside the vault; a directory reached
 * twice (a symlink loop, or a second link to the same folder) is walked once and reported, so
 * the walk always terminates. Unreadable folders are reported and the walk carries on.
 * The fs calls are synchronous on purpose: sync stats are an order of magnitude faster than one
 * promise per stat (docs/benchmarks.md), and a warm start must stay well under half a second.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VaultPath } from '../../core/types';
import { describeError, errorCode, type FileReport } from '../file-reports';
import { isInside } from '../files/vault-files';
import { isNotePath } from '../../core/paths';
import type { VaultFs, VaultFsDirEntry } from '../files/vault-fs';
import { classifyScanEntry } from './scan-rules';

/** The storage port's calls the scan makes (files/vault-fs.ts). */
export type ScanFs = Pick<VaultFs, 'readdirSync' | 'statSync' | 'realpathSync'>;

/** node:fs itself: the scan also runs on a parse worker, which should not load the whole port (chokidar). */
const diskScanFs: ScanFs = {
  readdirSync: (abs) => fs.readdirSync(abs, { withFileTypes: true }),
  statSync: (abs) => fs.statSync(abs),
  realpathSync: (abs) => fs.realpathSync(abs),
};

export interface ScannedFile {
  path: VaultPath;
  kind: 'note' | 'attachment';
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  reports: FileReport[];
}

/** A folder being listed: its entries, and how far the walk has gone through them. */
interface DirFrame {
  /** Absolute path used to read the folder (may run through a symlink). */
  absolute: string;
  /** Vault path prefix ('' for the root). */
  prefix: string;
  entries: VaultFsDirEntry[];
  next: number;
}

export interface ScanOptions {
  /**
   * Give the event loop a turn after this many ms of work (the scan is synchronous stat calls):
   * a scan on the main thread after the vault is open must not hold every request meanwhile.
   * Absent: one synchronous pass.
   */
  sliceMs?: number;
}

/** Entries handled between two looks at the clock. */
const CLOCK_EVERY = 64;

/**
 * `realRoot` must already be the vault's real path (fs.realpath) so containment checks hold.
 * The walk is depth-first in each folder's listing order, with an explicit stack: no promise or
 * closure per file (at 50k files those were most of the scan's memory), and it can pause
 * between entries (`sliceMs`).
 */
export async function scanVault(realRoot: string, io: ScanFs = diskScanFs, options: ScanOptions = {}): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const reports: FileReport[] = [];
  const visitedDirs = new Set<string>([realRoot]);
  // Links are followed after all plain folders are walked, in path order, so which path of a
  // doubly-reachable folder wins is deterministic (the plain one, else the first link).
  const pendingLinks: { absolute: string; vaultPath: VaultPath }[] = [];
  const stack: DirFrame[] = [];
  const sliceMs = options.sliceMs;
  let sliceEnd = sliceMs === undefined ? Infinity : performance.now() + sliceMs;

  const open = (absolute: string, prefix: string): void => {
    try {
      stack.push({ absolute, prefix, entries: io.readdirSync(absolute), next: 0 });
    } catch (error) {
      reports.push({ path: prefix, problem: 'unreadable', message: describeError(error) });
    }
  };

  const enterDir = (absolute: string, vaultPath: VaultPath, knownReal: string | null): void => {
    let real = knownReal;
    if (real === null) {
      try {
        real = io.realpathSync(absolute);
      } catch (error) {
        reports.push({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
        return;
      }
    }
    if (visitedDirs.has(real)) {
      reports.push({ path: vaultPath, problem: 'symlink-loop', message: `folder already indexed through another path (${real})` });
      return;
    }
    visitedDirs.add(real);
    open(absolute, vaultPath);
  };

  const addFile = (absolute: string, vaultPath: VaultPath): void => {
    try {
      const stats = io.statSync(absolute);
      files.push({ path: vaultPath, kind: isNotePath(vaultPath) ? 'note' : 'attachment', size: stats.size, mtimeMs: stats.mtimeMs });
    } catch (error) {
      reports.push({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
    }
  };

  const followLink = (absolute: string, vaultPath: VaultPath): void => {
    let real: string;
    try {
      real = io.realpathSync(absolute);
    } catch (error) {
      const code = errorCode(error);
      const problem = code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' ? 'broken-symlink' : 'unreadable';
      reports.push({ path: vaultPath, problem, message: describeError(error) });
      return;
    }
    if (!isInside(realRoot, real)) {
      reports.push({ path: vaultPath, problem: 'symlink-outside', message: `symlink points outside the vault (${real}); not followed` });
      return;
    }
    let isDirectory: boolean;
    try {
      isDirectory = io.statSync(real).isDirectory();
    } catch (error) {
      reports.push({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
      return;
    }
    if (isDirectory) enterDir(absolute, vaultPath, real);
    else addFile(absolute, vaultPath);
  };

  /** Walks what is on the stack to the end; a folder entered goes on top, so its contents come before its later siblings. */
  const drain = async (): Promise<void> => {
    let handled = 0;
    while (stack.length > 0) {
      if (++handled % CLOCK_EVERY === 0 && performance.now() > sliceEnd) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceEnd = performance.now() + (sliceMs ?? 0);
      }
      const frame = stack[stack.length - 1];
      if (frame.next === frame.entries.length) {
        stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++];
      // The rules shared with the watcher path and the reconciliation (scan-rules.ts).
      const classified = classifyScanEntry(frame.prefix, entry);
      if (classified.kind === 'skip') continue;
      if (classified.kind === 'unopenable') {
        reports.push(classified.report);
        continue;
      }
      const { vaultPath } = classified;
      const absolute = path.join(frame.absolute, entry.name);
      // A plain folder cannot form a loop by itself, but it may already have been reached via a symlink.
      if (classified.kind === 'dir') enterDir(absolute, vaultPath, null);
      else if (classified.kind === 'file') addFile(absolute, vaultPath);
      else pendingLinks.push({ absolute, vaultPath });
    }
  };

  open(realRoot, '');
  await drain();
  while (pendingLinks.length > 0) {
    pendingLinks.sort((a, b) => (a.vaultPath < b.vaultPath ? 1 : -1));
    const link = pendingLinks.pop()!;
    followLink(link.absolute, link.vaultPath);
    await drain();
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, reports };
}
