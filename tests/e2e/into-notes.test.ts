/**
 * Getting things into notes, end to end: the real `plexus serve` on a temp copy of the sample
 * vault, in headless Chromium. A synthetic paste (a ClipboardEvent carrying a PNG File) lands as
 * `Pasted image <stamp>.png` in the attachment folder, byte for byte, and `![[...]]` is saved in
 * the note; a note dragged from the file explorer drops in as `[[Note]]`. Every wait is on state
 * (an element, the disk), never on time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pollFileText, pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;

// A 1x1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082',
  'hex',
);
const NOTE = 'Paste Here.md';

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      writeFileSync(join(vaultDir, NOTE), '# Paste Here\n\nAn image:\n');
      writeFileSync(join(vaultDir, 'Drop Target Note.md'), '# Drop Target Note\n');
      mkdirSync(join(vaultDir, 'Templates'));
      writeFileSync(join(vaultDir, 'Templates', 'Meeting.md'), '## {{title}} meeting on {{date:dddd D MMMM YYYY}}\n');
      writeFileSync(join(vaultDir, 'Templates', 'Daily.md'), '# {{date:dddd}}\n\nMade at {{time}}.\n');
    },
    beforeOpen: async (page, context, served) => {
      // The attachment folder setting, as the settings store keeps it.
      await page.addInitScript(() =>
        window.localStorage.setItem(
          'plexus.readingSettings',
          JSON.stringify({
            attachmentLocation: 'folder',
            attachmentFolder: 'assets/pasted',
            templateFolder: 'Templates',
            dailyNoteFolder: 'Daily',
            dailyNoteTemplate: 'Templates/Daily',
          }),
        ),
      );
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
    },
    open: `#/note/${encodeURIComponent(NOTE)}`,
  });
  page = app.page;
  await note().getByRole('heading', { level: 1, name: 'Paste Here' }).first().waitFor({ timeout: 20_000 });
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const readDisk = (path: string) => readFileSync(join(app.served.vaultDir, path), 'utf8');

const waitForDisk = (accept: (text: string) => boolean, what: string) => pollFileText(join(app.served.vaultDir, NOTE), accept, what);

async function openEditorAtEnd() {
  const editor = note().locator('.cm-editor');
  if ((await editor.count()) === 0) {
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('Control+e');
  }
  await editor.waitFor();
  await editor.locator('.cm-content').focus();
  await page.keyboard.press('Control+End');
  return editor;
}

test('pasting a PNG saves it in the attachment folder and embeds it in the note on disk', async () => {
  const before = Date.now();
  await openEditorAtEnd();
  await page.evaluate((hex) => {
    const bytes = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('main .cm-content')!.dispatchEvent(event);
  }, PNG.toString('hex'));

  const saved = await waitForDisk((t) => /!\[\[Pasted image \d{14}\.png\]\]/.test(t), 'got the embed');
  const name = /!\[\[(Pasted image (\d{14})\.png)\]\]/.exec(saved)!;
  const folder = join(app.served.vaultDir, 'assets', 'pasted');
  expect(readdirSync(folder)).toEqual([name[1]]);
  expect(readFileSync(join(folder, name[1])).equals(PNG)).toBe(true);
  // The stamp is the paste's local time (to the second), not some other clock.
  const stamp = name[2];
  const at = new Date(
    +stamp.slice(0, 4),
    +stamp.slice(4, 6) - 1,
    +stamp.slice(6, 8),
    +stamp.slice(8, 10),
    +stamp.slice(10, 12),
    +stamp.slice(12, 14),
  ).getTime();
  expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
  expect(saved.startsWith('# Paste Here\n\nAn image:\n')).toBe(true);
  expect(existsSync(join(app.served.vaultDir, name[1]))).toBe(false);
  expect(app.pageErrors).toEqual([]);
});

test('a note dragged from the file explorer drops in as a link, copying nothing', async () => {
  const editor = await openEditorAtEnd();
  await page.keyboard.press('Enter');
  const row = page.locator('a.tree-file[data-path="Drop Target Note.md"]');
  await row.waitFor();
  const files = readdirSync(app.served.vaultDir).sort();
  // Playwright's dragTo drives real drag events, carrying what the explorer row puts in them.
  await row.dragTo(editor.locator('.cm-content'));
  await waitForDisk((t) => t.includes('[[Drop Target Note]]') && !t.includes('![[Drop Target Note]]'), 'got the link');
  expect(readdirSync(app.served.vaultDir).sort()).toEqual(files);
});

async function runCommand(name: string) {
  await page.keyboard.press('Control+p');
  const input = page.getByRole('combobox', { name: 'Find a command' });
  await input.waitFor();
  await input.fill(name);
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'detached' });
}

test('Copy link to block adds a ^id to the paragraph and copies [[Note#^id]]', async () => {
  const editor = await openEditorAtEnd();
  await page.keyboard.press('Enter');
  await page.keyboard.type('A block worth linking');
  await runCommand('Copy link to block');
  const saved = await waitForDisk((t) => /A block worth linking \^[a-z0-9]{6}\n?$/.test(t), 'got a block id');
  const id = /\^([a-z0-9]{6})\n?$/.exec(saved)![1];
  const copied = await pollUntil(
    () => page.evaluate(() => navigator.clipboard.readText()),
    (t) => t.includes(id),
    10_000,
  );
  expect(copied).toBe(`[[Paste Here#^${id}]]`);
  // Again on the same block: the id it has is reused, nothing is added.
  await editor.locator('.cm-content').focus();
  await runCommand('Copy link to block');
  await page.getByText(`Copied [[Paste Here#^${id}]]`).first().waitFor();
  expect(readDisk(NOTE).match(/\^[a-z0-9]{6}/g)).toEqual([`^${id}`]);
});

test('Insert template fills the chosen template in at the cursor', async () => {
  const editor = await openEditorAtEnd();
  await page.keyboard.press('Enter');
  await runCommand('Insert template');
  const find = page.getByRole('combobox', { name: 'Find a template' });
  await find.waitFor();
  await page.getByRole('option', { name: 'Daily' }).waitFor();
  await find.fill('meet');
  await page.getByRole('option', { name: 'Meeting' }).waitFor();
  const before = new Date();
  await page.keyboard.press('Enter');
  const days = [before, new Date()].map(
    (d) => `${d.toLocaleDateString('en-US', { weekday: 'long' })} ${d.getDate()} ${d.toLocaleDateString('en-US', { month: 'long' })} ${d.getFullYear()}`,
  );
  await waitForDisk((t) => days.some((day) => t.includes(`## Paste Here meeting on ${day}\n`)), 'got the filled template');
  expect(readDisk(NOTE)).not.toContain('{{');
  await editor.locator('.cm-line', { hasText: 'Paste Here meeting on' }).waitFor();
});

test("Open today's daily note from the palette creates it from its template and opens it", async () => {
  const stamp = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const before = new Date();
  await page
    .locator('body')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => undefined);
  await runCommand("Open today's daily note");
  const candidates = [before, new Date()].map((d) => ({ day: d, path: join(app.served.vaultDir, 'Daily', `${stamp(d)}.md`) }));
  const made = await pollUntil(
    async () => candidates.find((c) => existsSync(c.path)) ?? null,
    (c) => c !== null,
    15_000,
  );
  if (!made) throw new Error(`no daily note in ${join(app.served.vaultDir, 'Daily')}`);
  const text = readFileSync(made.path, 'utf8');
  expect(text).toMatch(new RegExp(`^# ${made.day.toLocaleDateString('en-US', { weekday: 'long' })}\n\nMade at \\d{2}:\\d{2}\\.\n$`));
  await pollUntil(
    async () => page.url(),
    (url) => url.includes(encodeURIComponent(`Daily/${stamp(made.day)}.md`)),
    15_000,
  );
  expect(page.url()).toContain(encodeURIComponent(`Daily/${stamp(made.day)}.md`));
  // The tab was editing, so the daily note opens in the editor; either way its text is shown.
  await note()
    .getByText(/^Made at \d{2}:\d{2}\.$/)
    .first()
    .waitFor();

  // Run again: the note is opened, not written over.
  writeFileSync(made.path, '# kept\n');
  await runCommand('Open previous daily note');
  await page.getByText('No earlier daily note.').first().waitFor();
  await runCommand("Open today's daily note");
  expect(readFileSync(made.path, 'utf8')).toBe('# kept\n');
  expect(app.pageErrors).toEqual([]);
});
