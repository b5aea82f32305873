/**
 * Tags and search in Chromium against the real `plexus serve`: a tag click lists exactly the
 * notes with that tag or one nested below it; opening a search hit scrolls the note to the
 * match and highlights it; snippets are readable and wrap inside their box.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { parseNote } from '../../main/core/parse/parse-note';
import { artifactPath } from './support/browser';
import { openServedApp, type ServedApp } from './support/served-app';
import { vp } from '../support/vault-path';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

const LONG_WORD = `${'x'.repeat(240)}wrapword${'y'.repeat(240)}`;

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      // A parent tag nothing else carries alone, so its list must come from the nested ones.
      writeFileSync(join(vaultDir, 'Tag Hub.md'), '# Tag Hub\n\nEverything filed under #llm lives below it.\n');
      writeFileSync(
        join(vaultDir, 'Long Words.md'),
        `# Long Words\n\nA very long token ${LONG_WORD} that must wrap.\n\nSee [[Tag Hub]] and ${'z'.repeat(90)} too.\n`,
      );
    },
    open: `#/note/${encodeURIComponent('Tag Hub.md')}`,
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const search = () => page.getByRole('region', { name: 'Search' });

/** Titles of the notes whose parse carries `tag` or a tag nested below it, from the files themselves. */
function titlesWithTag(tag: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) {
        const parsed = parseNote(vp(relative(app.served.vaultDir, full).split('\\').join('/')), readFileSync(full, 'utf8'));
        if (parsed.tags.some((t) => t.toLowerCase() === tag || t.toLowerCase().startsWith(`${tag}/`))) out.push(parsed.title);
      }
    }
  };
  walk(app.served.vaultDir);
  return out.sort();
}

/** The search box, opening the panel first when an earlier test did not leave it open. */
async function searchBox() {
  await page.keyboard.press('Control+Shift+F');
  const box = search().getByRole('searchbox', { name: 'Search the vault' });
  await box.waitFor();
  return box;
}

async function resultTitles(): Promise<string[]> {
  await search()
    .getByText(/^\d+ results?/)
    .waitFor({ timeout: 15_000 });
  return (await search().locator('.result-title').allTextContents()).sort();
}

test('clicking a tag in a note lists exactly the notes with that tag or a nested one', async () => {
  await note().getByRole('link', { name: 'Search for tag #llm' }).click();
  await search().getByRole('searchbox', { name: 'Search the vault' }).waitFor();
  expect(await search().getByRole('searchbox', { name: 'Search the vault' }).inputValue()).toBe('tag:#llm');
  const expected = titlesWithTag('llm');
  expect(expected.length).toBeGreaterThan(3);
  expect(expected).toContain('Tag Hub');
  expect(await resultTitles()).toEqual(expected);
  await page.screenshot({ path: artifactPath('search-01-tag.png') });
});

test('clicking a tag in the properties table lists the notes with it', async () => {
  await page.goto(`${app.served.url}#/note/${encodeURIComponent('How LLMs Work/Gradient Descent.md')}`);
  const props = note().getByRole('table', { name: 'Properties' });
  await props.getByRole('button', { name: 'Search for tag #concept' }).click();
  await page.waitForFunction(() => (document.querySelector('input[aria-label="Search the vault"]') as HTMLInputElement | null)?.value === 'tag:#concept');
  expect(await resultTitles()).toEqual(titlesWithTag('concept'));
});

test('opening a search hit scrolls the note to the match and highlights it', async () => {
  const box = await searchBox();
  await box.fill('"saddle regions"');
  // Wait for this query's results (the previous query's stay on screen while it runs).
  const hit = search()
    .locator('.search-hit', { has: page.locator('mark', { hasText: /^saddle regions$/i }) })
    .first();
  await hit.waitFor({ timeout: 15_000 });
  expect(await hit.locator('.snippet').textContent()).not.toMatch(/\[\[|\]\]|\*\*/);
  await hit.click();
  const revealed = note().locator('.search-reveal');
  await revealed.waitFor({ timeout: 15_000 });
  expect(await revealed.textContent()).toContain('saddle regions');
  // It is on screen (scrolled to), and the match itself carries the CSS highlight.
  const inView = await revealed.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);
  const highlighted = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const h = registry?.get('search-match');
    return h ? [...h].map((range) => range.toString()) : null;
  });
  expect(highlighted).toEqual(['saddle regions']);
  await page.screenshot({ path: artifactPath('search-02-reveal.png') });
});

test('search snippets wrap inside their box', async () => {
  const box = await searchBox();
  await box.fill('wrapword');
  const snippet = search()
    .locator('.search-hit .snippet', { has: page.locator('mark', { hasText: 'wrapword' }) })
    .first();
  await snippet.waitFor({ timeout: 15_000 });
  const fits = await snippet.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);
  const panelFits = await search().evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(panelFits).toBe(true);
});

test('backlink snippets wrap inside their box', async () => {
  await page.goto(`${app.served.url}#/note/${encodeURIComponent('Tag Hub.md')}`);
  const backlink = page.getByRole('complementary', { name: 'Backlinks' }).locator('.snippets .snippet', { hasText: 'zzzz' });
  await backlink.waitFor({ timeout: 15_000 });
  expect(await backlink.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});

test('backlink snippets are readable text', async () => {
  await page.goto(`${app.served.url}#/note/${encodeURIComponent('How LLMs Work/Encoder Decoder.md')}`);
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await backlinks.locator('.snippets .snippet mark').first().waitFor({ timeout: 15_000 });
  const texts = await backlinks.locator('.snippets .snippet').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).not.toMatch(/\[\[|\]\]|\*\*|%20/);
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
