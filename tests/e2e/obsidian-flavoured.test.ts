/**
 * Obsidian-flavoured rendering in a real browser against the real `plexus serve`, on the
 * fidelity vault (tests/fixtures/obsidian-flavoured/): folding callouts with mouse and keyboard,
 * task checkboxes writing to disk, mermaid drawn under the CSP, KaTeX with its bundled fonts.
 * Screenshots in light and dark go to tests/artifacts/. Waits are on state, never on time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

const FIXTURE = join(__dirname, '..', 'fixtures', 'obsidian-flavoured');
let app: ServedApp;
let page: Page;
const cspViolations: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  app = await openServedApp({
    vault: FIXTURE,
    beforeOpen: (page) => {
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      page.on('request', (request) => requests.push(request.url()));
    },
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const note = () => page.getByRole('main', { name: 'Note' });

async function openNote(path: string, ready: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = `#/note/${encodeURIComponent(p)}`;
  }, path);
  await note().locator(ready).first().waitFor({ timeout: 30_000 });
}

async function screenshots(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await note().screenshot({ path: artifactPath(`flavour-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Like screenshots(), waiting in dark mode until the diagram has been drawn again. */
async function screenshotsRedrawn(name: string, lightSrc: string | null): Promise<void> {
  await note().screenshot({ path: artifactPath(`flavour-${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((before) => document.querySelector('main img.mermaid-diagram')?.getAttribute('src') !== before, lightSrc, { timeout: 30_000 });
  await note().screenshot({ path: artifactPath(`flavour-${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('callouts fold and unfold with the mouse and the keyboard', async () => {
  await openNote('Callouts.md', '.callout');
  const folded = note().locator('details.callout[data-callout="question"]');
  const content = folded.locator('.callout-content');
  expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  expect(await content.isVisible()).toBe(false);
  await folded.locator('summary').click();
  await content.waitFor({ state: 'visible' });
  // Keyboard: the summary is focusable and Enter toggles it.
  await folded.locator('summary').focus();
  await page.keyboard.press('Enter');
  await content.waitFor({ state: 'hidden' });
  await page.keyboard.press(' ');
  await content.waitFor({ state: 'visible' });
  const open = note().locator('details.callout[data-callout="warning"]');
  expect(await open.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  // Every type has its colour: the title colours differ between note, warning and danger.
  const colours = await page.evaluate(() =>
    ['note', 'warning', 'danger', 'success'].map((t) => getComputedStyle(document.querySelector(`.callout[data-callout="${t}"] .callout-title`)!).color),
  );
  expect(new Set(colours).size).toBe(4);
  expect(await page.locator('svg').count()).toBe(0);
  await folded.locator('summary').click();
  await content.waitFor({ state: 'hidden' });
  await screenshots('callouts');
});

test('math renders with KaTeX and its bundled fonts, nothing fetched from elsewhere', async () => {
  await openNote('Math.md', '.katex');
  expect(await note().locator('.katex-display').count()).toBe(2);
  expect(await note().locator('.katex-error').count()).toBeGreaterThan(0);
  expect(await note().textContent()).toContain('it costs $5 and $10 to enter');
  // The KaTeX fonts loaded (document.fonts has them) from this server.
  await page.waitForFunction(() => Array.from(document.fonts).some((f) => f.family.includes('KaTeX') && f.status === 'loaded'), undefined, { timeout: 30_000 });
  const origin = app.served.origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(requests.some((u) => /KaTeX_.*\.woff2$/.test(u))).toBe(true);
  await screenshots('math');
});

test('task checkboxes write [x] and [ ] to the right line on disk', async () => {
  await openNote('Formatting.md', 'input.task-checkbox');
  const path = join(app.vaultDir, 'Formatting.md');
  const original = readFileSync(path, 'utf8');
  const boxes = note().locator('input.task-checkbox');
  expect(await boxes.count()).toBe(3);
  await boxes.nth(2).click();
  const ticked = await pollUntil(
    async () => readFileSync(path, 'utf8'),
    (t) => t !== original,
    15_000,
  );
  expect(ticked).toBe(original.replace('- [ ] another open task', '- [x] another open task'));
  await page.waitForFunction(() => (document.querySelectorAll('main input.task-checkbox')[2] as HTMLInputElement | undefined)?.checked === true);
  // Once the note has reloaded, untick the done task.
  await boxes.nth(1).click();
  const unticked = await pollUntil(
    async () => readFileSync(path, 'utf8'),
    (t) => t !== ticked,
    15_000,
  );
  expect(unticked).toBe(ticked.replace('- [x] done task', '- [ ] done task'));
  expect(await note().locator('mark').textContent()).toBe('highlighted text');
  expect(await note().textContent()).not.toContain('hidden comment');
  await screenshots('formatting');
});

test('mermaid draws the valid diagram as an image under the CSP and reports the invalid one inline', async () => {
  await openNote('Mermaid.md', '.mermaid-block');
  await note().locator('img.mermaid-diagram').waitFor({ timeout: 60_000 });
  await note().locator('.mermaid-error').waitFor({ timeout: 60_000 });
  expect(await note().locator('.mermaid-error').textContent()).toMatch(/^This mermaid diagram could not be drawn: /);
  const size = await note()
    .locator('img.mermaid-diagram')
    .evaluate((img) => ({ w: (img as HTMLImageElement).naturalWidth, h: (img as HTMLImageElement).naturalHeight }));
  expect(size.w).toBeGreaterThan(50);
  expect(size.h).toBeGreaterThan(50);
  // Drawn at its own size, not stretched to the page.
  const shown = await note()
    .locator('img.mermaid-diagram')
    .evaluate((img) => img.getBoundingClientRect().width);
  expect(shown).toBeLessThan(600);
  // mermaid's own measuring SVGs are gone again; the page holds none.
  await page.waitForFunction(() => document.querySelectorAll('svg').length === 0);
  // A theme change draws it again in the other theme's colours.
  const lightSrc = await note().locator('img.mermaid-diagram').getAttribute('src');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((before) => document.querySelector('main img.mermaid-diagram')?.getAttribute('src') !== before, lightSrc, { timeout: 30_000 });
  const darkSrc = await note().locator('img.mermaid-diagram').getAttribute('src');
  expect(darkSrc).toContain(encodeURIComponent('plexus-mermaid'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((before) => document.querySelector('main img.mermaid-diagram')?.getAttribute('src') !== before, darkSrc, { timeout: 30_000 });
  await screenshotsRedrawn('mermaid', await note().locator('img.mermaid-diagram').getAttribute('src'));
});

test('no page errors and no CSP violations', () => {
  expect(app.pageErrors).toEqual([]);
  expect(cspViolations).toEqual([]);
});
