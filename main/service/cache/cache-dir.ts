/**
 * Where the parse cache lives: the OS cache folder, never inside the vault (a vault is the
 * user's files; syncing tools and git should not see our caches).
 */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CacheDirEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function defaultCacheDir(context: CacheDirEnv = { platform: process.platform, env: process.env, home: os.homedir() }): string {
  const { platform, env, home } = context;
  if (env.PLEXUS_CACHE_DIR) return env.PLEXUS_CACHE_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'plexus');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return path.join(local, 'plexus', 'Cache');
  }
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'plexus');
}

/** One cache file per vault, named by a hash of the vault's real path. */
export function cacheFileFor(cacheDir: string, realRoot: string): string {
  const digest = createHash('sha256').update(realRoot).digest('hex').slice(0, 24);
  return path.join(cacheDir, `vault-${digest}.cache`);
}
