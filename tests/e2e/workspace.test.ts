/**
 * The workspace end to end (the real `plexus serve`, headless Chromium): Ctrl+click opens a tab,
 * Ctrl+W closes it, split right from the command palette, the outline scrolls the note, all tags
 * lists counts, split panes resize by their separator, and the workspace (sizes too) comes back
 * after a reload. Screenshots go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const panes = () => page.getByRole('region', { name: 'Note' });
const explorer = () => page.getByRole('navigation', { name: 'File explorer' });
const tabs = (pane = panes().first()) => pane.getByRole('tab');

async function waitForTabs(names: string[], pane = panes().first()): Promise<void> {
  await page.waitForFunction(
    ({ want, index }) => {
      const region = document.querySelectorAll('section[aria-label="Note"]')[index];
      const got = region ? [...region.querySelectorAll('[role="tab"]')].map((t) => t.textContent) : null;
      return JSON.stringify(got) === JSON.stringify(want);
    },
    { want: names, index: await pane.evaluate((el) => [...document.querySelectorAll('section[aria-label="Note"]')].indexOf(el as HTMLElement)) },
  );
}

test('Ctrl+click on an explorer entry opens a new tab; Ctrl+W closes it', async () => {
  const pagesBefore = page.context().pages().length;
  await explorer()
    .getByRole('link', { name: 'Transformer', exact: true })
    .click({ modifiers: ['Control'] });
  await waitForTabs(['Welcome', 'Transformer']);
  await tabs().filter({ hasText: 'Transformer' }).and(page.locator('[aria-selected="true"]')).waitFor();
  await note().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  expect(page.url()).toContain('#/note/How%20LLMs%20Work%2FTransformer.md');
  expect(page.context().pages()).toHaveLength(pagesBefore); // no browser tab was opened
  await page.keyboard.press('Control+w');
  await waitForTabs(['Welcome']);
  await note().getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor();
  expect(page.url()).toContain('#/note/Welcome.md');
});

test('split right from the command palette', async () => {
  await explorer()
    .getByRole('link', { name: 'Attention', exact: true })
    .click({ modifiers: ['Control'] });
  await waitForTabs(['Welcome', 'Attention']);
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  const input = dialog.getByRole('combobox', { name: 'Find a command' });
  await input.fill('split right');
  await dialog.getByRole('option').first().filter({ hasText: 'Split right' }).waitFor();
  await input.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('section[aria-label="Note"]').length === 2);
  await waitForTabs(['Attention'], panes().nth(1));
  // The other pane keeps its tabs and shows its note read-only.
  await waitForTabs(['Welcome', 'Attention'], panes().first());
  await panes().first().getByRole('heading', { level: 1, name: 'Attention' }).first().waitFor();
});

test('the separator between split panes is dragged with the mouse and moved with the arrow keys', async () => {
  const separator = page.getByRole('separator', { name: 'Resize panes' });
  expect(await separator.getAttribute('aria-valuenow')).toBe('50');
  const box = (await page.locator('.workspace').boundingBox())!;
  const grip = (await separator.boundingBox())!;
  // A real pointer drag: press on the grip, move in steps, release at 30% of the workspace's width.
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, grip.y + grip.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[role="separator"][aria-label="Resize panes"]')?.getAttribute('aria-valuenow') === '30');
  const widths = await panes().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(widths[0] / (widths[0] + widths[1])).toBeCloseTo(0.3, 1);
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[role="separator"][aria-label="Resize panes"]')?.getAttribute('aria-valuenow') === '34');
  await page.keyboard.press('Home'); // as far as it goes: the first pane keeps its minimum
  await page.waitForFunction(() => document.querySelector('[role="separator"][aria-label="Resize panes"]')?.getAttribute('aria-valuenow') === '10');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForFunction(() => document.querySelector('[role="separator"][aria-label="Resize panes"]')?.getAttribute('aria-valuenow') === '40');
});

test('the outline lists the note’s headings and a click scrolls to one', async () => {
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).click();
  await note().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  // Outline and All tags are views in the sidebars' tab strips.
  await page.getByRole('tablist', { name: 'Right sidebar views' }).getByRole('tab', { name: 'Outline' }).click();
  const outline = page.getByRole('region', { name: 'Outline' });
  const items = outline.getByRole('button');
  await items.first().waitFor();
  const last = items.last();
  const name = (await last.textContent())!;
  await last.scrollIntoViewIfNeeded();
  await last.click();
  // The heading is now at the top of the note pane, and the outline marks it as the current section.
  await page.waitForFunction((text) => {
    const pane = document.querySelector('main.note-pane')!;
    const heading = [...pane.querySelectorAll('.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4')].find(
      (h) => h.textContent === text,
    );
    if (!heading) return false;
    // At the top, unless the note ends too soon below it to scroll that far: then scrolled to the end.
    const top = heading.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    const atEnd = Math.abs(pane.scrollHeight - pane.clientHeight - pane.scrollTop) < 2;
    return pane.scrollTop > 0 && top >= -2 && (top < 40 || atEnd) && top < pane.clientHeight;
  }, name);
  await outline.locator('[aria-current="location"]').filter({ hasText: name }).waitFor();
});

test('all tags lists every tag with its count', async () => {
  await page.getByRole('tablist', { name: 'Left sidebar views' }).getByRole('tab', { name: 'Tags' }).click();
  const panel = page.getByRole('region', { name: 'All tags' });
  const rows = panel.getByRole('button');
  await rows.first().waitFor();
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l).toMatch(/^#\S+, \d+ notes?$/);
  await rows.first().click();
  const search = page.getByRole('searchbox', { name: 'Search the vault' });
  await page.waitForFunction(() => (document.querySelector('input[aria-label="Search the vault"]') as HTMLInputElement | null)?.value.startsWith('tag:#'));
  expect(await search.inputValue()).toMatch(/^tag:#/);
});

test('screenshots: two splits with tabs, light and dark, and at 900x700', async () => {
  await page.getByRole('button', { name: 'Close search' }).click();
  await page.screenshot({ path: artifactPath('workspace-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: artifactPath('workspace-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 900, height: 700 });
  await page.screenshot({ path: artifactPath('workspace-900x700.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('the workspace comes back after a reload', async () => {
  const before = await page.evaluate(() =>
    [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent)),
  );
  expect(before.length).toBe(2);
  expect(await page.getByRole('separator', { name: 'Resize panes' }).getAttribute('aria-valuenow')).toBe('40');
  const hash = new URL(page.url()).hash;
  await page.reload();
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent));
    return JSON.stringify(got) === JSON.stringify(want);
  }, before);
  expect(new URL(page.url()).hash).toBe(hash);
  expect(await page.getByRole('separator', { name: 'Resize panes' }).getAttribute('aria-valuenow')).toBe('40'); // the panes' sizes too
  await note().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  expect(app.pageErrors).toEqual([]);
});

test('the workspace comes back when plexus serve is stopped and started again (the vault keeps its address)', async () => {
  const tabsNow = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent)),
    );
  const before = await tabsNow();
  expect(before.length).toBe(2);
  const origin = app.served.origin;
  const served = await app.serveAgain();
  expect(served.origin).toBe(origin);
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent));
    return JSON.stringify(got) === JSON.stringify(want);
  }, before);
  expect(app.pageErrors).toEqual([]);
});
