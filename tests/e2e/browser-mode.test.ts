/**
 * What only a real browser shows about `plexus serve`: the printed link signs in once (the
 * session lives on in a cookie; the link itself is spent), and external links in notes open in
 * a new tab, since the server cannot hand them to the OS.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { copyVault, serveVault, type ServedVault } from './support/serve';

jest.setTimeout(180_000);

const EXTERNAL = 'https://example.com/some/page?q=1';
let vaultDir: string;
let served: ServedVault;
let browser: LaunchedBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  vaultDir = copyVault();
  writeFileSync(join(vaultDir, 'External Links.md'), `# External Links\n\n[Example site](${EXTERNAL}) and [Mail me](mailto:someone@example.com)\n`);
  served = await serveVault(vaultDir);
  browser = await launchBrowser();
  // No network here: every other origin answers with a stub page, so a popup's URL is real.
  await browser.context.route(
    (url) => url.origin !== served.origin,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
  );
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(vaultDir, { recursive: true, force: true });
});

const explorer = () => page.getByRole('navigation', { name: 'File explorer' });

/** Every URL in the tab's session history (what Back/Forward and a restored tab would reopen). */
async function tabHistory(p: Page): Promise<string[]> {
  const cdp = await p.context().newCDPSession(p);
  try {
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
    return entries.map((entry) => entry.url);
  } finally {
    await cdp.detach();
  }
}

test('the printed link signs in and leaves no token in the address or the tab history', async () => {
  await page.goto(served.url);
  await explorer().getByText('How LLMs Work', { exact: true }).waitFor({ timeout: 60_000 });
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate(() => window.location.search)).toBe('');
  const history = await tabHistory(page);
  expect(history.some((url) => url.startsWith(served.origin))).toBe(true);
  expect(history.filter((url) => url.includes('token'))).toEqual([]);
});

test('a reload stays signed in (the session cookie), and the API answers', async () => {
  await page.reload();
  await explorer().getByText('How LLMs Work', { exact: true }).waitFor({ timeout: 30_000 });
  const info = await page.evaluate(async () => (await fetch('/api/getVaultInfo', { method: 'POST', body: '[]' })).status);
  expect(info).toBe(200);
});

test('the spent link in another browser is refused with a page saying it was used and how to get a new one', async () => {
  const other = await launchBrowser();
  try {
    const stranger = await other.context.newPage();
    const response = await stranger.goto(served.url);
    expect(response?.status()).toBe(401);
    const text = await stranger.textContent('body');
    expect(text).toContain('already used');
    expect(text).toContain('plexus serve');
    expect(text).toContain('start it again');
    // Nor did it get a session: the app's own address is refused too.
    expect((await stranger.goto(served.origin + '/'))?.status()).toBe(401);
  } finally {
    await other.close();
  }
});

test('opening the spent link again in the signed-in browser just returns to the app', async () => {
  const again = await browser.context.newPage();
  try {
    await again.goto(served.url);
    await again.getByRole('navigation', { name: 'File explorer' }).getByText('How LLMs Work', { exact: true }).waitFor({ timeout: 30_000 });
    expect(new URL(again.url()).origin).toBe(served.origin);
    expect(again.url()).not.toContain('token');
  } finally {
    await again.close();
  }
});

test('an external link opens its URL in a new tab, without opener or referrer; the app stays put', async () => {
  await page.evaluate(() => {
    window.location.hash = `#/note/${encodeURIComponent('External Links.md')}`;
  });
  const link = page.getByRole('main', { name: 'Note' }).getByRole('link', { name: 'Example site' });
  await link.waitFor({ timeout: 30_000 });
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.getAttribute('target')).toBe('_blank');
  const mail = page.getByRole('main', { name: 'Note' }).getByRole('link', { name: 'Mail me' });
  expect([await mail.getAttribute('target'), await mail.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
  const appUrl = page.url();
  const [popup] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
  try {
    await popup.waitForURL(EXTERNAL, { timeout: 15_000 });
    expect(await popup.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
  } finally {
    await popup.close();
  }
  expect(page.url()).toBe(appUrl);
});

test('no uncaught errors in the page', () => {
  expect(pageErrors).toEqual([]);
});
