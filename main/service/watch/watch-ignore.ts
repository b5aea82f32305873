/**
 * What the watcher ignores under a vault's folder: the vault's own rules (isIgnoredVaultPath:
 * dot-folders, node_modules, editor temp files), one function for chokidar on the main thread
 * and in the watch worker alike.
 */
import * as path from 'node:path';
import { isIgnoredVaultPath, slashedFromOsRelative } from '../files/vault-files';

export function ignoredUnder(realRoot: string): (absolute: string) => boolean {
  return (absolute) => {
    const relative = path.relative(realRoot, absolute);
    if (relative === '' || relative.startsWith('..')) return false;
    return isIgnoredVaultPath(slashedFromOsRelative(relative));
  };
}
