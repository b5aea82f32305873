/**
 * Typed text that must survive leaving the editor, end to end: the real `plexus serve` on a temp
 * copy of the sample vault, in headless Chromium.
 *
 * - Leaving a note while its conflict bar shows writes the editor's text as a conflict copy and
 *   says where.
 * - Leaving a note whose saves fail (the vault refuses the write) writes a conflict copy when the
 *   folder still takes new files, and otherwise keeps the text in the window, offering it back
 *   when the note is reopened.
 *
 * "The vault refuses the write" is made with the immutable flag (`chattr +i`): the tests run as
 * root, which chmod does not stop, but the kernel refuses root too when replacing an immutable
 * file or adding an entry to an immutable folder (EPERM, the same path through the writer as
 * EACCES). The flags are cleared in afterAll so the temp vault can be removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil, readFileOrNull } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;
const immutable = new Set<string>();

const CONFLICT = { path: 'Leave Test.md', base: '# Leave Test\n\nThe first line.' };
const LOCKED = { path: 'Locked Note.md', base: '# Locked Note\n\nOn disk.' };
const SEALED = { folder: 'Sealed', path: 'Sealed/Sealed Note.md', base: '# Sealed Note\n\nOn disk.' };

function setImmutable(abs: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', abs]);
  if (on) immutable.add(abs);
  else immutable.delete(abs);
}

beforeAll(async () => {
  app = await openServedApp({
    prepare: (dir) => {
      writeFileSync(join(dir, CONFLICT.path), CONFLICT.base);
      writeFileSync(join(dir, LOCKED.path), LOCKED.base);
      mkdirSync(join(dir, SEALED.folder));
      writeFileSync(join(dir, SEALED.path), SEALED.base);
      // Fail here, clearly, where the immutable flag is not available (not root, or a file system without it).
      const probe = join(dir, LOCKED.path);
      try {
        setImmutable(probe, true);
        setImmutable(probe, false);
      } catch (error) {
        throw new Error(`these tests need \`chattr +i\` (root, on ext4/xfs/btrfs) to make a vault file unwritable: ${String(error)}`);
      }
    },
    // These tests read the editor's lines from the DOM: source mode shows them as written.
    sourceMode: true,
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(async () => {
  // The flags first, or the vault copy cannot be removed.
  for (const abs of [...immutable]) setImmutable(abs, false);
  await app?.close();
});

const note = () => page.getByRole('main', { name: 'Note' });
const banners = () => page.locator('.banners');
const editorContent = () => note().locator('.cm-content');
const onDisk = (path: string) => join(app.vaultDir, ...path.split('/'));
const readDisk = (path: string) => readFileOrNull(onDisk(path));
const copiesOf = (folder: string, stem: string) =>
  readdirSync(join(app.vaultDir, folder)).filter((f) => f.startsWith(`${stem} (conflict `) && f.endsWith(').md'));

async function editorText(): Promise<string> {
  return (await editorContent().locator('.cm-line').allTextContents()).join('\n');
}

async function waitForEditor(accept: (text: string) => boolean, what: string): Promise<string> {
  const text = await pollUntil(editorText, accept, 15_000);
  if (!accept(text)) throw new Error(`the editor never ${what}; it shows:\n${text}`);
  return text;
}

async function openInEditor(path: string, base: string): Promise<void> {
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/note/${encodeURIComponent(path)}`,
  );
  await page.waitForURL((url) => decodeURIComponent(url.hash) === `#/note/${path}`);
  // Edit mode outlives navigation: the toggle reads "Read" when the editor is already on.
  const toggle = note().getByRole('button', { name: /^(Edit|Read)$/ });
  if ((await toggle.textContent()) === 'Edit') await toggle.click();
  await waitForEditor((t) => t === base, 'loaded the note');
}

async function typeAtEnd(text: string): Promise<void> {
  await editorContent().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Leaves the editor by opening another note from the file explorer. */
async function openWelcome(): Promise<void> {
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Welcome', exact: true }).click();
  await note().getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor();
}

test('Ctrl+E while the conflict bar shows: the typed text goes to a conflict copy, and a notice says where', async () => {
  await openInEditor(CONFLICT.path, CONFLICT.base);
  await typeAtEnd('\nMine, typed before the conflict.');
  const mine = `${CONFLICT.base}\nMine, typed before the conflict.`;
  const theirs = '# Leave Test\n\nTheirs, written by another program.';
  writeFileSync(onDisk(CONFLICT.path), theirs);
  await note().getByRole('alert').filter({ hasText: 'Your text is kept here until you choose' }).waitFor({ timeout: 15_000 });
  expect(await editorText()).toBe(mine);

  await page.keyboard.press('Control+e');
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
  const notice = banners()
    .getByRole('status')
    .filter({ hasText: `Your text in “${CONFLICT.path}” was not saved there` });
  await notice.waitFor({ timeout: 15_000 });
  const copies = copiesOf('', 'Leave Test');
  expect(copies).toHaveLength(1);
  expect(readDisk(copies[0])).toBe(mine);
  expect(await notice.textContent()).toContain(`it is in “${copies[0]}”`);
  expect(readDisk(CONFLICT.path)).toBe(theirs);
  await page.screenshot({ path: artifactPath('text-loss-01-conflict-copy.png') });

  await notice.getByRole('button', { name: 'Open copy' }).click();
  await page.waitForURL((url) => decodeURIComponent(url.hash) === `#/note/${copies[0]}`);
});

test('a note the vault will not write: leaving writes a conflict copy next to it and says why', async () => {
  setImmutable(onDisk(LOCKED.path), true);
  await openInEditor(LOCKED.path, LOCKED.base);
  await typeAtEnd('\nTyped into a locked note.');
  await note().getByRole('status').filter({ hasText: 'Not saved' }).filter({ hasText: 'not permitted' }).waitFor({ timeout: 15_000 });

  await openWelcome();
  const notice = banners()
    .getByRole('status')
    .filter({ hasText: `Your text in “${LOCKED.path}” was not saved there` });
  await notice.waitFor({ timeout: 15_000 });
  expect(await notice.textContent()).toContain('not permitted');
  const copies = copiesOf('', 'Locked Note');
  expect(copies).toHaveLength(1);
  expect(readDisk(copies[0])).toBe(`${LOCKED.base}\nTyped into a locked note.`);
  expect(readDisk(LOCKED.path)).toBe(LOCKED.base);
  setImmutable(onDisk(LOCKED.path), false);
});

test('a folder the vault will not write: the text is kept in the window and restored on reopen', async () => {
  setImmutable(onDisk(SEALED.folder), true);
  await openInEditor(SEALED.path, SEALED.base);
  await typeAtEnd('\nTyped into a sealed folder.');
  const mine = `${SEALED.base}\nTyped into a sealed folder.`;
  await note().getByRole('status').filter({ hasText: 'Not saved' }).waitFor({ timeout: 15_000 });

  await openWelcome();
  const error = banners()
    .getByRole('alert')
    .filter({ hasText: `Your text in “${SEALED.path}” could not be saved` });
  await error.waitFor({ timeout: 15_000 });
  expect(await error.textContent()).toContain('kept in this window');
  expect(readdirSync(onDisk(SEALED.folder))).toEqual(['Sealed Note.md']);
  expect(readDisk(SEALED.path)).toBe(SEALED.base);
  // Closing or reloading the window would ask first: the text is registered as unsaved.
  const guarded = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(guarded).toBe(true);
  await page.screenshot({ path: artifactPath('text-loss-02-kept.png') });

  setImmutable(onDisk(SEALED.folder), false);
  await error.getByRole('button', { name: 'Open note' }).click();
  const bar = note().getByRole('alert').filter({ hasText: 'Unsaved text from' });
  await bar.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: artifactPath('text-loss-03-restore-bar.png') });
  await bar.getByRole('button', { name: 'Restore' }).click();
  await waitForEditor((t) => t === mine, 'showed the restored text');
  const saved = await pollUntil(
    async () => readDisk(SEALED.path),
    (t) => t === mine,
    15_000,
  );
  expect(saved).toBe(mine);
  await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
