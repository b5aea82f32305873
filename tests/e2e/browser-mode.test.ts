/**
 * What only a real browser shows about `plexus serve`: the printed link signs in once (the
 * session lives on in a cookie; the link itself is spent), and external links in notes open in
 * a new tab, since the server cannot hand them to the OS.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

const EXTERNAL = 'https://example.com/some/page?q=1';

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      writeFileSync(join(vaultDir, 'External Links.md'), `# External Links\n\n[Example site](${EXTERNAL}) and [Mail me](mailto:someone@example.com)\n`);
    },
    beforeOpen: async (_page, context, served) => {
      // No network here: every other origin answers with a stub page, so a popup's URL is real.
      await context.route(
        (url) => url.origin !== served.origin,
        (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
      );
    },
    open: false,
  });
  page = app.page;
});

afterAll(() => app?.close());

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
  await page.goto(app.served.url);
  await explorer().getByText('How LLMs Work', { exact: true }).waitFor({ timeout: 60_000 });
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate(() => window.location.search)).toBe('');
  const history = await tabHistory(page);
  expect(history.some((url) => url.startsWith(app.served.origin))).toBe(true);
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
    const response = await stranger.goto(app.served.url);
    expect(response?.status()).toBe(401);
    const text = await stranger.textContent('body');
    expect(text).toContain('already used');
    expect(text).toContain('plexus serve');
    expect(text).toContain('start it again');
    // Nor did it get a session: the app's own address is refused too.
    expect((await stranger.goto(app.served.origin + '/'))?.status()).toBe(401);
  } finally {
    await other.close();
  }
});

test('opening the spent link again in the signed-in browser just returns to the app', async () => {
  const again = await app.browser.context.newPage();
  try {
    await again.goto(app.served.url);
    await again.getByRole('navigation', { name: 'File explorer' }).getByText('How LLMs Work', { exact: true }).waitFor({ timeout: 30_000 });
    expect(new URL(again.url()).origin).toBe(app.served.origin);
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
  const [popup] = await Promise.all([app.browser.context.waitForEvent('page'), link.click()]);
  try {
    await popup.waitForURL(EXTERNAL, { timeout: 15_000 });
    expect(await popup.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
  } finally {
    await popup.close();
  }
  expect(page.url()).toBe(appUrl);
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
