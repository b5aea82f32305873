/**
 * Per-vault app data (graph layout, graph settings) kept in the app's data folder, not in the
 * vault: the vault holds only the user's notes, so nothing of ours shows up in their sync
 * tool, git history or another app opening the same folder. One folder per vault, named by a
 * hash of its real path; JSON files written atomically (temp + rename).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorCode } from '../file-reports';
import { writeFileAtomic } from '../write/note-writer-atomic';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.PLEXUS_DATA_DIR) return env.PLEXUS_DATA_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'plexus');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'plexus');
  const xdg = env.XDG_CONFIG_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config'), 'plexus');
}

/** The vault's own folder in the app's data folder (also home of its snapshot store). */
export function vaultDataFolder(dataDir: string, realRoot: string): string {
  const digest = createHash('sha256').update(realRoot).digest('hex').slice(0, 24);
  return path.join(dataDir, 'vaults', digest);
}

export class VaultDataStore {
  private readonly dir: string;

  constructor(dataDir: string, realRoot: string) {
    this.dir = vaultDataFolder(dataDir, realRoot);
  }

  /** The stored JSON value, or null when none was saved. A corrupt file throws (the handler reports it). */
  async read(name: string): Promise<unknown> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file(name), 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as unknown;
  }

  async write(name: string, value: unknown): Promise<void> {
    await writeFileAtomic(this.file(name), JSON.stringify(value));
  }

  private file(name: string): string {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`invalid data file name ${name}`);
    return path.join(this.dir, `${name}.json`);
  }
}
