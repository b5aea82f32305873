/**
 * Exploring the concept graph end to end, on `plexus serve` with a temp copy of the sample
 * vault in headless Chromium: find a path between two notes (highlighted and listed), save a
 * view and switch back to it, and reopen the vault to find every node where it was.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

interface Hook {
  nodePosition(id: string): { x: number; y: number } | null;
  nodeIds(): string[];
  modelPosition(id: string): { x: number; y: number } | null;
  nodesWithClass(className: string): string[];
}

const GD = 'How LLMs Work/Gradient Descent.md';
const CHAIN = 'How LLMs Work/Chain Rule of Calculus.md';

async function openApp(): Promise<void> {
  page = await app.browser.context.newPage();
  page.on('pageerror', (error) => app.pageErrors.push(error.message));
  await page.goto(app.served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor();
}

async function openGraph(): Promise<void> {
  // A reopened page may still be restoring its workspace (which can itself bring the graph back):
  // press Ctrl+G only while no graph is shown, and not again before the last press had time to show one.
  const region = page.getByRole('region', { name: 'Graph' });
  let pressedAt = 0;
  const shown = await pollUntil(
    async () => {
      if ((await region.count()) === 0 && Date.now() - pressedAt > 5_000) {
        await page.keyboard.press('Control+g');
        pressedAt = Date.now();
      }
      return region.locator('[aria-label^="Graph: "]').count();
    },
    (n) => n > 0,
    60_000,
    250,
  );
  expect(shown).toBeGreaterThan(0);
  await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds().length ?? 0),
    (n) => n >= 20,
    30_000,
  );
}

const pathNodes = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.nodesWithClass('path'));

const allPositions = (): Promise<Record<string, { x: number; y: number }>> =>
  page.evaluate(() => {
    const hook = (window as unknown as { __plexusGraph: Hook }).__plexusGraph;
    return Object.fromEntries(hook.nodeIds().map((id) => [id, hook.modelPosition(id)!]));
  });

/** Every node's stored position, once two reads 1.5 s apart agree (the layout has settled and been saved). */
async function settledPositions(): Promise<Record<string, { x: number; y: number }>> {
  const read = allPositions;
  let previous = await read();
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.waitForTimeout(1500);
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    previous = next;
  }
  throw new Error('graph positions never settled');
}

beforeAll(async () => {
  app = await openServedApp({ keepState: true, open: false });
  await app.page.close();
  await openApp();
  await openGraph();
});

afterAll(() => app?.close());

test('path between two notes: highlighted in the graph and listed as clickable notes', async () => {
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('toolbar', { name: 'Graph controls' }).getByRole('button', { name: 'Path', exact: true }).click();
  const panel = graph.getByRole('complementary', { name: 'Path' });
  await panel.getByLabel('From').fill('Gradient Descent');
  await panel.getByLabel('To').fill('Chain Rule of Calculus');
  await panel.getByRole('button', { name: 'Find path' }).click();
  const list = panel.getByLabel('Shortest paths');
  await list.waitFor();
  await expectText(panel.getByRole('status').last(), /shortest paths?, \d+ steps?/);
  const firstPath = list.locator('ol').first();
  const names = await firstPath.locator('li').allTextContents();
  expect(names[0]).toBe('Gradient Descent');
  expect(names[names.length - 1]).toBe('Chain Rule of Calculus');
  const highlighted = await pollUntil(pathNodes, (ids) => ids.includes(GD) && ids.includes(CHAIN));
  expect(highlighted).toEqual(expect.arrayContaining([GD, CHAIN]));
  expect(highlighted.length).toBeGreaterThanOrEqual(names.length);
  await page.waitForTimeout(600); // the camera animates to the path
  await page.screenshot({ path: artifactPath('07-graph-path.png') });
  // The listed notes are links into the vault.
  await firstPath.getByRole('button', { name: 'Chain Rule of Calculus' }).click();
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Chain Rule of Calculus' }).waitFor();
});

test('save a view, change the graph, switch back to the view', async () => {
  await openGraph();
  const graph = page.getByRole('region', { name: 'Graph' });
  const toolbar = graph.getByRole('toolbar', { name: 'Graph controls' });
  const filter = toolbar.getByLabel('Filter graph by name or tag');
  await filter.fill('folder:How LLMs Work');
  await toolbar.getByRole('button', { name: 'Views', exact: true }).click();
  const panel = graph.getByRole('complementary', { name: 'Saved views' });
  await panel.getByLabel('View name').fill('LLM notes');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByLabel('Saved views').getByRole('button', { name: 'LLM notes', exact: true }).waitFor();

  await filter.fill('');
  await expectValue(filter, '');
  await panel.getByLabel('Saved views').getByRole('button', { name: 'LLM notes', exact: true }).click();
  await expectValue(filter, 'folder:How LLMs Work');
  await page.screenshot({ path: artifactPath('08-graph-saved-view.png') });
  // Back to the whole graph for the next test, and close the graph.
  await filter.fill('');
  await page.keyboard.press('Control+g');
});

test('reopening the vault (a new server, a new page) shows every node where it was, and keeps the saved view', async () => {
  await openGraph();
  const initial = await settledPositions();
  // Drag one node somewhere no layout would put it: only a remembered position brings it back there.
  const onPage = await page.evaluate((id) => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.nodePosition(id), GD);
  expect(onPage).not.toBeNull();
  await page.mouse.move(onPage!.x, onPage!.y);
  await page.mouse.down();
  await page.mouse.move(onPage!.x + 60, onPage!.y + 45, { steps: 8 });
  await page.mouse.up();
  const before = await settledPositions();
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);
  expect(Math.hypot(before[GD].x - initial[GD].x, before[GD].y - initial[GD].y)).toBeGreaterThan(20);
  await page.close();

  await app.serveAgain();
  await openApp();
  await openGraph();
  const after = await settledPositions();
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const [id, position] of Object.entries(before)) {
    expect(Math.abs(after[id].x - position.x)).toBeLessThan(0.5);
    expect(Math.abs(after[id].y - position.y)).toBeLessThan(0.5);
  }
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('toolbar', { name: 'Graph controls' }).getByRole('button', { name: 'Views', exact: true }).click();
  await graph.getByRole('complementary', { name: 'Saved views' }).getByLabel('Saved views').getByRole('button', { name: 'LLM notes', exact: true }).waitFor();
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  expect(
    await pollUntil(
      () => locator.textContent(),
      (text) => pattern.test(text ?? ''),
      10_000,
    ),
  ).toMatch(pattern);
}

async function expectValue(locator: ReturnType<Page['locator']>, value: string): Promise<void> {
  expect(
    await pollUntil(
      () => locator.inputValue(),
      (v) => v === value,
      10_000,
    ),
  ).toBe(value);
}
