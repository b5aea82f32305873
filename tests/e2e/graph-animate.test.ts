/**
 * The graph settings' "Animate" end to end, on `plexus serve` in headless Chromium: a vault
 * whose notes were created one after another; pressing Animate hides the graph and grows it
 * back in creation order, and it ends with every node shown. The order is read through the
 * test hook (what the run revealed, in turn) and compared with the order the files were made.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

interface Hook {
  nodeIds(): string[];
  nodePosition(id: string): { x: number; y: number } | null;
  revealed(): string[];
}

const NOTES = 24;
/** In the order they are created: names not sorted the same way, so an order by name would fail. */
const created = Array.from({ length: NOTES }, (_, i) => `Topics/${String.fromCharCode(122 - i)} note ${(i * 7) % NOTES}.md`);

let app: ServedApp;
let page: Page;

function writeVault(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  mkdirSync(join(dir, 'Topics'));
  const pause = new Int32Array(new SharedArrayBuffer(4));
  created.forEach((path, i) => {
    const links = i > 0 ? `[[${created[i - 1].slice('Topics/'.length, -3)}]]` : '';
    writeFileSync(join(dir, path), `# Note ${i}\n\n${links}\n`);
    // Apart by more than the kernel's timestamp tick (up to 10 ms: file times come from a coarse
    // clock), so each file's creation time is its own; 5 ms once gave two files the same one.
    Atomics.wait(pause, 0, 0, 25);
  });
}

beforeAll(async () => {
  app = await openServedApp({ prepare: writeVault, open: false });
  page = app.page;
});

afterAll(() => app?.close());

test('Animate grows the graph back in creation order and ends with every node shown', async () => {
  await page.goto(app.served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Global', exact: true }).click();
  const ids = () => page.evaluate(() => (window as unknown as { __plexusGraph?: Hook }).__plexusGraph?.nodeIds() ?? []);
  expect((await pollUntil(ids, (n) => n.length >= NOTES, 60_000)).length).toBe(NOTES);
  await graph.getByTestId('graph-building').waitFor({ state: 'detached', timeout: 60_000 });
  await graph.getByTestId('graph-layout-status').waitFor({ state: 'detached', timeout: 60_000 });
  await graph.getByRole('toolbar', { name: 'Graph controls' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Graph settings' });

  await panel.getByRole('button', { name: 'Animate', exact: true }).click();
  // While it runs the button stops it; at the end it is Animate again.
  await panel.getByRole('button', { name: 'Stop', exact: true }).waitFor({ timeout: 10_000 });
  const shownNow = () =>
    page.evaluate(() => {
      const h = (window as unknown as { __plexusGraph: Hook }).__plexusGraph;
      return h.nodeIds().filter((id) => h.nodePosition(id) !== null).length;
    });
  // The run hides the graph first and grows it back over seconds: part of it is shown meanwhile.
  expect(await pollUntil(shownNow, (n) => n < NOTES, 5_000, 50)).toBeLessThan(NOTES);
  await panel.getByRole('button', { name: 'Animate', exact: true }).waitFor({ timeout: 30_000 });

  const revealed = await page.evaluate(() => (window as unknown as { __plexusGraph: Hook }).__plexusGraph.revealed());
  expect(revealed).toEqual(created);
  expect(await shownNow()).toBe(NOTES);
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
