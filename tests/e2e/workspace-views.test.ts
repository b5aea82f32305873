/**
 * Workspace views end to end (the real `plexus serve`, headless Chromium) on the sample vault
 * plus a 3,000-note folder whose notes all link to one hub: the explorer renders only the rows
 * in view, the hub's backlinks arrive in slices, the quick switcher creates notes and jumps to
 * headings, an unlinked mention is linked on disk, and a bookmark survives a reload.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(240_000);

let app: ServedApp;
let page: Page;

const BULK = 3000;

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      mkdirSync(path.join(vaultDir, 'Bulk'));
      for (let i = 0; i < BULK; i++) writeFileSync(path.join(vaultDir, 'Bulk', `Note ${i}.md`), `# Note ${i}\n\nSee [[Hub]].\n`);
      writeFileSync(path.join(vaultDir, 'Hub.md'), '# Hub\n\nEverything in Bulk links here.\n');
      writeFileSync(path.join(vaultDir, 'Diary.md'), '# Diary\n\nToday I read about the transformer architecture.\n');
    },
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(() => app?.close());

afterEach(() => expect(app.pageErrors).toEqual([]));

const note = () => page.getByRole('main', { name: 'Note' });
const explorer = () => page.getByRole('navigation', { name: 'File explorer' });
const switcher = () => page.getByRole('dialog', { name: 'Quick switcher' });
const rowsInExplorer = () => explorer().locator('[data-row]').count();

async function switchTo(query: string): Promise<void> {
  await page.keyboard.press('Control+o');
  await switcher().getByRole('combobox', { name: 'Find a note' }).fill(query);
}

test('a 3,000-note folder opens as a window of rows; scrolling to its end shows the last note', async () => {
  const folder = explorer().getByRole('button', { name: /^Bulk/ });
  // Folded when the file list first arrives large; open it either way.
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await page.waitForFunction(() => document.querySelector('[data-folder="Bulk"]')?.getAttribute('aria-expanded') === 'true');
  // The open note (Welcome, after Bulk's rows) may have been scrolled into view: start at the top.
  await explorer()
    .locator('.tree')
    .evaluate((el) => el.scrollTo({ top: 0 }));
  await explorer().getByRole('link', { name: 'Note 0', exact: true }).waitFor();
  expect(await rowsInExplorer()).toBeLessThan(300);
  await explorer()
    .locator('.tree')
    .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await explorer().getByRole('link', { name: 'Note 2999', exact: true }).waitFor();
  expect(await rowsInExplorer()).toBeLessThan(300);
  await explorer()
    .locator('.tree')
    .evaluate((el) => el.scrollTo({ top: 0 }));
  await folder.click();
  await page.waitForFunction(() => document.querySelector('[data-folder="Bulk"]')?.getAttribute('aria-expanded') === 'false');
});

test("the hub's 3,000 backlinks render 100 at first and more as the list is scrolled", async () => {
  await switchTo('Hub');
  await switcher().getByRole('option').first().filter({ hasText: 'Hub' }).waitFor();
  await page.keyboard.press('Enter');
  await note().getByRole('heading', { level: 1, name: 'Hub' }).first().waitFor();
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await backlinks.getByText(String(BULK), { exact: true }).waitFor();
  const groups = backlinks.locator('.backlink-groups > li');
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Backlinks"] .backlink-groups > li').length === 100);
  await backlinks.getByRole('button', { name: /Show more/ }).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Backlinks"] .backlink-groups > li').length > 100);
  expect(await groups.count()).toBeLessThanOrEqual(500);
});

test('quick switcher: note#heading opens at the heading; an unmatched name is created and opened', async () => {
  await switchTo('welcome#reading');
  await switcher().getByRole('option').first().filter({ hasText: 'A reading path through How LLMs Work' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('Welcome.md') && decodeURIComponent(location.hash).includes('A reading path'));

  await switchTo('A brand new idea');
  await switcher().getByRole('option', { name: 'Create note “A brand new idea”' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => decodeURIComponent(location.hash) === '#/note/A brand new idea.md');
  expect(existsSync(path.join(app.vaultDir!, 'A brand new idea.md'))).toBe(true);
});

test('"Link" on an unlinked mention writes the link into the mentioning note on disk', async () => {
  await switchTo('Transformer');
  await switcher().getByRole('option').first().filter({ hasText: 'Transformer' }).waitFor();
  await page.keyboard.press('Enter');
  await note().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  const mentions = page.getByRole('region', { name: 'Unlinked mentions' });
  await mentions.getByRole('button', { name: 'Link the mention in Diary, line 3' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Link the mention in Diary, line 3"]'));
  // The note's alias "transformer architecture" is the longer mention, so the link keeps both words.
  expect(readFileSync(path.join(app.vaultDir!, 'Diary.md'), 'utf8')).toBe('# Diary\n\nToday I read about the [[Transformer|transformer architecture]].\n');
  await expect(mentions.getByRole('alert').count()).resolves.toBe(0);
});

test('a bookmarked note is listed in Bookmarks, opens from there, and is still there after a reload', async () => {
  const star = page.getByRole('button', { name: 'Bookmark this note' });
  await star.click();
  await page.waitForFunction(() => document.querySelector('[aria-label="Bookmark this note"]')?.getAttribute('aria-pressed') === 'true');
  // The left sidebar holds Bookmarks as a tab; the one shown is restored with the workspace.
  await page.getByRole('tablist', { name: 'Left sidebar views' }).getByRole('tab', { name: 'Bookmarks' }).click();
  const bookmarks = page.getByRole('region', { name: 'Bookmarks' });
  await bookmarks.getByRole('button', { name: 'Transformer', exact: true }).waitFor();
  await page.reload();
  await bookmarks.getByRole('button', { name: 'Transformer', exact: true }).waitFor({ timeout: 60_000 });
  await switchTo('Welcome');
  await page.keyboard.press('Enter');
  await note().getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor();
  await bookmarks.getByRole('button', { name: 'Transformer', exact: true }).click();
  await note().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
});
