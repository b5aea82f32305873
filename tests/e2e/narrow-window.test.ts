/**
 * A 900x700 window, end to end (the real `plexus serve`, headless Chromium): the right sidebar
 * starts collapsed, both sidebars collapse and expand by button and by Ctrl+\ / Ctrl+Shift+\, no
 * button is clipped (neither its own label nor by a pane around it, as "Delete" once was in
 * edit mode), and the graph legend folds. Screenshots in light and dark go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;
const LONG = 'How LLMs Work/Think about local minima in thousands of dimensions.md';

beforeAll(async () => {
  app = await openServedApp({
    // Before the app loads: the narrow default is decided at start.
    beforeOpen: (page) => page.setViewportSize({ width: 900, height: 700 }),
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const note = () => page.getByRole('main', { name: 'Note' });
const toggle = (name: string) => page.getByRole('button', { name, exact: true });

/**
 * Every visible button whose label does not fit: wider than its box, or cut by an ancestor that
 * clips (overflow other than visible) — the pane around it, not the button, is what hid "Delete".
 */
async function clippedButtons(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const button of Array.from(document.querySelectorAll('button'))) {
      const rect = button.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(button).visibility === 'hidden') continue;
      const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
      if (button.scrollWidth > button.clientWidth + 1) out.push(`${name}: label ${button.scrollWidth}px in ${button.clientWidth}px`);
      for (let el = button.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = el.getBoundingClientRect();
        // Sideways only: a row half scrolled out of a long list (top or bottom) is not clipping,
        // nor is one scrolled out of view; a button pushed past the side, partly or wholly, is.
        const scrolledAway = rect.bottom <= box.top || rect.top >= box.bottom;
        const cut = rect.left < box.left - 1 || rect.right > box.right + 1;
        if (!scrolledAway && cut)
          out.push(
            `${name}: cut by .${el.className || el.tagName} (${Math.round(rect.left)}–${Math.round(rect.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`,
          );
        if (cut) break;
      }
    }
    return out;
  });
}

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: artifactPath(`narrow-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('at 900 px the right sidebar starts collapsed, and nothing is clipped in reading or edit mode', async () => {
  expect(await toggle('Expand right sidebar').getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByRole('complementary', { name: 'Backlinks' }).isVisible()).toBe(false);
  expect(await clippedButtons()).toEqual([]);
  await shoot('reading');
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await note().locator('.cm-content').waitFor();
  await note().getByRole('button', { name: 'Preview', exact: true }).waitFor();
  expect(await clippedButtons()).toEqual([]);
  await toggle('Expand right sidebar').click();
  await page.getByRole('complementary', { name: 'Backlinks' }).waitFor();
  expect(await clippedButtons()).toEqual([]);
  await shoot('editing-sidebars-open');
  // A long title beside the buttons (edit mode stays on across navigation).
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/note/${encodeURIComponent(LONG)}`,
  );
  await note().getByRole('heading', { level: 1, name: 'Think about local minima in thousands of dimensions' }).waitFor({ state: 'attached' });
  await note().getByRole('button', { name: 'Delete', exact: true }).waitFor();
  expect(await clippedButtons()).toEqual([]);
  await shoot('editing-long-title');
  await note().getByRole('button', { name: 'Read', exact: true }).click();
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
  expect(await clippedButtons()).toEqual([]);
  await page.evaluate(() => {
    window.location.hash = '#/note/Welcome.md';
  });
  await note().getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor();
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await note().locator('.cm-content').waitFor();
});

test('both sidebars collapse and expand by button and by Ctrl+\\ / Ctrl+Shift+\\', async () => {
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await toggle('Collapse left sidebar').click();
  await explorer.waitFor({ state: 'hidden' });
  expect(await toggle('Expand left sidebar').getAttribute('aria-expanded')).toBe('false');
  await toggle('Collapse right sidebar').click();
  await backlinks.waitFor({ state: 'hidden' });
  expect(await clippedButtons()).toEqual([]);
  await shoot('collapsed');

  await page.locator('body').click({ position: { x: 450, y: 690 } }); // the status bar: no text field has focus
  await page.keyboard.press('Control+Backslash');
  await explorer.waitFor({ state: 'visible' });
  await page.keyboard.press('Control+Shift+Backslash');
  await backlinks.waitFor({ state: 'visible' });
  await page.keyboard.press('Control+Backslash');
  await explorer.waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+Backslash');
  await explorer.waitFor({ state: 'visible' });
  // Remembered: a reload keeps the right sidebar open even in this narrow window.
  await note().getByRole('button', { name: 'Read', exact: true }).click();
  await page.reload();
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
  await backlinks.waitFor({ state: 'visible' });
});

test('the graph view at 900 px: nothing clipped, and the legend folds to its title', async () => {
  await toggle('Graph').click();
  const legend = page.getByRole('complementary', { name: 'Graph legend' });
  await legend.getByText('not created yet').waitFor({ timeout: 30_000 });
  expect(await clippedButtons()).toEqual([]);
  await shoot('graph');
  await legend.getByRole('button', { name: 'Collapse legend' }).click();
  await legend.getByText('not created yet').waitFor({ state: 'detached' });
  expect(await legend.getByRole('button', { name: 'Expand legend' }).getAttribute('aria-expanded')).toBe('false');
  await shoot('graph-legend-folded');
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
