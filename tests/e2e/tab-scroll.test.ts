/**
 * Each tab keeps its place in its note (the real `plexus serve`, headless Chromium): a note left
 * scrolled is shown again where it was after another tab was shown, after Back from another note,
 * and after the page is reloaded; another note opened in the tab starts at the top.
 */
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

const paragraphs = (name: string) => Array.from({ length: 150 }, (_, i) => `${name} paragraph ${i + 1} with a few words in it.\n`).join('\n');

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({
    vault: {
      'Welcome.md': '# Welcome\n\nSee [[Long]].\n',
      'Long.md': `# Long\n\n${paragraphs('Long')}`,
      'Other.md': `# Other\n\n${paragraphs('Other')}`,
    },
    open: '#/note/Long.md',
  });
  page = app.page;
  await note().getByText('Long paragraph 150 with').waitFor();
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const tabs = () => page.getByRole('region', { name: 'Note' }).first().getByRole('tab');

/** The note pane's scroll offset once `text` is drawn in it. */
async function scrollOnceShown(text: string): Promise<number> {
  await note().getByText(text, { exact: false }).first().waitFor();
  return page.evaluate(() => document.querySelector('main.note-pane')!.scrollTop);
}

async function waitForScroll(want: number): Promise<void> {
  await page.waitForFunction((top) => Math.abs((document.querySelector('main.note-pane')?.scrollTop ?? -1) - top) <= 1, want);
}

test('a tab comes back where it was left: after another tab, after Back, after a reload', async () => {
  const left = await page.evaluate(() => {
    const pane = document.querySelector('main.note-pane')!;
    pane.scrollTop = 2400;
    return pane.scrollTop;
  });
  expect(left).toBeGreaterThan(2000);
  // The scroll event is what records the place.
  await page.waitForFunction(() => document.querySelector('main.note-pane')!.scrollTop > 2000);

  // Another tab shown, then this one again.
  await page.keyboard.press('Control+t');
  await page.waitForFunction(() => document.querySelectorAll('section[aria-label="Note"] [role="tab"]').length === 2);
  await page.getByRole('navigation', { name: 'File explorer' }).getByText('Other', { exact: true }).click();
  expect(await scrollOnceShown('Other paragraph 1 with')).toBe(0);
  await tabs().first().click();
  await note().getByRole('heading', { level: 1, name: 'Long' }).first().waitFor();
  await waitForScroll(left);

  // Another note opened in this tab starts at the top; Back returns to the place.
  await page.getByRole('navigation', { name: 'File explorer' }).getByText('Other', { exact: true }).click();
  await note().getByRole('heading', { level: 1, name: 'Other' }).first().waitFor();
  expect(await page.evaluate(() => document.querySelector('main.note-pane')!.scrollTop)).toBe(0);
  await page.keyboard.press('Alt+ArrowLeft');
  await note().getByRole('heading', { level: 1, name: 'Long' }).first().waitFor();
  await waitForScroll(left);

  // Reopened: the place is kept with the workspace.
  await page.reload();
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  await note().getByRole('heading', { level: 1, name: 'Long' }).first().waitFor();
  await waitForScroll(left);
  expect(app.pageErrors).toEqual([]);
});
