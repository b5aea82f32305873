/**
 * What the typing benches share: the checkouts to compare (PLEXUS_BENCH_CHECKOUTS, label=dir pairs,
 * comma-separated; default this checkout as "current"), and a page on one checkout's `plexus serve`
 * with a big note open in Live Preview, the caret at its end.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyVault, serveVault } from '../tests/e2e/support/serve';

export interface Checkout {
  label: string;
  dir: string;
}

export function benchCheckouts(): Checkout[] {
  return (process.env.PLEXUS_BENCH_CHECKOUTS ?? `current=${resolve(__dirname, '..')}`).split(',').map((pair) => {
    const [label, dir] = pair.split('=');
    return { label, dir: resolve(dir) };
  });
}

export interface BigNotePage {
  page: Page;
  /** The vault folder; the note is `Big.md` in it. */
  dir: string;
  served: Awaited<ReturnType<typeof serveVault>>;
}

/**
 * Serves a copy of the sample vault plus `Big.md` holding `text` (with `checkout`'s `plexus serve`,
 * this one's when undefined) and opens it in the editor, Live Preview unless `mode` says source,
 * with the caret at its end.
 */
export async function openBigNote(browser: Browser, checkout: string | undefined, text: string, mode: 'live' | 'source' = 'live'): Promise<BigNotePage> {
  const dir = copyVault();
  writeFileSync(join(dir, 'Big.md'), text);
  const served = await serveVault(dir, [], undefined, checkout);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const opened = { page, dir, served };
  try {
    await page.addInitScript((m) => window.localStorage.setItem('plexus.readingSettings', JSON.stringify({ defaultEditingMode: m })), mode);
    // Into Live Preview on a small note first: the tab keeps the mode, so the big note opens straight in the editor.
    await page.goto(`${served.url}#/note/Welcome.md`);
    await page.getByRole('main', { name: 'Note' }).locator('.markdown-body').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+e');
    await page.locator('.cm-editor').waitFor();
    await page.evaluate(() => (window.location.hash = '#/note/Big.md'));
    await page.locator('.cm-editor .cm-line', { hasText: 'Section 1' }).first().waitFor({ timeout: 120_000 });
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+End');
    return opened;
  } catch (error) {
    await closeBigNote(opened);
    throw error;
  }
}

export async function closeBigNote({ page, dir, served }: BigNotePage): Promise<void> {
  await page.close();
  await served.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** How far CodeMirror has parsed the note: 'all', or parsed/total characters. */
export function parseProgress(page: Page): Promise<string> {
  return page.evaluate(() => {
    // The editor's state through the view the content element holds.
    type Found = { cmTile: { root: { view: { state: { doc: { length: number }; tree: { length: number } } } } } };
    const { state } = (document.querySelector('.cm-content') as unknown as Found).cmTile.root.view;
    return state.tree.length === state.doc.length ? 'all' : `${state.tree.length}/${state.doc.length}`;
  });
}

/** Polls the parse's progress (a state, not a time; CodeMirror parses in idle time, in budgets) until it covers the note or two minutes pass. */
export async function waitForFullParse(page: Page): Promise<boolean> {
  for (const deadline = Date.now() + 120_000; (await parseProgress(page)) !== 'all' && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 250));
  return (await parseProgress(page)) === 'all';
}
