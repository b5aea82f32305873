/**
 * Creation times of the vault's files for the graph's "Animate" (api-contract.ts,
 * getCreationTimes): stat'ed when asked, not kept from the scan, so they are right after live
 * changes and warm starts from the parse cache (which stores no stats for notes) alike. The
 * birthtime where the file system reports one; else (0 or absent, e.g. some Linux file systems)
 * the mtime. One sync stat per file: ~10k stats are tens of ms (scan-vault.ts measures the same).
 */
import type { VaultPath } from '../../core/types';
import { toAbsolutePath } from './vault-files';
import type { VaultFs } from './vault-fs';

export function creationTimes(fs: Pick<VaultFs, 'statSync'>, realRoot: string, paths: Iterable<VaultPath>): Record<VaultPath, number> {
  const times: Record<VaultPath, number> = {};
  for (const p of paths) {
    let stat;
    try {
      stat = fs.statSync(toAbsolutePath(realRoot, p));
    } catch (e) {
      // Deleted since the index saw it: the watcher will take it out of the graph; no time to give.
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw e;
    }
    const born = stat.birthtimeMs;
    times[p] = typeof born === 'number' && born > 0 ? born : stat.mtimeMs;
  }
  return times;
}
