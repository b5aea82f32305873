/**
 * Live Preview end to end: the real `plexus serve` on a temp copy of the sample vault, in
 * headless Chromium. Ctrl+E opens a note in Live Preview (the default editing mode); typed bold
 * is drawn without its `**` once the cursor leaves the line; a click on a rendered checkbox
 * writes `[x]` to disk; a click on a rendered [[link]] opens its note (Ctrl+click: in a new
 * tab); `#` completes a vault tag; Ctrl+E goes back to the reading view. Every wait is on
 * state (an element, the disk, the URL), never on time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pollFileText, pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;

const NOTE = 'Live Test.md';
/** A long note for scroll sync: numbered paragraphs, with a table (taller in the preview) every tenth. */
const LONG = 'Long Scroll.md';
const LONG_TEXT =
  Array.from({ length: 150 }, (_, i) => (i % 10 === 9 ? `Para ${i}\n\n| a | b |\n| - | - |\n| ${i} | x |\n| y | z |` : `Para ${i}`)).join('\n\n') + '\n';
const TEXT = '# Live Test\n\n- [ ] water the plants\n\nGo to [[Live Target|the target]] next.\n';

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      writeFileSync(join(vaultDir, NOTE), TEXT);
      writeFileSync(join(vaultDir, 'Live Target.md'), '# Live Target\n\nYou have arrived. #lptag/nested\n');
      writeFileSync(join(vaultDir, LONG), LONG_TEXT);
    },
    open: `#/note/${encodeURIComponent(NOTE)}`,
  });
  page = app.page;
  await note().getByRole('heading', { level: 1, name: 'Live Test' }).first().waitFor({ timeout: 20_000 });
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });

const waitForDisk = (accept: (text: string) => boolean, what: string) => pollFileText(join(app.served.vaultDir, NOTE), accept, what);

test('type in Live Preview, tick a task, follow a link, and Ctrl+E back to reading', async () => {
  await page
    .locator('body')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => undefined);
  await page.keyboard.press('Control+e');
  const editor = note().locator('.cm-editor.cm-live-preview');
  await editor.waitFor();
  // Away from the cursor (at the start) the link shows its alias; the heading the cursor is on keeps its `#`.
  await editor.locator('.cm-lp-link', { hasText: /^the target$/ }).waitFor();
  await editor.locator('.cm-line.cm-lp-h1', { hasText: /^# Live Test$/ }).waitFor();

  // Type at the end, then leave the line: the bold is drawn without its markup.
  await editor.locator('.cm-content').focus();
  await page.keyboard.press('Control+End');
  await editor.locator('.cm-line.cm-lp-h1', { hasText: /^Live Test$/ }).waitFor();
  await page.keyboard.type('Some **bold** words');
  const typed = editor.locator('.cm-line', { hasText: 'Some' });
  await typed.filter({ hasText: '**bold**' }).waitFor();
  await page.keyboard.press('Enter');
  await typed
    .filter({ hasText: /^Some bold words$/ })
    .locator('.cm-lp-strong')
    .waitFor();
  await waitForDisk((t) => t.includes('Some **bold** words'), 'got the typed text');

  // `#` completes the vault's tags, nested ones by full name, in the themed popup (not monospace).
  await page.keyboard.type('Tagged #lpt');
  const tagOption = page.locator('.cm-tooltip-autocomplete li', { hasText: 'lptag/nested' });
  await tagOption.waitFor();
  const popupFont = await page.locator('.cm-tooltip-autocomplete > ul').evaluate((ul) => getComputedStyle(ul).fontFamily);
  expect(popupFont).not.toMatch(/mono/i);
  // Picked with the mouse: CodeMirror leaves keys to the text for 75 ms after the popup opens (so
  // a key pressed before a person sees it does not pick), and a test's Enter can come sooner.
  await tagOption.click();
  await waitForDisk((t) => t.includes('Tagged #lptag/nested'), 'got the completed tag');

  // The rendered checkbox writes the task to disk.
  const box = editor.locator('input.cm-lp-checkbox');
  expect(await box.isChecked()).toBe(false);
  await box.click();
  await waitForDisk((t) => t.includes('- [x] water the plants'), 'got the ticked task');
  await editor.locator('input.cm-lp-checkbox:checked').waitFor();

  // Ctrl+click on the rendered link opens its note in a new tab; closing it comes back here.
  const tabs = page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');
  await editor.locator('.cm-lp-link', { hasText: 'the target' }).click({ modifiers: ['Control'] });
  await page.waitForURL(/#\/note\/Live%20Target\.md$/);
  await pollUntil(
    () => tabs.count(),
    (n) => n === 2,
    10_000,
  );
  expect(await tabs.count()).toBe(2);
  await page.keyboard.press('Control+w');
  await page.waitForURL(/#\/note\/Live%20Test\.md$/);
  await editor.locator('.cm-lp-link', { hasText: 'the target' }).waitFor();

  // A plain click on the rendered link opens its note, in the same tab and mode.
  await editor.locator('.cm-lp-link', { hasText: 'the target' }).click();
  await page.waitForURL(/#\/note\/Live%20Target\.md$/);
  await note().locator('.cm-editor.cm-live-preview .cm-line', { hasText: 'You have arrived.' }).waitFor();

  // Ctrl+E: the reading view, and no editor.
  await page.keyboard.press('Control+e');
  await note().locator('.markdown-body', { hasText: 'You have arrived.' }).waitFor();
  expect(await note().locator('.cm-editor').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test('the side-by-side preview scrolls with the editor, to the same source line', async () => {
  await page.evaluate((hash) => (window.location.hash = hash), `#/note/${encodeURIComponent(LONG)}`);
  await note().locator('.markdown-body', { hasText: 'Para 149' }).waitFor();
  await page.keyboard.press('Control+e');
  const editor = note().locator('.cm-editor.cm-live-preview');
  await editor.waitFor();
  await note().getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = note().getByRole('region', { name: 'Preview' });
  await preview.locator('[data-source-line]').first().waitFor();

  /** The paragraph number at the top of the editor and of the preview (the first `Para N` at or below each one's top). */
  const tops = () =>
    page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.cm-editor .cm-scroller')!;
      const pane = document.querySelector<HTMLElement>('section.edit-preview')!;
      const firstBelow = (els: Element[], top: number) => {
        const hit = els.find((el) => el.getBoundingClientRect().top >= top - 2 && /^Para \d+$/.test(el.textContent ?? ''));
        return hit ? Number(/\d+/.exec(hit.textContent!)![0]) : -1;
      };
      return {
        editor: firstBelow([...scroller.querySelectorAll('.cm-line')], scroller.getBoundingClientRect().top),
        preview: firstBelow([...pane.querySelectorAll('p')], pane.getBoundingClientRect().top),
        previewTop: pane.scrollTop,
      };
    });
  for (const fraction of [0.5, 0.25, 0.8]) {
    await page.evaluate((f) => {
      const scroller = document.querySelector<HTMLElement>('.cm-editor .cm-scroller')!;
      scroller.scrollTop = f * (scroller.scrollHeight - scroller.clientHeight);
    }, fraction);
    const got = await pollUntil(tops, (t) => t.editor > 0 && t.preview > 0 && Math.abs(t.editor - t.preview) <= 1, 10_000);
    expect({ fraction, near: Math.abs(got.editor - got.preview) <= 1, moved: got.previewTop > 0 }).toEqual({ fraction, near: true, moved: true });
  }
  expect(app.pageErrors).toEqual([]);
});
