/**
 * A stand-in for the `electron` module, backed by real Chromium through playwright-core, for
 * running the real bundled main process (dist/main/electron-main.js) and preload end to end.
 * The child process starts as `node electron-shim.js`; it resolves `require('electron')` to
 * itself, launches Chromium (the default session), loads the app's main script as Electron
 * would (before 'ready'), and answers the test over the fork IPC channel (control.ts).
 * What it cannot prove is listed in docs/release.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { app, dialog, isQuitting, Menu, screen, setAppPaths, setShutdown, shell } from './app';
import { startControl } from './control';
import { ipcMain } from './ipc';
import { appEvents, records, state } from './runtime';
import { protocol, session, installRouting } from './session';
import { BrowserWindow } from './browser-window';
import { BINDING, onBindingCall, onContextPage } from './web-contents';
import type { Encoded } from '../support/clone-codec';

export { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell };

export interface ShimConfig {
  mainScript: string;
  pageSide: string;
  userData: string;
  documents: string;
  chromium: string;
  chromiumArgs: string[];
  /** The app's command-line arguments (after the executable and the app folder, as `electron . ARGS`). */
  args: string[];
}

async function launch(config: ShimConfig): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'plexus-shim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    // The port lets the test attach to the same browser over CDP and drive the window.
    args: [...config.chromiumArgs, '--remote-debugging-port=0'],
    headless: true,
    viewport: null,
  });
  state.context = context;
  setShutdown(async (code) => {
    process.send?.({ type: 'exit', code });
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    process.exit(code);
  });
  await installRouting();
  await context.exposeBinding(BINDING, (source, channel: string, args: Encoded) => onBindingCall(source.page, source.frame, channel, args));
  context.on('page', (page) => {
    onContextPage(page).catch((error: unknown) => records.unsupported.push(`closing a popup failed: ${String(error)}`));
  });
  const port = readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  return `http://127.0.0.1:${port}`;
}

function run(): void {
  const config = JSON.parse(process.env.PLEXUS_ELECTRON_SHIM ?? 'null') as ShimConfig | null;
  if (!config) throw new Error('electron shim: PLEXUS_ELECTRON_SHIM is not set');
  setAppPaths(config.userData, config.documents);
  BrowserWindow.pageSide = readFileSync(config.pageSide, 'utf8');
  (process as { resourcesPath?: string }).resourcesPath = path.join(path.dirname(config.mainScript), 'resources');
  // require('electron') anywhere (the app's bundle included) is this very module.
  const self = __filename;
  const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request, ...rest) {
    return request === 'electron' ? self : resolve.call(this, request, ...rest);
  };
  // As `electron .` in development: argv is [electron, app folder, ...args], and defaultApp is set.
  process.argv = [process.execPath, path.dirname(config.mainScript), ...config.args];
  (process as { defaultApp?: boolean }).defaultApp = true;
  startControl();
  process.on('disconnect', () => app.exit(0));
  // Electron runs the app's main script before 'ready'; so does the shim. An instance refused the
  // single-instance lock quits right there, before any browser starts.
  require(config.mainScript);
  if (records.quit || isQuitting()) return;
  launch(config).then(
    (cdp) => {
      state.ready = true;
      appEvents.emit('will-finish-launching');
      appEvents.emit('ready', { preventDefault() {} }, {});
      process.send?.({ type: 'ready', cdp });
    },
    (error: unknown) => {
      console.error('electron shim: Chromium did not start', error);
      process.exit(70);
    },
  );
}

if (require.main === module) run();
