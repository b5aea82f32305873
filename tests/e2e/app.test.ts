/**
 * The app end to end, as a person uses it: the real `plexus serve` on a temp copy of the
 * sample vault, driven in headless Chromium. Screenshots of each main screen are saved under
 * tests/artifacts/.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp();
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const backlinks = () => page.getByRole('complementary', { name: 'Backlinks' });

async function expectNoteTitle(title: string): Promise<void> {
  await note().getByRole('heading', { level: 1, name: title, exact: true }).first().waitFor({ timeout: 15_000 });
}

test('opens with the welcome note and a file explorer of the vault', async () => {
  await expectNoteTitle('Welcome');
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  await explorer.getByText('How LLMs Work', { exact: true }).waitFor();
  await page.screenshot({ path: artifactPath('01-welcome.png') });
});

test('open a note from the explorer, follow a wiki link, see the backlink with its snippet, go back', async () => {
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  await explorer.getByRole('link', { name: 'Transformer', exact: true }).click();
  await expectNoteTitle('Transformer');
  expect(page.url()).toContain('#/note/How%20LLMs%20Work%2FTransformer.md');

  await note().getByRole('link', { name: 'Encoder Decoder', exact: true }).first().click();
  await expectNoteTitle('Encoder Decoder');
  const fromTransformer = backlinks().getByText('Transformer', { exact: true }).first();
  await fromTransformer.waitFor();
  // The snippet is the text around the link in Transformer.md.
  const transformerText = readFileSync(join(app.served.vaultDir, 'How LLMs Work', 'Transformer.md'), 'utf8');
  const snippetLine = transformerText.split('\n').find((line) => line.includes('[[Encoder Decoder'))!;
  const before = snippetLine.slice(0, snippetLine.indexOf('[[Encoder Decoder')).trim().split(/\s+/).slice(-3).join(' ');
  await backlinks().getByText(before, { exact: false }).first().waitFor();
  await page.screenshot({ path: artifactPath('02-note-with-backlinks.png') });

  await page.getByRole('button', { name: 'Back' }).click();
  await expectNoteTitle('Transformer');
  await page.keyboard.press('Alt+ArrowRight');
  await expectNoteTitle('Encoder Decoder');
});

test('quick switcher finds a note by alias', async () => {
  await page.keyboard.press('Control+o');
  const input = page.getByRole('combobox', { name: 'Find a note' });
  await input.fill('backprop');
  await page.screenshot({ path: artifactPath('03-quick-switcher.png') });
  await input.press('Enter');
  await expectNoteTitle('Backpropagation');
});

test('full-text search shows highlighted snippets and opens a result', async () => {
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search the vault' }).fill('saddle');
  await search.locator('mark').first().waitFor();
  await page.screenshot({ path: artifactPath('04-search.png') });
  await search.getByRole('link').first().click();
  await note().locator('h1').first().waitFor();
  expect(await note().textContent()).toMatch(/saddle/i);
  // The note opens at the match, which is highlighted for a moment.
  await note().locator('.search-reveal').waitFor({ timeout: 15_000 });
  expect(await note().locator('.search-reveal').textContent()).toMatch(/saddle/i);
});

test('graph opens with counts, and clicking a node opens its note', async () => {
  await page.keyboard.press('Control+g');
  const graph = page.getByRole('region', { name: 'Graph' });
  const canvas = graph.locator('[aria-label^="Graph: "]');
  await canvas.waitFor({ timeout: 30_000 });
  const label = await pollUntil(
    () => canvas.getAttribute('aria-label'),
    (l) => /^Graph: [1-9]\d* notes, [1-9]\d* links$/.test(l ?? ''),
    30_000,
  );
  expect(label).toMatch(/^Graph: 2\d notes, \d+ links$/);
  await page.waitForTimeout(2500); // let the layout settle before the screenshot and the click
  await page.screenshot({ path: artifactPath('05-graph.png') });
  const position = await page.evaluate(() => {
    const hook = (window as unknown as { __plexusGraph?: { nodePosition(id: string): { x: number; y: number } | null } }).__plexusGraph;
    return hook ? hook.nodePosition('How LLMs Work/Loss.md') : null;
  });
  expect(position).not.toBeNull();
  await page.mouse.click(position!.x, position!.y);
  await expectNoteTitle('Loss');
  expect(await page.getByRole('region', { name: 'Graph' }).count()).toBe(0);
});

test('a change on disk shows in the note and the graph', async () => {
  const file = join(app.served.vaultDir, 'How LLMs Work', 'Loss.md');
  appendFileSync(file, '\n\nA freshly added line about [[Regularization Ideas]].\n');
  await note().getByText('A freshly added line about', { exact: false }).waitFor({ timeout: 10_000 });
  await note().getByRole('link', { name: 'Regularization Ideas' }).waitFor();

  await page.keyboard.press('Control+g');
  const canvas = page.getByRole('region', { name: 'Graph' }).locator('[aria-label^="Graph: "]');
  await canvas.waitFor({ timeout: 30_000 });
  // The canvas element appears before the graph has loaded: wait for the nodes, not the element.
  const before = await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: { nodeIds(): string[] } }).__plexusGraph?.nodeIds() ?? []),
    (list) => list.some((id) => id.toLowerCase().includes('regularization ideas')),
    30_000,
  );
  expect(before.some((id) => id.toLowerCase().includes('regularization ideas'))).toBe(true);
  writeFileSync(join(app.served.vaultDir, 'Regularization Ideas.md'), '# Regularization Ideas\n\nSee [[Loss]].\n');
  const ids = await pollUntil(
    () => page.evaluate(() => (window as unknown as { __plexusGraph?: { nodeIds(): string[] } }).__plexusGraph?.nodeIds() ?? []),
    (list) => list.includes('Regularization Ideas.md'),
  );
  expect(ids).toContain('Regularization Ideas.md');
  await page.keyboard.press('Control+g');
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
