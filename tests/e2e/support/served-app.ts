/**
 * One end-to-end set-up for the browser-mode suites: a temp vault (a copy of the sample vault or
 * of a fixture, or the suite's own files, prepared by the suite), the real `plexus serve` on it, headless Chromium with one page, and one
 * close() that undoes all of it, so each suite states only what is particular to it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { editInSourceMode, launchBrowser, type LaunchedBrowser } from './browser';
import { copyVault, serveVault, type ServedVault } from './serve';

export interface ServedAppOptions {
  /**
   * The vault to serve: a copy of this folder (default: the sample vault), only these files (vault
   * path to text) in an empty one, or the temp folder this function makes (then removed on close).
   */
  vault?: string | Record<string, string | Buffer> | (() => string);
  /** Arguments for `plexus serve` after the vault folder (`--parse-budget-ms`, `--workers`...). */
  serverArgs?: string[];
  /** Writes the suite's own files into the vault copy before the server starts. */
  prepare?: (vaultDir: string) => void;
  /** Keeps the app data (settings, graph layout, snapshots) in a folder of the suite's, for reopening the vault as a returning user. */
  keepState?: boolean;
  /** Ctrl/Cmd+E opens source mode, for suites that read the editor's lines from the DOM. */
  sourceMode?: boolean;
  /** Runs on the context and the page before the first navigation: routes, init scripts, dialog handlers. */
  beforeOpen?: (page: Page, context: BrowserContext, served: ServedVault) => Promise<void> | void;
  /** The hash to open (`#/note/...`), or `false` to leave the page blank for the suite to navigate. */
  open?: string | false;
  /** What must be shown before the suite starts: the explorer (default), or the explorer and the Welcome note. */
  waitFor?: 'explorer' | 'welcome';
}

export interface ServedApp {
  vaultDir: string;
  stateDir: string | undefined;
  readonly served: ServedVault;
  browser: LaunchedBrowser;
  page: Page;
  /** Every uncaught error of the page, for suites that end by checking there were none. */
  pageErrors: string[];
  /** Stops the server if it still runs and serves the same vault and app data again: a restart, as a user relaunching it. */
  serveAgain(extraArgs?: string[]): Promise<ServedVault>;
  close(): Promise<void>;
}

export async function openServedApp(options: ServedAppOptions = {}): Promise<ServedApp> {
  const { vault } = options;
  const vaultDir = typeof vault === 'function' ? vault() : typeof vault === 'object' ? writeVault(vault) : copyVault(vault);
  const stateDir = options.keepState ? mkdtempSync(join(tmpdir(), 'plexus-e2e-state-')) : undefined;
  const cleanUp: Array<() => Promise<void> | void> = [
    () => rmSync(vaultDir, { recursive: true, force: true }),
    () => (stateDir ? rmSync(stateDir, { recursive: true, force: true }) : undefined),
  ];
  const close = async () => {
    for (const step of cleanUp.reverse()) await step();
  };
  try {
    options.prepare?.(vaultDir);
    let served = await serveVault(vaultDir, options.serverArgs ?? [], stateDir);
    cleanUp.push(() => served.stop());
    const browser = await launchBrowser();
    cleanUp.push(() => browser.close());
    if (options.sourceMode) await editInSourceMode(browser.context);
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await options.beforeOpen?.(page, browser.context, served);
    if (options.open !== false) {
      await page.goto(`${served.url}${options.open ?? ''}`);
      await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 90_000 });
      if (options.waitFor === 'welcome') {
        await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor({ timeout: 30_000 });
      }
    }
    const app: ServedApp = {
      vaultDir,
      stateDir,
      get served() {
        return served;
      },
      browser,
      page,
      pageErrors,
      async serveAgain(extraArgs = []) {
        await served.stop();
        served = await serveVault(vaultDir, extraArgs, stateDir);
        return served;
      },
      close,
    };
    return app;
  } catch (error) {
    await close();
    throw error;
  }
}

/** An empty temp vault holding only `files`, folders made as their paths need. */
function writeVault(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-e2e-vault-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      const file = join(dir, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
