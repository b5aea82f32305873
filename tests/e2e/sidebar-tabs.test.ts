/**
 * The sidebars' views as tabs end to end (the real `plexus serve`, headless Chromium, real keys
 * and a real pointer drag): arrow keys, Home and End move between a sidebar's tabs, Ctrl+Shift+
 * Arrow reorders, a tab dragged onto the other sidebar's strip moves there, and the arrangement
 * comes back when the page is loaded again.
 */
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({ waitFor: 'welcome' });
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(() => app?.close());

const strip = (side: 'Left' | 'Right') => page.getByRole('tablist', { name: `${side} sidebar views` });
const tabNames = (side: 'Left' | 'Right') => strip(side).getByRole('tab').allTextContents();
const selected = (side: 'Left' | 'Right') => strip(side).locator('[role="tab"][aria-selected="true"]');

async function waitForTabs(side: 'Left' | 'Right', want: string[]): Promise<void> {
  await page.waitForFunction(
    ([name, w]) => {
      const list = document.querySelector(`[role="tablist"][aria-label="${name} sidebar views"]`);
      return JSON.stringify([...(list?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.textContent)) === JSON.stringify(w);
    },
    [side, want] as const,
  );
}

test('each sidebar shows its views as tabs, one tabpanel shown', async () => {
  expect(await tabNames('Left')).toEqual(['Files', 'Search', 'Bookmarks', 'Tags']);
  expect(await tabNames('Right')).toEqual(['Backlinks', 'Outgoing', 'Outline', 'Local graph']);
  expect(await selected('Left').textContent()).toBe('Files');
  await page.getByRole('tabpanel', { name: 'Files' }).getByRole('navigation', { name: 'File explorer' }).waitFor();
  await page.getByRole('tabpanel', { name: 'Backlinks' }).getByRole('complementary', { name: 'Backlinks' }).waitFor();
});

test('arrow keys, Home and End move between the tabs, showing each, the focus following', async () => {
  await strip('Left').getByRole('tab', { name: 'Files' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tabpanel', { name: 'Search' }).getByRole('searchbox', { name: 'Search the vault' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
  await page.keyboard.press('End');
  await page.getByRole('tabpanel', { name: 'Tags' }).getByRole('region', { name: 'All tags' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'File explorer' }).isVisible()).toBe(false);
  await page.keyboard.press('ArrowRight'); // wraps
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  expect(await selected('Left').textContent()).toBe('Files');
});

test('Ctrl+Shift+Arrow moves the focused view along its strip', async () => {
  await strip('Left').getByRole('tab', { name: 'Files' }).focus();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await waitForTabs('Left', ['Search', 'Files', 'Bookmarks', 'Tags']);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Files');
});

async function drag(tab: Locator, target: Locator): Promise<void> {
  const from = (await tab.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 3 });
  await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

test('a tab dragged onto the other sidebar’s strip moves there and is shown; the arrangement survives a reload', async () => {
  await drag(strip('Right').getByRole('tab', { name: 'Outline' }), strip('Left').getByRole('tab', { name: 'Bookmarks' }));
  await waitForTabs('Left', ['Search', 'Files', 'Outline', 'Bookmarks', 'Tags']);
  await waitForTabs('Right', ['Backlinks', 'Outgoing', 'Local graph']);
  await page.locator('.left-pane').getByRole('region', { name: 'Outline' }).waitFor();
  // Saved with the workspace: a new page on the same vault shows the same strips.
  await page.reload();
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor({ timeout: 30_000 });
  await waitForTabs('Left', ['Search', 'Files', 'Outline', 'Bookmarks', 'Tags']);
  await waitForTabs('Right', ['Backlinks', 'Outgoing', 'Local graph']);
  expect(await selected('Left').textContent()).toBe('Outline');
  expect(app.pageErrors).toEqual([]);
});

test('screenshots: both sidebars’ tab strips at 900x700, light and dark', async () => {
  await page.setViewportSize({ width: 900, height: 700 });
  const expand = page.getByRole('button', { name: 'Expand right sidebar' });
  if ((await expand.count()) > 0) await expand.click();
  await strip('Right').getByRole('tab', { name: 'Outgoing' }).click();
  await page.getByRole('region', { name: 'Outgoing links' }).getByRole('link').first().waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: artifactPath('sidebar-tabs-900x700-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: artifactPath('sidebar-tabs-900x700-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // The local graph view in the right sidebar follows the open note.
  await strip('Right').getByRole('tab', { name: 'Local graph' }).click();
  await page.waitForFunction(() => /[1-9]/.test(document.querySelector('.right-pane [data-testid="graph-canvas"]')?.getAttribute('aria-label') ?? ''));
  await page.screenshot({ path: artifactPath('sidebar-tabs-local-graph-900x700.png') });
  expect(app.pageErrors).toEqual([]);
});
