/**
 * What a desktop app owes its platform, part two, through the real main process under the shim:
 * `--read-only` in the Electron window, and a crash of the renderer showing a Reload page after
 * which the text that was not yet saved comes back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pollUntil } from '../support/poll';
import { buildApp, removeApp, startApp, type BuiltApp, type RunningApp } from './support/electron-app';

jest.setTimeout(240_000);

let built: BuiltApp | undefined;
let app: RunningApp | undefined;

beforeAll(async () => {
  built = await buildApp();
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

afterAll(() => removeApp(built));

const note = (page: Page) => page.getByRole('main', { name: 'Note' });
const explorer = (page: Page) => page.getByRole('navigation', { name: 'File explorer' });
const expectNoteTitle = (page: Page, title: string) =>
  note(page).getByRole('heading', { level: 1, name: title, exact: true }).first().waitFor({ timeout: 20_000 });

test('--read-only: the window says so, offers no editing, and the vault service refuses writes', async () => {
  app = await startApp(built!, 'read-only', { args: ['--read-only'] });
  const { page } = app;
  const welcome = path.join(app.userData, 'Plexus Sample Vault', 'Welcome.md');
  const original = readFileSync(welcome, 'utf8');
  await expectNoteTitle(page, 'Welcome');
  await note(page).getByRole('note').filter({ hasText: 'This vault is open read-only' }).waitFor();
  expect(await note(page).getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);
  // Ctrl+E says why instead of opening an editor.
  await note(page).click();
  await page.keyboard.press('Control+e');
  await page.getByText('This vault is open read-only; notes cannot be edited.').waitFor();
  expect(await note(page).locator('.cm-content').count()).toBe(0);
  const answers = await page.evaluate(async () => {
    const api = (window as unknown as { plexus: Record<string, (...args: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>> }).plexus;
    const info = (await api.getVaultInfo()) as unknown as { readOnly: boolean };
    return {
      readOnly: info.readOnly,
      write: (await api.writeNote('Welcome.md', 'overwritten', null)).error?.code,
      create: (await api.createNote('New.md', 'x')).error?.code,
      remove: (await api.deleteNote('Welcome.md')).error?.code,
    };
  });
  expect(answers).toEqual({ readOnly: true, write: 'read-only', create: 'read-only', remove: 'read-only' });
  expect(readFileSync(welcome, 'utf8')).toBe(original);
  const records = await app.records();
  expect(records.pageErrors).toEqual([]);
  expect(records.trashItem).toEqual([]);
});

test('a renderer crash shows a Reload page; after Reload the text that was not saved comes back and can be restored', async () => {
  app = await startApp(built!, 'crash');
  const running = app;
  let page = running.page;
  const welcome = path.join(running.userData, 'Plexus Sample Vault', 'Welcome.md');
  const original = readFileSync(welcome, 'utf8');
  await expectNoteTitle(page, 'Welcome');
  await note(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = note(page).locator('.cm-content');
  await editor.waitFor();
  // Saves are held back (a busy disk): when the renderer dies, the text is only in the editor.
  await running.control('stallChannel', { channel: 'plexus:writeNote', stalled: true });
  await running.control('watchChannel', 'plexus-drafts:report');
  await editor.click();
  await page.keyboard.press('Control+End');
  const typed = 'Typed just before the crash.';
  await page.keyboard.type(`\n\n${typed}`);
  // The main process holds the newest text once the renderer's mirror has reported it.
  const reported = await pollUntil(
    async () => ((await running.records()).watched['plexus-drafts:report']?.[0] ?? []) as { path: string; text: string }[],
    (drafts) => drafts.some((d) => d.path === 'Welcome.md' && d.text.trimEnd().endsWith(typed)),
    20_000,
  );
  expect(reported).toEqual([{ path: 'Welcome.md', text: expect.stringContaining(typed) }]);

  await running.control('crash');
  page = await running.findPage((url) => url.startsWith('https://app.plexus.localhost/crashed'));
  await page.getByRole('heading', { name: 'The Plexus window crashed' }).waitFor();
  await page.getByText('Your unsaved text in one note is kept.').waitFor();
  expect(readFileSync(welcome, 'utf8')).toBe(original);
  let records = await running.records();
  expect(records.dialogs).toEqual([]);
  expect(records.errorBoxes).toEqual([]);
  const crashPage = records.responses.find((r) => r.url.startsWith('plexus://app/crashed'));
  expect(crashPage?.headers['content-security-policy']).toContain("default-src 'none'");

  await running.control('stallChannel', { channel: 'plexus:writeNote', stalled: false });
  await page.getByRole('link', { name: 'Reload' }).click();
  await explorer(page).waitFor({ timeout: 30_000 });
  const notice = page.getByRole('alert', { name: 'Recovered text' });
  await notice.getByRole('link', { name: 'Welcome.md' }).waitFor();
  await expectNoteTitle(page, 'Welcome');
  await note(page).getByRole('button', { name: 'Edit', exact: true }).click();
  await note(page).getByRole('button', { name: 'Restore', exact: true }).click();
  await note(page).locator('.cm-content').filter({ hasText: typed }).waitFor();
  const saved = await pollUntil(
    async () => readFileSync(welcome, 'utf8'),
    (text) => text.includes(typed),
    20_000,
  );
  // Exactly what the editor held when the renderer died (the save ends the file with a newline).
  expect(saved.trimEnd()).toBe(reported[0].text.trimEnd());
  expect(saved.startsWith(original)).toBe(true);
  await note(page).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  records = await running.records();
  expect(records.pageErrors).toEqual([]);
  expect(records.cloneFailures).toEqual([]);
  expect(records.ipcCalls.filter((c) => !c.ok)).toEqual([]);
});
