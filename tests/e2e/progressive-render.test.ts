/**
 * A long note (256 KB: drawn in some 60 parts; the 1 MB figures are the render bench's) in a real browser against the real `plexus serve`: the reading view draws its
 * first screen while the rest is still coming (progressive-markdown.tsx), an address naming the
 * last heading draws up to it and scrolls there, and a checkbox late in the note writes its own
 * line on disk; opened from another note at a late heading, it draws that heading's part first,
 * before any earlier one. Waits are on state, never on time; the times are printed, not asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';
import { generateRichNote } from '../../bench/generate-rich-note';
import { headingId } from '../../renderer/src/markdown/slug';

// A long page lays out slowly on a loaded two-core machine; every wait below is on state.
jest.setTimeout(900_000);

const SIZE = 256 * 1024;
const NOTE = generateRichNote(SIZE);
const LINES = NOTE.split('\n');
const HEADINGS = LINES.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
/** The last open task of the note, 0-based line. */
const LATE_TASK = LINES.map((l, i) => (l.startsWith('- [ ] ') ? i : -1))
  .filter((i) => i >= 0)
  .pop()!;

let app: ServedApp;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await openServedApp({
    vault: { 'Big.md': NOTE, 'Start.md': '# Start\n\n[[Big]]\n' },
    // However loaded the machine, the note is parsed in full (a slow parse would show it in safe mode, as plain text).
    serverArgs: ['--parse-budget-ms', '600000'],
    beforeOpen: (p) => {
      p.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
    },
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const note = () => page.getByRole('main', { name: 'Note' });
const byId = (id: string) => note().locator(`[id="${id}"]`);

test('a long note shows its first heading first, then its last heading and a late checkbox on demand', async () => {
  expect(NOTE.length).toBeGreaterThan(SIZE - 1);
  const started = Date.now();
  const step = (what: string) => console.log(`${what}: ${Date.now() - started} ms`);
  await page.evaluate(() => {
    window.location.hash = '#/note/Big.md';
  });
  await byId(headingId(HEADINGS[0])).waitFor({ timeout: 300_000 });
  console.log(`first heading of a ${Math.round(NOTE.length / 1024)} KB note drawn after ${Date.now() - started} ms (wall, from the address change)`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await note().screenshot({ path: artifactPath(`progressive-first-screen-${scheme}.png`), timeout: 300_000 });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The address names the last heading: the view draws up to it and the pane scrolls to it.
  const last = HEADINGS[HEADINGS.length - 1];
  await page.evaluate((h) => {
    window.location.hash = `#/note/Big.md#${encodeURIComponent(h)}`;
  }, last);
  step('address of the last heading set');
  const lastHeading = byId(headingId(last));
  const state = () =>
    page.evaluate(() => ({
      h2: document.querySelectorAll('main .markdown-body h2').length,
      busy: document.querySelector('main .markdown-body')?.getAttribute('aria-busy'),
      hash: location.hash,
    }));
  console.log(`after the address change: ${JSON.stringify(await state())}, errors: ${JSON.stringify(app.pageErrors)}`);
  await lastHeading.waitFor({ timeout: 300_000 }).catch(async (error: unknown) => {
    throw new Error(`${String(error)}\nstate: ${JSON.stringify(await state())}, errors: ${JSON.stringify(app.pageErrors)}`);
  });
  await page.waitForFunction(
    (id) => {
      const el = document.getElementById(id);
      const pane = document.querySelector('main.note-pane');
      if (!el || !pane) return false;
      const [box, view] = [el.getBoundingClientRect(), pane.getBoundingClientRect()];
      return box.top >= view.top - 1 && box.top < view.bottom;
    },
    headingId(last),
    { timeout: 300_000 },
  );

  step('last heading in view');
  // The late task: its checkbox (once drawn) writes its own line of the file.
  const box = note().locator(`input.task-checkbox[data-task-line="${LATE_TASK + 1}"]`);
  await box.waitFor({ timeout: 300_000 });
  // A long page lays out slowly on a loaded machine: click's own checks (visible, stable) may take long.
  await box.click({ timeout: 300_000 });
  step('late checkbox clicked');
  const path = join(app.vaultDir, 'Big.md');
  const written = await pollUntil(
    async () => readFileSync(path, 'utf8'),
    (t) => t !== NOTE,
    300_000,
  );
  const expected = [...LINES];
  expected[LATE_TASK] = expected[LATE_TASK].replace('- [ ] ', '- [x] ');
  expect(written).toBe(expected.join('\n'));
  // The write reloads the note: it is drawn again up to the address's (last) heading, at once.
  await note()
    .locator(`input.task-checkbox[data-task-line="${LATE_TASK + 1}"]:checked`)
    .waitFor({ timeout: 300_000 });
  await note().locator('.markdown-body:not([aria-busy])').waitFor({ timeout: 300_000 });
  step('reloaded note drawn');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await note().screenshot({ path: artifactPath(`progressive-late-${scheme}.png`), timeout: 300_000 });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // The burst of link lookups a long note asks for never looked like a lost server.
  expect(await page.getByText('Connection to Plexus lost').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test('opened from another note at a late heading, the note draws that heading before any earlier part', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/note/Start.md';
  });
  await note().getByRole('heading', { name: 'Start' }).waitFor({ timeout: 300_000 });
  await page.setViewportSize({ width: 900, height: 700 });
  const target = HEADINGS[Math.floor(HEADINGS.length * 0.9)];
  // What the page holds the moment the heading first appears, recorded by the page itself (no polling race).
  await page.evaluate(
    ({ id, firstId, hash }) => {
      const w = window as unknown as { firstSight?: unknown; started?: number };
      w.started = performance.now();
      const observer = new MutationObserver(() => {
        const el = document.getElementById(id);
        if (!el) return;
        observer.disconnect();
        const body = el.closest('.markdown-body')!;
        w.firstSight = {
          ms: Math.round(performance.now() - w.started!),
          firstHeadingDrawn: document.getElementById(firstId) !== null,
          h2: body.querySelectorAll('h2').length,
          placeholders: body.querySelectorAll(':scope > .progressive-placeholder').length,
          placeholderBefore: el.parentElement === body && body.firstElementChild?.classList.contains('progressive-placeholder') === true,
        };
      });
      observer.observe(document.body, { childList: true, subtree: true });
      window.location.hash = hash;
    },
    { id: headingId(target), firstId: headingId(HEADINGS[0]), hash: `#/note/Big.md#${encodeURIComponent(target)}` },
  );
  const id = headingId(target);
  const topInView = (wanted: string) =>
    page.evaluate((wanted) => {
      const el = document.getElementById(wanted);
      const pane = document.querySelector('main.note-pane');
      if (!el || !pane) return null;
      const [box, view] = [el.getBoundingClientRect(), pane.getBoundingClientRect()];
      return { top: Math.round(box.top - view.top), height: Math.round(view.height) };
    }, wanted);
  await page.waitForFunction(
    (wanted) => {
      const el = document.getElementById(wanted);
      const pane = document.querySelector('main.note-pane');
      if (!el || !pane) return false;
      const [box, view] = [el.getBoundingClientRect(), pane.getBoundingClientRect()];
      return box.top >= view.top - 1 && box.top < view.bottom;
    },
    id,
    { timeout: 300_000 },
  );
  const shown = await topInView(id);
  const sight = await page.evaluate(() => (window as unknown as { firstSight?: Record<string, unknown> }).firstSight);
  console.log(`late heading at first sight: ${JSON.stringify(sight)} (of ${HEADINGS.length} headings)`);
  expect(sight).toMatchObject({ firstHeadingDrawn: false, placeholderBefore: true });
  expect(sight!.h2 as number).toBeLessThan(HEADINGS.length / 4);
  await page.screenshot({ path: artifactPath('progressive-jump-late-heading.png') });
  // The rest fills in around it, and the heading is still in view when all is drawn.
  await note().locator('.markdown-body:not([aria-busy])').waitFor({ timeout: 300_000 });
  const inView = (await topInView(id))!;
  // Printed, not asserted to the pixel: the reader may scroll, and the scroll anchor keeps the place, not a pixel.
  console.log(`late heading's top in the pane: ${shown?.top} px when first shown, ${inView.top} px once all is drawn (pane ${inView.height} px)`);
  expect(inView.top).toBeGreaterThanOrEqual(-1);
  expect(inView.top).toBeLessThan(inView.height);
  await page.screenshot({ path: artifactPath('progressive-jump-late-heading-filled.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
  expect(app.pageErrors).toEqual([]);
});

test('opened at a middle heading, the heading stays where it was shown while the parts above it fill in', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/note/Start.md';
  });
  await note().getByRole('heading', { name: 'Start' }).waitFor({ timeout: 300_000 });
  const target = HEADINGS[Math.floor(HEADINGS.length / 2)];
  const id = headingId(target);
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/note/Big.md#${encodeURIComponent(target)}`,
  );
  // Where the note view put it, read while parts above it are still placeholders.
  const shown = await page.waitForFunction(
    (wanted) => {
      const el = document.getElementById(wanted);
      const pane = document.querySelector('main.note-pane');
      const body = document.querySelector('main .markdown-body');
      if (!el || !pane || !body) return null;
      const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      if (top < -1 || top >= pane.clientHeight) return null;
      return { top, busy: body.getAttribute('aria-busy') === 'true', placeholders: body.querySelectorAll(':scope > .progressive-placeholder').length };
    },
    id,
    { timeout: 300_000 },
  );
  const first = (await shown.jsonValue())!;
  await note().locator('.markdown-body:not([aria-busy])').waitFor({ timeout: 300_000 });
  const done = await page.evaluate((wanted) => {
    const pane = document.querySelector('main.note-pane')!;
    return document.getElementById(wanted)!.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  }, id);
  console.log(
    `middle heading's top: ${first.top.toFixed(1)} px when shown (${first.placeholders} placeholders, busy ${first.busy}), ${done.toFixed(1)} px once all is drawn`,
  );
  // The parts above were still to draw when it was read: the anchor had work to do.
  expect(first).toMatchObject({ busy: true });
  expect(first.placeholders).toBeGreaterThan(0);
  expect(Math.abs(done - first.top)).toBeLessThanOrEqual(4);
  expect(app.pageErrors).toEqual([]);
});

test('its parts went through the markdown worker, and every part was drawn', async () => {
  await note().locator('.markdown-body:not([aria-busy])').waitFor({ timeout: 300_000 });
  const workers = page.workers().map((w) => w.url());
  expect(workers.some((url) => /\/pipeline-worker-[^/]*\.js$/.test(url))).toBe(true);
  // A worker that failed to load or crashed says so (the window then draws every part itself).
  expect(consoleErrors.filter((text) => text.includes('markdown worker'))).toEqual([]);
  const headings = await note().locator('.markdown-body > h2').count();
  expect(headings).toBe(HEADINGS.length);
  expect(app.pageErrors).toEqual([]);
});
