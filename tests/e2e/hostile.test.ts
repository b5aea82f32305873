/**
 * The hostile corpus in a real browser against the real `plexus serve`: open every note, hover
 * its links, read its backlinks, search, open the graph, click every link — and nothing may run
 * (`window.__pwned` stays undefined, no dialog), the app page never leaves its origin, and the
 * only new tabs are the http(s)/mailto links a click opens (browser mode's way of opening them).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ServedVault } from './support/serve';
import { openServedApp, type ServedApp } from './support/served-app';
import { makeHostileVault } from '../hardening/hostile-vault';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;
const dialogs: string[] = [];
const navigations: string[] = [];
/** Each new tab a link opened: the URL it loaded, or null when it closed itself first. */
const popupUrls: Promise<string | null>[] = [];
let cspHeader: string | undefined;

beforeAll(async () => {
  app = await openServedApp({ vault: () => makeHostileVault(), beforeOpen: watchPage, open: false });
  page = app.page;
  const response = await page.goto(app.served.url);
  cspHeader = response?.headers()['content-security-policy'];
  await page.waitForSelector('.app, #root *', { timeout: 60_000 });
});

afterAll(() => app?.close());

/** Before the first navigation: stub other origins, and record every new tab, dialog and navigation. */
async function watchPage(page: Page, context: BrowserContext, served: ServedVault): Promise<void> {
  // No network here: other origins get a stub page, so each new tab loads at its real URL.
  await context.route(
    (url) => url.origin !== served.origin,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '' }),
  );
  context.on('page', (p) => {
    // A mailto: tab hands the address to the OS and closes itself before it loads anything.
    const settled = new Promise<string | null>((resolve) => {
      p.once('close', () => resolve(null));
      p.waitForLoadState('domcontentloaded').then(
        () => resolve(p.url()),
        () => resolve(null),
      );
    });
    popupUrls.push(
      settled.then(async (url) => {
        if (!p.isClosed()) await p.close();
        return url;
      }),
    );
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
}

async function api<T>(method: string, args: unknown[] = []): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', body: JSON.stringify(a) });
      return res.json();
    },
    [method, args] as const,
  ) as Promise<T>;
}

async function pwned(): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

async function openNote(path: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = `#/note/${encodeURIComponent(p)}`;
  }, path);
  await page.waitForSelector('.markdown-body, .note .error-text, [role="alert"]', { timeout: 30_000 });
}

test('the served page carries the strict CSP', () => {
  expect(cspHeader).toMatch(/script-src 'self'/);
  expect(cspHeader).toMatch(/object-src 'none'/);
  expect(cspHeader).toMatch(/frame-src blob:;/);
  expect(cspHeader).not.toMatch(/unsafe-eval/);
});

test('every note, its hover previews and its backlinks: nothing runs', async () => {
  const files = await api<{ path: string; kind: string }[]>('listFiles');
  const notes = files.filter((f) => f.kind === 'note').map((f) => f.path);
  expect(notes.length).toBeGreaterThan(20);
  for (const path of notes) {
    await openNote(path);
    // Hover the first resolved internal link long enough for its preview to open.
    const link = await page.$('.markdown-body a.internal-link:not(.is-unresolved)');
    if (link) {
      await link.hover().catch(() => undefined);
      await page.waitForSelector('.hover-preview', { timeout: 1_500 }).catch(() => undefined);
      await page.mouse.move(0, 0);
    }
    expect({ path, pwned: await pwned(), dialogs }).toEqual({ path, pwned: undefined, dialogs: [] });
  }
  await openNote('Hub.md');
  await page.waitForSelector('[aria-label="Backlinks"] li, [aria-label="Backlinks"] .backlink', { timeout: 10_000 }).catch(() => undefined);
  expect(await page.textContent('body')).toContain('onerror');
  expect(await pwned()).toBeUndefined();
});

test('clicking every link in the link-heavy notes never leaves the app; new tabs only for http(s)/mailto', async () => {
  let mailtoLinks = 0;
  for (const path of ['javascript-links.md', 'data-vbscript-urls.md', 'file-and-protocol-links.md', 'css-overlay.md', 'mutation-xss.md', 'svg-inline.md']) {
    await openNote(path);
    // Count links only once the note body has rendered (a fast machine may get here first).
    await page.waitForSelector('.markdown-body', { timeout: 10_000 });
    await page.waitForTimeout(300);
    const count = await page.locator('.markdown-body a:not(.internal-link)').count();
    mailtoLinks += await page.locator('.markdown-body a[href^="mailto:"]').count();
    for (let i = 0; i < count; i++) {
      await page
        .locator('.markdown-body a:not(.internal-link)')
        .nth(i)
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    await page.waitForTimeout(200);
  }
  const opened = await Promise.all(popupUrls);
  const loaded = opened.filter((u): u is string => u !== null);
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((u) => !/^https?:/i.test(u))).toEqual([]);
  expect(opened.length - loaded.length).toBeLessThanOrEqual(mailtoLinks);
  expect(await pwned()).toBeUndefined();
});

test('search results and the graph show hostile text inertly', async () => {
  await openNote('Hub.md');
  await page.keyboard.press('Control+Shift+F');
  const input = page.getByLabel('Search the vault');
  await input.fill('hostilecorpus');
  await page.waitForSelector('.search-hit', { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await page.waitForSelector('[aria-label="Graph"] canvas', { timeout: 20_000 });
  await page.waitForTimeout(1_500);
  expect(await pwned()).toBeUndefined();
});

test('afterwards: no sentinel, no dialog, no popup but those links, never navigated off the app origin', async () => {
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect((await Promise.all(popupUrls)).filter((u) => u !== null && !/^https?:/i.test(u))).toEqual([]);
  expect(navigations.filter((u) => !u.startsWith(app.served.origin))).toEqual([]);
  expect(new URL(page.url()).origin).toBe(app.served.origin);
});

test('self-check: the harness does notice a sentinel and a dialog', async () => {
  await page.evaluate(() => {
    (window as unknown as { __pwned?: unknown }).__pwned = 1;
    alert('self-check');
  });
  expect(await pwned()).toBe(1);
  expect(dialogs).toEqual(['alert: self-check']);
});
