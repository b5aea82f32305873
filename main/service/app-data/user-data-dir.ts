/**
 * The per-user data folder Electron's app.getPath('userData') uses: the OS application-data
 * folder plus the app's name. Computed here too so that tools outside Electron (`npm start`'s
 * browser mode) find the same folder the Electron app uses.
 */
import * as path from 'node:path';

export interface UserDataEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** Electron's appData: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME (~/.config). */
export function appDataDir({ platform, env, home }: UserDataEnv): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  const xdg = env.XDG_CONFIG_HOME;
  // Like Chromium, a relative XDG path is ignored rather than resolved against the cwd.
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
}

export function userDataDir(context: UserDataEnv, appName: string): string {
  return path.join(appDataDir(context), appName);
}
