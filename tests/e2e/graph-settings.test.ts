/**
 * Obsidian's graph settings end to end, on `plexus serve` with a temp copy of the sample vault
 * in headless Chromium: the node size slider resizes the drawn nodes at once and is saved (a
 * new page shows the same size and slider value); a force slider runs the layout again.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

interface Hook {
  nodeIds(): string[];
  nodeWidth(id: string): number | null;
  modelPosition(id: string): { x: number; y: number } | null;
  nodeStyle(id: string, property: string): string | null;
}

const GD = 'How LLMs Work/Gradient Descent.md';

async function openGraph(): Promise<void> {
  page = await app.browser.context.newPage();
  page.on('pageerror', (error) => app.pageErrors.push(error.message));
  await page.goto(app.served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor();
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.locator('[aria-label^="Graph: "]').waitFor({ timeout: 30_000 });
  await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds().length ?? 0),
    (n) => n >= 20,
    30_000,
  );
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 30_000 });
  await graph.getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 30_000 });
  await graph.getByRole('toolbar', { name: 'Graph controls' }).getByRole('button', { name: 'Settings', exact: true }).click();
}

const width = (id: string) => page.evaluate((n) => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.nodeWidth(n), id);
const positions = () =>
  page.evaluate(() => {
    const hook = (window as unknown as { __plexusGraph: Hook }).__plexusGraph;
    return Object.fromEntries(hook.nodeIds().map((id) => [id, hook.modelPosition(id)!]));
  });

/** Mean distance of the nodes from their centroid. */
function spread(ps: Record<string, { x: number; y: number }>): number {
  const all = Object.values(ps);
  const cx = all.reduce((t, p) => t + p.x, 0) / all.length;
  const cy = all.reduce((t, p) => t + p.y, 0) / all.length;
  return all.reduce((t, p) => t + Math.hypot(p.x - cx, p.y - cy), 0) / all.length;
}

beforeAll(async () => {
  app = await openServedApp({
    keepState: true,
    open: false,
  });
  page = app.page;
});

afterAll(() => app?.close());

test('the node size slider resizes the nodes and is remembered', async () => {
  await openGraph();
  const panel = page.getByRole('complementary', { name: 'Graph settings' });
  const before = (await width(GD))!;
  expect(before).toBeGreaterThan(0);
  // The settings are saved (debounced) by POST /api/saveGraphSettings with the new value.
  const saved = page.waitForRequest((r) => r.url().includes('/api/saveGraphSettings') && (r.postData() ?? '').includes('"nodeSize":3'), { timeout: 15_000 });
  await panel.getByRole('slider', { name: 'Node size' }).fill('3');
  const after = 3 * before;
  expect(
    await pollUntil(
      () => width(GD),
      (w) => w !== null && Math.abs(w - after) < 0.01,
      10_000,
    ),
  ).toBeCloseTo(after);
  await page.screenshot({ path: artifactPath('graph-node-size-3.png') });

  // A new page opens with the same size, once the save has been answered.
  await (await saved).response();
  // Closed before the page goes, so the new page does not restore it open with the workspace.
  await page.getByRole('region', { name: 'Graph' }).getByRole('button', { name: 'Close graph', exact: true }).click();
  await page.getByRole('region', { name: 'Graph' }).waitFor({ state: 'detached' });
  await page.close();
  await openGraph();
  const reopened = page.getByRole('complementary', { name: 'Graph settings' });
  expect(
    await pollUntil(
      () => reopened.getByRole('slider', { name: 'Node size' }).inputValue(),
      (v) => v === '3',
      10_000,
    ),
  ).toBe('3');
  expect(
    await pollUntil(
      () => width(GD),
      (w) => w !== null && Math.abs(w - after) < 0.01,
      10_000,
    ),
  ).toBeCloseTo(after);
});

test('a force slider lays the graph out again, live', async () => {
  const panel = page.getByRole('complementary', { name: 'Graph settings' });
  const before = spread(await positions());
  // Twice the link distance: fcose's ideal edge length doubles, and the graph spreads out.
  await panel.getByRole('slider', { name: 'Link distance' }).fill('500');
  const after = await pollUntil(
    async () => spread(await positions()),
    (s) => s > before * 1.4,
    30_000,
  );
  expect(after).toBeGreaterThan(before * 1.4);
  await page.getByRole('region', { name: 'Graph' }).getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 30_000 });
});

test('switching the app to dark with the graph open redraws the graph in dark colours', async () => {
  const labelColour = () => page.evaluate((n) => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.nodeStyle(n, 'color'), GD);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  expect(await pollUntil(labelColour, (c) => c === 'rgb(31,35,40)', 10_000)).toBe('rgb(31,35,40)');
  // The theme follows the system by default: the system turning dark turns the graph dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await pollUntil(labelColour, (c) => c === 'rgb(220,221,225)', 10_000)).toBe('rgb(220,221,225)');
  await page.screenshot({ path: artifactPath('graph-dark-after-switch.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pollUntil(labelColour, (c) => c === 'rgb(31,35,40)', 10_000)).toBe('rgb(31,35,40)');
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
