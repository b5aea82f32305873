/**
 * While the overview renderer draws a big vault's graph (renderer/src/graph/overview/), the
 * pointer over it is the overview's alone: a move does not reach cytoscape, which hit-tested
 * every element for each one (the first move on a dense 10k vault blocked for about half a
 * second); one wheel notch zooms by one of cytoscape's steps, not by cytoscape's and the
 * overview's together; a press on the graph still closes the file actions menu. On `plexus
 * serve` in headless Chromium with the sample vault plus 3,200 generated notes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(240_000);

interface Hook {
  nodePosition(id: string): { x: number; y: number } | null;
  nodeIds(): string[];
  level(): string | null;
  zoom(): number;
  cytoscapeMoves(): number;
}

const NOTES = 3200;
const HUB = 'Generated/Hub.md';
/** The graph's wheel sensitivity (graph-core.ts) and cytoscape's largest step per wheel event: 5 / 250 of a decade. */
const LARGEST_STEP = (0.3 * 5) / 250;

/** G(i) links to its parent G(floor((i-1)/2)); every third note also to Hub, the one big node. */
function prepare(vaultDir: string): void {
  const dir = join(vaultDir, 'Generated');
  mkdirSync(dir);
  writeFileSync(join(dir, 'Hub.md'), '# Hub\n\nEvery third generated note links here.\n');
  for (let i = 0; i < NOTES; i++) {
    const links = [i > 0 ? `[[G${Math.floor((i - 1) / 2)}]]` : '', i % 3 === 0 ? '[[Hub]]' : ''].filter(Boolean);
    writeFileSync(join(dir, `G${i}.md`), `# G${i}\n\n${links.join(' ')}\n`);
  }
}

let app: ServedApp;
let page: Page;

type HookWindow = Window & { __plexusGraph?: Hook };
const level = (): Promise<string | null> => page.evaluate(() => (window as HookWindow).__plexusGraph?.level() ?? null);
const nodeCount = (): Promise<number> => page.evaluate(() => (window as HookWindow).__plexusGraph?.nodeIds().length ?? 0);
const zoom = (): Promise<number> => page.evaluate(() => (window as HookWindow).__plexusGraph?.zoom() ?? 0);
const cytoscapeMoves = (): Promise<number> => page.evaluate(() => (window as HookWindow).__plexusGraph?.cytoscapeMoves() ?? -1);
const nodePosition = (id: string): Promise<{ x: number; y: number } | null> =>
  page.evaluate((node) => (window as HookWindow).__plexusGraph?.nodePosition(node) ?? null, id);

beforeAll(async () => {
  app = await openServedApp({ prepare });
  page = app.page;
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${app.served.url}#/note/${encodeURIComponent('Generated/G10.md')}`);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'G10' }).waitFor();
  await page.keyboard.press('Control+g');
  const graph = page.getByRole('region', { name: 'Graph' });
  // A vault this big opens on the local graph and says so: only then to Global.
  await graph.getByText(/showing the local graph/).waitFor({ timeout: 60_000 });
  await graph.getByRole('group', { name: 'Graph scope' }).getByRole('button', { name: 'Global' }).click();
  await pollUntil(nodeCount, (n) => n > NOTES, 120_000);
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 120_000 });
  await graph.getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 120_000 });
  expect(await pollUntil(level, (l) => l === 'overview', 30_000)).toBe('overview');
});

afterAll(() => app?.close());

test('a pointer moving over the overview hovers its nodes without reaching cytoscape', async () => {
  const before = await cytoscapeMoves();
  const at = await nodePosition(HUB);
  expect(at).not.toBeNull();
  await page.mouse.move(at!.x - 40, at!.y - 40);
  await page.mouse.move(at!.x, at!.y, { steps: 4 });
  // The overview's hover names the node: the moves have been handled by then.
  await page.locator('.graph-hover-label', { hasText: 'Hub' }).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await level()).toBe('overview');
  expect(await cytoscapeMoves()).toBe(before);
});

test('one wheel notch over the overview zooms by one step', async () => {
  const box = (await page.getByTestId('graph-overview').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await zoom();
  await page.mouse.wheel(0, 100);
  // Every wheel listener runs in the one dispatch: once the zoom moved, it has moved all it will.
  const after = await pollUntil(zoom, (z) => z !== before, 30_000);
  const decades = Math.log10(before / after);
  expect(decades).toBeGreaterThan(0);
  expect(decades).toBeLessThanOrEqual(LARGEST_STEP * 1.001);
});

test('a press on the overview closes the file actions menu', async () => {
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  await explorer
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click();
  const menuItem = explorer.getByRole('menuitem', { name: 'Rename or move…' });
  await menuItem.waitFor();
  const box = (await page.getByTestId('graph-overview').boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + 12);
  await menuItem.waitFor({ state: 'detached', timeout: 30_000 });
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
