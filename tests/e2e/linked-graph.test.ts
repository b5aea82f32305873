/**
 * The linked local graph end to end (the real `plexus serve`, headless Chromium, a real click on
 * a canvas node): a node clicked in a local graph that follows a note's pane opens that note in
 * the followed pane, as Obsidian's linked view does, and the graph stays in its own pane.
 */
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({ waitFor: 'welcome' });
  page = app.page;
});

afterAll(() => app?.close());

interface Hook {
  nodeIds(): string[];
  nodePosition(id: string): { x: number; y: number } | null;
}

const panes = () => page.getByRole('region', { name: 'Note' });
const TRANSFORMER = 'How LLMs Work/Transformer.md';

/** Every pane's tab titles, in order. */
async function waitForLayout(want: string[][]): Promise<void> {
  await page.waitForFunction((w) => {
    const got = [...document.querySelectorAll('section[aria-label="Note"]')].map((r) => [...r.querySelectorAll('[role="tab"]')].map((t) => t.textContent));
    return JSON.stringify(got) === JSON.stringify(w);
  }, want);
}

test('a node clicked in a linked local graph opens in the pane the graph follows', async () => {
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.getByRole('combobox', { name: 'Find a command' }).fill('open local graph');
  await dialog.getByRole('option').first().filter({ hasText: 'Open local graph' }).waitFor();
  await page.keyboard.press('Enter');
  await waitForLayout([['Welcome'], ['Graph']]);
  const graph = panes().nth(1).getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Local', pressed: true }).waitFor();
  // The layout has run and the node sits still where it is drawn: its position is the same on two reads.
  const at = await page.waitForFunction(
    (id) => {
      const hook = (window as unknown as { __plexusGraph?: Hook }).__plexusGraph;
      const p = hook?.nodeIds().includes(id) ? hook.nodePosition(id) : null;
      const w = window as unknown as { __lastAt?: string };
      const key = p ? `${Math.round(p.x)},${Math.round(p.y)}` : '';
      const still = !!p && w.__lastAt === key;
      w.__lastAt = key;
      return still ? p : null;
    },
    TRANSFORMER,
    { polling: 500, timeout: 60_000 },
  );
  const { x, y } = (await at.jsonValue())!;
  const aroundWelcome = await graph.getByTestId('graph-canvas').getAttribute('aria-label');
  await page.mouse.click(x, y);
  // The note opens in the followed pane; the graph keeps its own pane and moves along to the note.
  await waitForLayout([['Transformer'], ['Graph']]);
  await panes().first().getByRole('heading', { level: 1, name: 'Transformer' }).first().waitFor();
  expect(await panes().nth(1).getByRole('region', { name: 'Graph' }).count()).toBe(1);
  await page.waitForFunction((before) => {
    const label = document.querySelectorAll('section[aria-label="Note"]')[1]?.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-label');
    return !!label && /\d/.test(label) && label !== before;
  }, aroundWelcome);
  expect(app.pageErrors).toEqual([]);
});
