/**
 * `plexus serve` going away under an open editor, end to end (the real command, headless
 * Chromium): the page says so within 2 s, keeps what was typed (before the drop was noticed and
 * after), and once a server is back on the same port and vault, saves it.
 *
 * A restarted server has a new session secret (it is never written anywhere, and the old one was
 * only ever in the cookie), so the tab's cookie no longer works: the page says to open the new
 * link the server printed. Opening it in another tab sets the cookie for the port, and this tab,
 * told by the other one, gets back in on its own with its text intact and saves it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

const NOTE = { path: 'Offline Note.md', base: '# Offline Note\n\nOn disk.' };
const LOST = 'Connection to Plexus lost';
const RESTARTED = 'Plexus was restarted: open the new link printed in the terminal';

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      writeFileSync(join(vaultDir, NOTE.path), NOTE.base);
    },
    beforeOpen: async () => {
      // These tests read the editor's lines from the DOM: source mode shows them as written.
    },
    keepState: true,
    sourceMode: true,
    open: `#/note/${encodeURIComponent(NOTE.path)}`,
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const connectionBanner = () => page.locator('.connection-banner');
const readDisk = () => readFileSync(join(app.vaultDir, NOTE.path), 'utf8');
const editorText = async () => (await note().locator('.cm-content .cm-line').allTextContents()).join('\n');

async function typeAtEnd(text: string): Promise<void> {
  await note().locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('the server stops: a banner within 2 s, the text stays; a restarted server asks for the new link, then the text is saved', async () => {
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await pollUntil(editorText, (t) => t === NOTE.base, 15_000);
  expect(await editorText()).toBe(NOTE.base);

  // Typed just before the stop: the autosave (1 s after typing stops) has not run yet.
  await typeAtEnd('\nTyped before the stop.');
  // Record, in the page, when the banner first appears (no polling delay on our side).
  await page.evaluate(() => {
    const w = window as unknown as { bannerAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('.connection-banner')) {
        w.bannerAt = Date.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const stoppedAt = Date.now();
  await app.served.stop();
  await connectionBanner().filter({ hasText: LOST }).waitFor({ timeout: 15_000 });
  const bannerAt = await page.evaluate(() => (window as unknown as { bannerAt?: number }).bannerAt ?? null);
  expect(bannerAt).not.toBeNull();
  expect(bannerAt! - stoppedAt).toBeLessThanOrEqual(2000);
  await page.screenshot({ path: artifactPath('connection-01-lost.png') });

  // Writing is disabled: note actions wait; the editor keeps taking text, which stays.
  await expect(note().getByRole('button', { name: 'Rename', exact: true }).isDisabled()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'New note' }).isDisabled()).resolves.toBe(true);
  await typeAtEnd('\nTyped while it was down.');
  const mine = `${NOTE.base}\nTyped before the stop.\nTyped while it was down.`;
  await note().getByRole('status').filter({ hasText: 'waiting for the connection to Plexus' }).waitFor({ timeout: 15_000 });
  expect(await editorText()).toBe(mine);
  expect(readDisk()).toBe(NOTE.base);

  // The same vault on the same port: the old session is gone, and the page says what to do.
  await app.serveAgain(['--port', new URL(app.served.origin).port]);
  await connectionBanner().filter({ hasText: RESTARTED }).waitFor({ timeout: 30_000 });
  expect(await editorText()).toBe(mine);
  expect(readDisk()).toBe(NOTE.base);
  await page.screenshot({ path: artifactPath('connection-02-restarted.png') });

  // The user opens the new link in another tab; this tab reconnects by itself and saves.
  const signIn = await app.browser.context.newPage();
  await signIn.goto(app.served.url);
  await signIn.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  await connectionBanner().waitFor({ state: 'detached', timeout: 30_000 });
  const saved = await pollUntil(
    async () => readDisk(),
    (t) => t === mine,
    15_000,
  );
  expect(saved).toBe(mine);
  await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
  expect(await editorText()).toBe(mine);
  await expect(note().getByRole('button', { name: 'Rename', exact: true }).isDisabled()).resolves.toBe(false);
  // A clean save: no conflict copy was needed.
  expect(readdirSync(app.vaultDir).filter((f) => f.includes('(conflict'))).toEqual([]);
  await signIn.close();
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
