/**
 * Ctrl+click on a note's node in the graph opens the note in a new tab, as a Ctrl+click on a
 * link does, and leaves the graph's tab as it was (the real `plexus serve`, headless Chromium).
 */
import type { Page } from 'playwright-core';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

interface Hook {
  nodePosition(id: string): { x: number; y: number } | null;
  nodeIds(): string[];
}

const GD = 'How LLMs Work/Gradient Descent.md';

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({ waitFor: 'welcome' });
  page = app.page;
});

afterAll(() => app?.close());

const tabNames = () =>
  page.evaluate(() => [...document.querySelectorAll('section[aria-label="Note"] [role="tab"]')].map((t) => [t.textContent, t.getAttribute('aria-selected')]));

test('Ctrl+click on a node opens its note in a new tab beside the graph', async () => {
  await page.keyboard.press('Control+g');
  await page.getByRole('region', { name: 'Graph' }).locator('[aria-label^="Graph: "]').waitFor();
  await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds().length ?? 0),
    (n) => n >= 20,
    30_000,
  );
  // Where the node is once the layout has stopped moving it (two reads in a row agree).
  let last = '';
  const at = await pollUntil(
    async () => {
      const p = await page.evaluate((id) => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.nodePosition(id), GD);
      const key = JSON.stringify(p && { x: Math.round(p.x), y: Math.round(p.y) });
      const steady = key === last;
      last = key;
      return steady ? p : null;
    },
    (p) => p !== null,
    60_000,
    250,
  );
  const before = await tabNames();
  // page.mouse.click takes no modifiers: the key is held as a person holds it.
  await page.keyboard.down('Control');
  await page.mouse.click(at!.x, at!.y);
  await page.keyboard.up('Control');
  await page.waitForFunction((count) => document.querySelectorAll('section[aria-label="Note"] [role="tab"]').length === count + 1, before.length);
  const after = await tabNames();
  expect(after).toContainEqual(['Gradient Descent', 'true']);
  // The graph is still a tab of its own, with its graph drawn.
  expect(after.filter(([name]) => name === before.find(([, selected]) => selected === 'true')?.[0])).toHaveLength(1);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Gradient Descent' }).first().waitFor();
  expect(app.pageErrors).toEqual([]);
});
