/**
 * The outline follows the reading (the real `plexus serve`, headless Chromium): on a note with
 * more headings than the outline has room for, scrolling the note to its end marks the last
 * section and brings its row into the outline's sight; scrolling back brings the first one back.
 */
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

const SECTIONS = 80;
const longNote = Array.from({ length: SECTIONS }, (_, i) => `## Section ${i + 1}\n\nSome words about section ${i + 1}.\n\nAnd a second paragraph.\n`).join(
  '\n',
);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({ vault: { 'Welcome.md': '# Welcome\n\nSee [[Long]].\n', 'Long.md': `# Long\n\n${longNote}` }, open: '#/note/Long.md' });
  page = app.page;
  await page
    .getByRole('main', { name: 'Note' })
    .getByRole('heading', { name: `Section ${SECTIONS}` })
    .waitFor();
  await page.getByRole('tablist', { name: 'Right sidebar views' }).getByRole('tab', { name: 'Outline' }).click();
  await page
    .getByRole('region', { name: 'Outline' })
    .getByRole('button', { name: `Section ${SECTIONS}` })
    .waitFor({ state: 'attached' });
});

afterAll(() => app?.close());

/** Whether the outline's current row is `name` and lies wholly inside the box that scrolls it. */
function currentRowInSight(name: string): Promise<boolean> {
  return page.evaluate((want) => {
    const row = document.querySelector<HTMLElement>('section[aria-label="Outline"] [aria-current="location"]');
    if (!row || row.textContent !== want) return false;
    let box = row.parentElement;
    while (box && !(getComputedStyle(box).overflowY !== 'visible' && box.scrollHeight > box.clientHeight)) box = box.parentElement;
    if (!box) return false;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  }, name);
}

test('the outline scrolls by itself to keep the section being read in sight', async () => {
  // The last row starts out of the outline's sight: the list is taller than its box.
  expect(await currentRowInSight(`Section ${SECTIONS}`)).toBe(false);
  await page.evaluate(() => {
    const pane = document.querySelector('main.note-pane')!;
    pane.scrollTop = pane.scrollHeight;
  });
  await page.waitForFunction((want) => {
    const row = document.querySelector('section[aria-label="Outline"] [aria-current="location"]');
    return row?.textContent === want;
  }, `Section ${SECTIONS}`);
  expect(await currentRowInSight(`Section ${SECTIONS}`)).toBe(true);

  await page.evaluate(() => {
    document.querySelector('main.note-pane')!.scrollTop = 0;
  });
  await page.waitForFunction(() => document.querySelector('section[aria-label="Outline"] [aria-current="location"]')?.textContent === 'Long');
  expect(await currentRowInSight('Long')).toBe(true);
});
