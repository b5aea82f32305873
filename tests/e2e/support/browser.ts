/**
 * Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core
 * (never a downloaded browser build), with a fresh profile per launch.
 */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../bench/graph/chromium-args';

export const CHROMIUM_PATH = process.env.PLEXUS_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts');

export interface LaunchedBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'plexus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/**
 * Makes Ctrl/Cmd+E and the Edit button open source mode in this context. For tests that read
 * the editor's text line by line from the DOM: Live Preview (the default) draws lines away from
 * the cursor without their markup.
 */
export async function editInSourceMode(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const key = 'plexus.readingSettings';
    const current = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    window.localStorage.setItem(key, JSON.stringify({ ...current, defaultEditingMode: 'source' }));
  });
}
