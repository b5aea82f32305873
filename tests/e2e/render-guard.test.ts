/**
 * The reading view against notes that are cheap to write and used to be ruinous to render, in
 * a real browser against the real `plexus serve`: nested emphasis (remark is quadratic in it;
 * the tab froze ~30 s) and a note embedding its own section 70 times (thousands of reads,
 * hundreds of thousands of DOM nodes). The page must keep answering and show what it did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

const PATHOLOGICAL = join(__dirname, '..', 'fixtures', 'pathological');
let app: ServedApp;
let page: Page;
const noteReads: string[] = [];

beforeAll(async () => {
  const pathological = (name: string) => readFileSync(join(PATHOLOGICAL, name));
  app = await openServedApp({
    vault: {
      'nested-emphasis.md': pathological('nested-emphasis.md'),
      'embed-amplification.md': pathological('embed-amplification.md'),
      'Home.md': '# Home\n\nSome *ordinary* **markup**.\n',
    },
    // An ordinary note first: with no address the app opens the first note by name, the embed
    // amplification, and each test opens the note it is about itself.
    open: `#/note/${encodeURIComponent('Home.md')}`,
    beforeOpen: (page) => {
      page.on('request', (request) => {
        if (request.url().endsWith('/api/readNote')) noteReads.push(String((JSON.parse(request.postData() ?? '[]') as unknown[])[0]));
      });
    },
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

async function openNote(path: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = `#/note/${encodeURIComponent(p)}`;
  }, path);
}

test('nested emphasis (n=10,000) is shown as plain text with a notice, and the page keeps answering', async () => {
  await openNote('Home.md');
  await page.waitForSelector('.markdown-body strong', { timeout: 30_000 });
  await openNote('nested-emphasis.md');
  // Unguarded, remark holds the main thread for tens of seconds here and this never appears.
  const notice = await page.waitForSelector('.render-fallback', { timeout: 30_000 });
  expect(await notice.textContent()).toMatch(/^This note is shown as plain text because its emphasis/);
  // The whole text is there, and the page still runs script and navigates.
  expect(await page.evaluate(() => document.querySelector('.markdown-body pre')?.textContent?.length)).toBeGreaterThan(60_000);
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await openNote('Home.md');
  await page.waitForSelector('.markdown-body strong', { timeout: 30_000 });
});

test('70 lines of ![[self#H]] read the note at most twice and keep the DOM small', async () => {
  noteReads.length = 0;
  await openNote('embed-amplification.md');
  await page.waitForSelector('.embed-note', { timeout: 30_000 });
  // Settled: no embed still loading.
  await page.waitForFunction(() => document.querySelector('main .embed-note > .muted, main [aria-busy="true"]') === null, undefined, { timeout: 60_000 });
  const state = await page.evaluate(() => ({
    nodes: document.querySelectorAll('main *').length,
    cycles: document.querySelectorAll('main .embed-collapsed').length,
    limited: document.querySelectorAll('main .embed-limit').length,
    text: document.querySelector('main')?.textContent ?? '',
  }));
  expect(noteReads.filter((p) => p === 'embed-amplification.md').length).toBeLessThanOrEqual(2);
  expect(state.nodes).toBeLessThan(20_000);
  expect(state.cycles).toBeGreaterThan(0);
  expect(state.limited).toBeGreaterThan(0);
  expect(state.text).toContain('embed limit reached');
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
});
