/**
 * The graph's aria-label always names the graph on screen: after switching from a note's local
 * graph to the global one it counts the global graph's notes and links, not the local ones,
 * from the moment the global graph's nodes are in (a big build then takes seconds for its
 * links). On `plexus serve` in headless Chromium, with a generated vault big enough that the
 * graph opens as the local one (over LOCAL_DEFAULT_NOTES notes).
 */
import type { Page } from 'playwright-core';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

interface Hook {
  nodeIds(): string[];
  edgeCount(): number;
}

let app: ServedApp;
let page: Page;

/** Notes N0..N(NOTES-1) in two folders; N(i) links to its parent N(floor((i-1)/2)) and to N(i-1). */
const NOTES = 3200;
/** N1 has one link (its parent is N0); every later note two distinct ones. */
const LINKS = 1 + 2 * (NOTES - 2);
const pathOf = (i: number) => `${i % 2 === 0 ? 'A' : 'B'}/N${i}.md`;
const NOTE = pathOf(10);

function generateVault(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < NOTES; i++) {
    const links = i === 0 ? [] : i === 1 ? [0] : [Math.floor((i - 1) / 2), i - 1];
    files[pathOf(i)] = `# N${i}\n\n${links.map((j) => `[[N${j}]]`).join(' ')}\n`;
  }
  return files;
}

beforeAll(async () => {
  app = await openServedApp({ vault: generateVault(), keepState: true });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** What the view holds now, counted from cytoscape: notes are the .md nodes (no filter is on). */
const shown = (): Promise<{ notes: number; links: number }> =>
  page.evaluate(() => {
    const hook = (window as unknown as { __plexusGraph?: Hook }).__plexusGraph;
    if (!hook) return { notes: -1, links: -1 };
    return { notes: hook.nodeIds().filter((id) => id.endsWith('.md')).length, links: hook.edgeCount() };
  });

const label = (count: { notes: number; links: number }) => `Graph: ${count.notes} notes, ${count.links} links`;

test('switching Local -> Global: the aria-label counts the global graph as soon as its nodes are in', async () => {
  await page.goto(`${app.served.url}#/note/${encodeURIComponent(NOTE)}`);
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { level: 1, name: 'N10' }).waitFor();
  await page.keyboard.press('Control+g');
  const graph = page.getByRole('region', { name: 'Graph' });
  const canvas = graph.getByTestId('graph-canvas');
  // Big vault: it opens on the local graph, and says so.
  await graph.getByText(/showing the local graph/).waitFor({ timeout: 60_000 });
  const scope = graph.getByRole('group', { name: 'Graph scope' });
  expect(await scope.getByRole('button', { name: 'Local' }).getAttribute('aria-pressed')).toBe('true');
  // N10: parent N4, children N21 and N22, neighbours in the chain N9 and N11.
  const local = await pollUntil(shown, (c) => c.notes === 6, 30_000);
  // Its links: the five at N10, and N9 -> N4, N22 -> N21 between its neighbours.
  expect(local).toEqual({ notes: 6, links: 7 });
  expect(
    await pollUntil(
      () => canvas.getAttribute('aria-label'),
      (l) => l === label(local),
      10_000,
    ),
  ).toBe(label(local));

  await scope.getByRole('button', { name: 'Global' }).click();
  // Read in the page, in the first frame that has every node of the global graph.
  const atAllNodes = await page.waitForFunction(
    (n) => {
      const hook = (window as unknown as { __plexusGraph?: Hook }).__plexusGraph;
      if (!hook || hook.nodeIds().length < n) return false;
      return document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-label') ?? '';
    },
    NOTES,
    { polling: 'raf', timeout: 60_000 },
  );
  expect(await atAllNodes.jsonValue()).toBe(label({ notes: NOTES, links: LINKS }));
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 60_000 });
  // The links of a graph the overview draws follow the settled load into cytoscape (edge-fill.ts).
  expect(await pollUntil(shown, (c) => c.links === LINKS, 60_000)).toEqual({ notes: NOTES, links: LINKS });
  expect(await canvas.getAttribute('aria-label')).toBe(label({ notes: NOTES, links: LINKS }));
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
