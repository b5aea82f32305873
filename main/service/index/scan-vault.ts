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

interface DirTask {
  /** Absolute path used to read the folder (may run through a symlink). */
  absolute: string;
  /** Vault path prefix ('' for the root). */
  prefix: string;
}

/** `realRoot` must already be the vault's real path (fs.realpath) so containment checks hold. */
export async function scanVault(realRoot: string, io: ScanFs = diskScanFs): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const reports: FileReport[] = [];
  const visitedDirs = new Set<string>([realRoot]);
  // Links are followed after all plain folders are walked, in path order, so which path of a
  // doubly-reachable folder wins is deterministic (the plain one, else the first link).
  const pendingLinks: { absolute: string; vaultPath: string }[] = [];

  const walk = async (task: DirTask): Promise<void> => {
    let entries: VaultFsDirEntry[];
    try {
      entries = io.readdirSync(task.absolute);
    } catch (error) {
      reports.push({ path: task.prefix, problem: 'unreadable', message: describeError(error) });
      return;
    }
    const subdirs: Promise<void>[] = [];
    const fileStats: Promise<void>[] = [];
    for (const entry of entries) {
      // The rules shared with the watcher path and the reconciliation (scan-rules.ts).
      const classified = classifyScanEntry(task.prefix, entry);
      if (classified.kind === 'skip') continue;
      if (classified.kind === 'unopenable') {
        reports.push(classified.report);
        continue;
      }
      const { vaultPath } = classified;
      const absolute = path.join(task.absolute, entry.name);
      if (classified.kind === 'dir') {
        // A plain folder cannot form a loop by itself, but it may already have been reached via a symlink.
        subdirs.push(enterDir(absolute, vaultPath, null));
      } else if (classified.kind === 'file') {
        fileStats.push(addFile(absolute, vaultPath));
      } else {
        pendingLinks.push({ absolute, vaultPath });
      }
    }
    await Promise.all([...fileStats, ...subdirs]);
  };

  const enterDir = async (absolute: string, vaultPath: string, knownReal: string | null): Promise<void> => {
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
    await walk({ absolute, prefix: vaultPath });
  };

  const addFile = async (absolute: string, vaultPath: string): Promise<void> => {
    try {
      const stats = io.statSync(absolute);
      files.push({ path: vaultPath, kind: isNotePath(vaultPath) ? 'note' : 'attachment', size: stats.size, mtimeMs: stats.mtimeMs });
    } catch (error) {
      reports.push({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
    }
  };

  const followLink = async (absolute: string, vaultPath: string): Promise<void> => {
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
    if (isDirectory) await enterDir(absolute, vaultPath, real);
    else await addFile(absolute, vaultPath);
  };

  await walk({ absolute: realRoot, prefix: '' });
  while (pendingLinks.length > 0) {
    pendingLinks.sort((a, b) => (a.vaultPath < b.vaultPath ? 1 : -1));
    const link = pendingLinks.pop()!;
    await followLink(link.absolute, link.vaultPath);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, reports };
}
