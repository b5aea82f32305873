/**
 * Which folder entries are vault content, shared by the scan (scan-vault.ts), the
 * reconciliation's folder listing (watch/reconciler.ts) and the watcher path
 * (watch/apply-watch-batch.ts), so the three cannot drift apart: hidden and ignored names and
 * temp files are skipped; sockets, FIFOs and devices are not content; a name the vault API
 * cannot open is reported ('unopenable-name'), never listed and never silently dropped.
 */
import { err, type Result } from '../../core/result';
import type { VaultPath } from '../../core/types';
import type { FileReport } from '../file-reports';
import { validateVaultPath } from '../files/path-validation';
import { isIgnoredSegment, isTempFileName } from '../files/vault-files';
import type { VaultFsDirEntry } from '../files/vault-fs';

export type ScanEntry = { kind: 'skip' } | { kind: 'unopenable'; report: FileReport } | { kind: 'dir' | 'file' | 'link'; vaultPath: VaultPath };

/** A listed name as the API would check it: its VaultPath, or the report of a name it cannot address. */
export function addressableName(vaultPath: string): Result<VaultPath, FileReport> {
  const addressable = validateVaultPath(vaultPath, 'name');
  if (addressable.ok) return addressable;
  return err({ path: vaultPath, problem: 'unopenable-name', message: `Plexus cannot open this name: ${addressable.error.message}` });
}

/** The report for a vault path the API cannot address, or null when it can. */
export function unopenableReport(vaultPath: string): FileReport | null {
  const addressable = addressableName(vaultPath);
  return addressable.ok ? null : addressable.error;
}

/** What the scan makes of `entry` in the folder at vault path `prefix` ('' for the root). */
export function classifyScanEntry(prefix: string, entry: VaultFsDirEntry): ScanEntry {
  if (isIgnoredSegment(entry.name) || isTempFileName(entry.name)) return { kind: 'skip' };
  if (!entry.isDirectory() && !entry.isFile() && !entry.isSymbolicLink()) return { kind: 'skip' };
  const vaultPath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  const addressable = addressableName(vaultPath);
  if (!addressable.ok) return { kind: 'unopenable', report: addressable.error };
  return { kind: entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'link', vaultPath: addressable.value };
}

/**
 * The report the scan would make for a path reached by the watcher, which names the file
 * itself: the scan reports the first unopenable folder or name on the way and goes no deeper.
 * Its VaultPath when every prefix is addressable.
 */
export function addressableOnTheWay(vaultPath: string): Result<VaultPath, FileReport> {
  const segments = vaultPath.split('/');
  for (let end = 1; end < segments.length; end++) {
    const report = unopenableReport(segments.slice(0, end).join('/'));
    if (report !== null) return err(report);
  }
  return addressableName(vaultPath);
}
