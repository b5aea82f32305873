/**
 * File recovery end to end: the real `plexus serve` on a temp copy of the sample vault, in
 * headless Chromium. Edit a note in the app, let another program overwrite it, then bring back
 * both earlier versions from the History dialog and check the disk each time. Screenshots of
 * the dialog (light and dark) go to tests/artifacts/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;

const NOTE = 'Recovery Test.md';
const ORIGINAL = '# Recovery Test\n\nThe first line.';
const EDITED = `${ORIGINAL}\nTyped in the app.`;
const OUTSIDE = '# Recovery Test\n\nReplaced by a sync tool.';

/** The parse cache and app data (where the snapshot store lives), ours so the test can look at the store. */

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      writeFileSync(join(vaultDir, NOTE), ORIGINAL);
    },
    beforeOpen: async () => {
      // These tests read the editor's lines from the DOM: source mode shows them as written.
    },
    keepState: true,
    sourceMode: true,
  });
  page = app.page;
});

afterAll(() => app?.close());

/** True when a pack index (`*.idx`, 40-byte entries starting with the raw sha-256) under `dir` lists `hash`. */
function packIndexHolds(dir: string, hash: Buffer): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((e) => {
    const abs = join(dir, e.name);
    if (e.isDirectory()) return packIndexHolds(abs, hash);
    if (!e.name.endsWith('.idx')) return false;
    const index = readFileSync(abs);
    for (let at = 0; at + 40 <= index.length; at += 40) if (index.subarray(at, at + 32).equals(hash)) return true;
    return false;
  });
}

const note = () => page.getByRole('main', { name: 'Note' });
const editorContent = () => note().locator('.cm-content');
const onDisk = () => join(app.served.vaultDir, NOTE);
const readDisk = () => (existsSync(onDisk()) ? readFileSync(onDisk(), 'utf8') : null);

async function editorText(): Promise<string> {
  return (await editorContent().locator('.cm-line').allTextContents()).join('\n');
}

async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const value = await pollUntil(read, accept, 15_000);
  if (!accept(value)) throw new Error(`${what} never happened; last seen:\n${String(value)}`);
  return value;
}

test('edit here, overwrite outside, then restore each earlier version from History', async () => {
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Recovery Test', exact: true }).click();
  await page.waitForURL(/Recovery%20Test\.md$/);
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await waitFor(editorText, (t) => t === ORIGINAL, 'the editor loading the note');
  await editorContent().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nTyped in the app.');
  await waitFor(
    async () => readDisk(),
    (t) => t === EDITED,
    'the autosave',
  );
  await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  // Another program replaces the note; the (clean) editor follows the disk.
  writeFileSync(onDisk(), OUTSIDE);
  await waitFor(editorText, (t) => t === OUTSIDE, 'the editor showing the outside change');

  await note().getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'File recovery' });
  const list = dialog.getByRole('list', { name: 'Versions, newest first' });
  const outsideVersion = list.getByRole('button').filter({ hasText: 'Changed by another program' });
  await outsideVersion.waitFor();
  const labels = await list.getByRole('button').allTextContents();
  expect(labels).toHaveLength(2);
  expect(labels[0]).toContain('Changed by another program');
  expect(labels[1]).toContain('As opened, before editing here');
  const diff = dialog.getByLabel('Differences: now (−) and this version (+)');
  await diff.filter({ hasText: 'Typed in the app.' }).waitFor();
  expect(await diff.textContent()).toContain('− Replaced by a sync tool.');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: artifactPath('file-recovery-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: artifactPath('file-recovery-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // Restore the text typed here (the version another program replaced).
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await dialog.getByRole('status').filter({ hasText: 'Restored the version' }).waitFor();
  await waitFor(
    async () => readDisk(),
    (t) => t === EDITED,
    'the restore of the edited text',
  );
  await waitFor(editorText, (t) => t === EDITED, 'the editor showing the restored text');
  // The text the restore replaced is kept too, so the restore can be undone.
  await list.getByRole('button').first().filter({ hasText: 'Before restore' }).waitFor();

  // And the text as first opened.
  await list.getByRole('button').filter({ hasText: 'As opened, before editing here' }).click();
  await diff.filter({ hasText: 'Typed in the app.' }).waitFor();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await waitFor(
    async () => readDisk(),
    (t) => t === ORIGINAL,
    'the restore of the original text',
  );
  await waitFor(editorText, (t) => t === ORIGINAL, 'the editor showing the original text');

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(app.pageErrors).toEqual([]);
});

test('a note deleted by another program comes back from Deleted notes', async () => {
  const gone = 'Gone Outside.md';
  writeFileSync(join(app.served.vaultDir, gone), '# Gone Outside\n\nKeep this text.');
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  await explorer.getByRole('link', { name: 'Gone Outside', exact: true }).waitFor();
  await explorer.getByRole('link', { name: 'Gone Outside', exact: true }).click();
  await note().getByText('Keep this text.').waitFor();
  // Once indexed, its text is kept in the snapshot store in the background: wait for its pack index to list it.
  const hash = createHash('sha256').update('# Gone Outside\n\nKeep this text.').digest();
  await waitFor(
    async () => packIndexHolds(join(app.stateDir!, 'data'), hash),
    (found) => found,
    "the note's text reaching the snapshot store",
  );
  rmSync(join(app.served.vaultDir, gone));
  await explorer.getByRole('link', { name: 'Gone Outside', exact: true }).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Deleted notes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deleted notes' });
  await dialog.getByRole('list', { name: 'Deleted notes, newest first' }).getByRole('button').filter({ hasText: 'Gone Outside' }).waitFor();
  await dialog.getByText('Keep this text.').waitFor();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitFor(
    async () => (existsSync(join(app.served.vaultDir, gone)) ? readFileSync(join(app.served.vaultDir, gone), 'utf8') : null),
    (t) => t === '# Gone Outside\n\nKeep this text.',
    'the deleted note coming back',
  );
  await page.waitForURL(/Gone%20Outside\.md$/);
  await note().getByText('Keep this text.').waitFor();
  expect(app.pageErrors).toEqual([]);
});

test('read-only: the versions are listed and copied, never restored, and an outside change keeps none', async () => {
  const served = await app.serveAgain(['--read-only']);
  await app.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  await page.goto(`${served.url}#/note/${encodeURIComponent(NOTE)}`);
  await note().getByText('The first line.').waitFor();
  const onDiskBefore = readDisk();

  const dialog = page.getByRole('dialog', { name: 'File recovery' });
  const list = dialog.getByRole('list', { name: 'Versions, newest first' });
  const versionLabels = async () => {
    await note().getByRole('button', { name: 'History' }).click();
    await list.getByRole('button').filter({ hasText: 'As opened, before editing here' }).waitFor();
    const labels = await list.getByRole('button').allTextContents();
    return labels;
  };
  const labels = await versionLabels();
  // Kept by the writable session before: the versions the first test made.
  expect(labels.some((l) => l.includes('Changed by another program'))).toBe(true);

  const restore = dialog.getByRole('button', { name: 'Restore', exact: true });
  await list.getByRole('button').filter({ hasText: 'Changed by another program' }).first().click();
  await dialog.getByLabel('Differences: now (−) and this version (+)').filter({ hasText: 'Typed in the app.' }).waitFor();
  expect(await restore.isDisabled()).toBe(true);
  expect(await restore.getAttribute('title')).toBe('This vault is open read-only: copy the text instead');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await dialog.getByRole('status').filter({ hasText: 'Copied the version’s text.' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(EDITED);
  expect(readDisk()).toBe(onDiskBefore);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Another program changes the note: the reading view follows, and no version is kept for it.
  writeFileSync(onDisk(), `${ORIGINAL}\nChanged while read-only.`);
  await note().getByText('Changed while read-only.').waitFor();
  expect(await versionLabels()).toEqual(labels);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(app.pageErrors).toEqual([]);
});
