/**
 * A big vault's global graph is drawn by the overview renderer (renderer/src/graph/overview/)
 * and still behaves as a graph: a click on a node opens its note. On `plexus serve` in
 * headless Chromium with the sample vault plus 3,200 generated notes (over 7k elements, past
 * the overview's threshold). Screenshots of the overview at 900x700 in both themes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(240_000);

interface Hook {
  nodePosition(id: string): { x: number; y: number } | null;
  nodeIds(): string[];
  level(): string | null;
}

const NOTES = 3200;
const HUB = 'Generated/Hub.md';

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

beforeAll(async () => {
  app = await openServedApp({ prepare });
  page = app.page;
  await page.setViewportSize({ width: 900, height: 700 });
});

afterAll(() => app?.close());

const level = (): Promise<string | null> => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.level() ?? null);
const nodeCount = (): Promise<number> => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds().length ?? 0);
const nodePosition = (id: string): Promise<{ x: number; y: number } | null> =>
  page.evaluate((node) => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodePosition(node) ?? null, id);

/** The overview canvas's pixel at (x, y) as #rrggbb. */
const overviewPixel = (x: number, y: number): Promise<string | null> =>
  page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph-overview"]');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.style.display === 'none') return null;
      const [r, g, b] = ctx.getImageData(px, py, 1, 1).data;
      return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    },
    [x, y] as const,
  );

test('the global graph of a big vault is drawn by the overview, in either theme, and a click on a node opens its note', async () => {
  // From a note, a vault this big opens on the local graph, and says so: only then to Global
  // (clicked earlier, the big-vault default could still switch it back).
  await page.goto(`${app.served.url}#/note/${encodeURIComponent('Generated/G10.md')}`);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'G10' }).waitFor();
  await page.keyboard.press('Control+g');
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByText(/showing the local graph/).waitFor({ timeout: 60_000 });
  await graph.getByRole('group', { name: 'Graph scope' }).getByRole('button', { name: 'Global' }).click();
  // Every node in, built, laid out (a first open runs the layout) and drawn.
  await pollUntil(nodeCount, (n) => n > NOTES, 120_000);
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 120_000 });
  await graph.getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 120_000 });
  expect(await pollUntil(level, (l) => l === 'overview', 30_000)).toBe('overview');
  await page.screenshot({ path: artifactPath('graph-overview-light.png') });
  // The corner is background; in the dark theme, the dark background once the overview has redrawn.
  expect(await overviewPixel(2, 2)).toBe('#ffffff');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(
    await pollUntil(
      () => overviewPixel(2, 2),
      (p) => p === '#1c1d21',
      30_000,
    ),
  ).toBe('#1c1d21');
  await page.screenshot({ path: artifactPath('graph-overview-dark.png') });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));

  const at = await nodePosition(HUB);
  expect(at).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'Hub' }).waitFor({ timeout: 30_000 });
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
