/**
 * Dragging tabs onto panes end to end (the real `plexus serve`, headless Chromium, a real pointer
 * drag): a tab dropped on a pane's right edge splits the pane, the zone lit while dragging; a tab
 * dropped in a pane's centre moves into that pane. Then "Open local graph" from the palette puts a
 * linked local graph beside the note, which follows the note's pane.
 */
import type { Locator, Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({ waitFor: 'welcome' });
  page = app.page;
});

afterAll(() => app?.close());

const panes = () => page.getByRole('region', { name: 'Note' });

/** Every pane's tab titles, in order. */
const layoutNow = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent)),
  );

async function waitForLayout(want: string[][]): Promise<void> {
  await page.waitForFunction((w) => {
    const got = [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent));
    return JSON.stringify(got) === JSON.stringify(w);
  }, want);
}

/** Presses on `tab`, moves to the point (fx, fy) of `target`'s body in steps, and returns with the button still down. */
async function dragTo(tab: Locator, target: Locator, fx: number, fy: number): Promise<void> {
  const from = (await tab.boundingBox())!;
  const body = (await target.locator('.ws-pane-body').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(body.x + body.width * fx, body.y + body.height * fy, { steps: 10 });
}

test('a tab dropped on a pane’s right edge splits it, the zone highlighted while dragging', async () => {
  await page
    .getByRole('navigation', { name: 'File explorer' })
    .getByRole('link', { name: 'Transformer', exact: true })
    .click({ modifiers: ['Control'] });
  await waitForLayout([['Welcome', 'Transformer']]);
  await dragTo(panes().first().getByRole('tab', { name: 'Transformer' }), panes().first(), 0.92, 0.5);
  await page.locator('[data-drop-zone="right"]').waitFor();
  await page.mouse.up();
  await waitForLayout([['Welcome'], ['Transformer']]);
  expect(await page.locator('[data-drop-zone]').count()).toBe(0);
  // The new pane is on the right and active, showing the dragged tab's note.
  const [left, right] = await panes().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  expect(right).toBeGreaterThan(left);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
});

test('a tab dropped in a pane’s centre moves into that pane; its emptied pane closes', async () => {
  await dragTo(panes().first().getByRole('tab', { name: 'Welcome' }), panes().nth(1), 0.5, 0.5);
  await page.locator('[data-drop-zone="centre"]').waitFor();
  await page.mouse.up();
  await waitForLayout([['Transformer', 'Welcome']]);
  expect(await layoutNow()).toEqual([['Transformer', 'Welcome']]);
  expect(app.pageErrors).toEqual([]);
});

test('"Open local graph" opens a local graph beside the note that follows its pane’s note', async () => {
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.getByRole('combobox', { name: 'Find a command' }).fill('open local graph');
  await dialog.getByRole('option').first().filter({ hasText: 'Open local graph' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('section[aria-label="Note"]').length === 2);
  const graph = panes().nth(1).getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Local', pressed: true }).waitFor();
  const canvas = graph.getByTestId('graph-canvas');
  const labelNow = () => canvas.getAttribute('aria-label');
  await page.waitForFunction(() =>
    /\d/.test(document.querySelectorAll('section[aria-label="Note"]')[1]?.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-label') ?? ''),
  );
  const aroundWelcome = await labelNow();
  // The note's pane stays active: opening another note there moves the graph along.
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Transformer', exact: true }).click();
  await panes().first().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  await page.waitForFunction((before) => {
    const label = document.querySelectorAll('section[aria-label="Note"]')[1]?.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-label');
    return !!label && /\d/.test(label) && label !== before;
  }, aroundWelcome);
  expect(await labelNow()).not.toBe(aroundWelcome);
  expect(app.pageErrors).toEqual([]);
});
