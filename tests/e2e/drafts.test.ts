/**
 * Unsaved text survives a reload in browser mode: `plexus serve` on a temp vault in headless
 * Chromium. Saves are made to fail (the request is dropped), text is typed, the page reloads
 * (as after a crash: the editor never gets to save or rescue it), and the next open of the note
 * offers the text back from IndexedDB; when the disk changed meanwhile, the conflict bar asks.
 * Every step waits on state (the draft in IndexedDB, the disk, the page), never on a fixed time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;

const ORIGINAL = '# Draft Test\n\nThe saved line.';
const TYPED = '\nTyped, never saved.';

beforeAll(async () => {
  app = await openServedApp({
    beforeOpen: async (page) => {
      // The unsaved-changes prompt on reload: accepted, as a user who reloads anyway.
      page.on('dialog', (dialog) => void dialog.accept());
    },
    open: false,
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const editorContent = () => note().locator('.cm-content');
const editorText = async () => (await editorContent().locator('.cm-line').allTextContents()).join('\n');
const readDisk = (name: string) => (existsSync(join(app.served.vaultDir, name)) ? readFileSync(join(app.served.vaultDir, name), 'utf8') : null);

async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const value = await pollUntil(read, accept, 15_000);
  if (!accept(value)) throw new Error(`${what} never happened; last seen:\n${String(value)}`);
  return value;
}

/** The drafts IndexedDB holds for this page's origin. */
function drafts(): Promise<{ path: string; text: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ path: string; text: string }[]>((resolve) => {
        const req = indexedDB.open('plexus-drafts', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('drafts');
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const all = req.result.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          all.onsuccess = () => {
            resolve(all.result as { path: string; text: string }[]);
            req.result.close();
          };
          all.onerror = () => resolve([]);
        };
      }),
  );
}

async function openInEditor(name: string, expected: string): Promise<void> {
  const title = name.replace(/\.md$/, '');
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(new RegExp(`${encodeURIComponent(name).replace(/[.]/g, '\\.')}$`));
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await waitFor(editorText, (t) => t === expected, 'the editor loading the note');
}

/** Types with every save refused, waits for the draft to reach IndexedDB, then reloads as after a crash. */
async function typeUnsavedThenReload(name: string, beforeReload?: () => void): Promise<void> {
  await page.route('**/api/writeNote', (route) => route.abort());
  await editorContent().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(TYPED);
  await waitFor(drafts, (all) => all.some((d) => d.path === name && d.text === ORIGINAL + TYPED), 'the draft reaching IndexedDB');
  expect(readDisk(name)).toBe(ORIGINAL);
  await page.unroute('**/api/writeNote');
  beforeReload?.();
  await page.reload();
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
}

test('reload with unsaved text: the next open offers it, and Restore brings it back and saves it', async () => {
  const name = 'Draft Test.md';
  writeFileSync(join(app.served.vaultDir, name), ORIGINAL);
  await page.goto(app.served.url);
  await openInEditor(name, ORIGINAL);
  await typeUnsavedThenReload(name);

  const bar = note().getByRole('alert', { name: 'Unsaved changes' });
  await bar.waitFor();
  expect(await bar.textContent()).toMatch(/^Restore unsaved changes from \d\d:\d\d\?/);
  // Offered, not applied: the editor and the disk still have the saved text.
  expect(await editorText()).toBe(ORIGINAL);
  expect(readDisk(name)).toBe(ORIGINAL);
  await bar.getByRole('button', { name: 'Restore' }).click();
  await waitFor(editorText, (t) => t === ORIGINAL + TYPED, 'the editor showing the restored text');
  await waitFor(
    async () => readDisk(name),
    (t) => t === ORIGINAL + TYPED,
    'the restored text being saved',
  );
  await waitFor(drafts, (all) => !all.some((d) => d.path === name), 'the draft being dropped once saved');
  expect(app.pageErrors).toEqual([]);
});

test('reload with unsaved text after the disk changed: the conflict bar asks, Keep mine saves it', async () => {
  const name = 'Draft Conflict.md';
  const OUTSIDE = '# Draft Test\n\nChanged by another program.';
  writeFileSync(join(app.served.vaultDir, name), ORIGINAL);
  // Back to reading view (the first test left the editor open), then this note.
  await note().getByRole('button', { name: 'Read', exact: true }).click();
  await openInEditor(name, ORIGINAL);
  // The outside change lands while the page is reloading, so no editor sees it come in.
  await typeUnsavedThenReload(name, () => writeFileSync(join(app.served.vaultDir, name), OUTSIDE));

  await note().getByText('This note was changed on disk while you were editing it.').waitFor();
  await waitFor(editorText, (t) => t === ORIGINAL + TYPED, 'the editor holding the draft in conflict');
  expect(readDisk(name)).toBe(OUTSIDE);
  await note().getByRole('button', { name: 'Keep mine' }).click();
  await waitFor(
    async () => readDisk(name),
    (t) => t === ORIGINAL + TYPED,
    'Keep mine saving the draft',
  );
  expect(app.pageErrors).toEqual([]);
});
