/**
 * Settings end to end (the real `plexus serve`, headless Chromium): Ctrl+, opens the dialog,
 * the dark theme applies to the whole window at once, a command is rebound, and after a reload
 * both are still so — the theme kept for the vault, the hotkey for the user.
 */
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const settings = () => page.getByRole('dialog', { name: 'Settings' });
const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('Ctrl+, opens Settings; dark and a rebound hotkey apply at once and survive a reload', async () => {
  // "Follow system" (the default) follows the system's preference as it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const light = await background();

  await page.keyboard.press('Control+Comma');
  await settings().waitFor();
  await settings().getByRole('tab', { name: 'Appearance' }).click();
  await settings().getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await background()).not.toBe(light);

  await settings().getByRole('tab', { name: 'Hotkeys' }).click();
  await settings().getByRole('searchbox', { name: 'Filter commands' }).fill('split right');
  await settings().getByRole('button', { name: 'Change hotkey for Split right' }).click();
  await settings().getByText('Press a key combination').waitFor();
  await page.keyboard.press('Control+Shift+L');
  await settings().getByRole('listitem', { name: 'Split right' }).getByText('Ctrl+Shift+L').waitFor();
  await page.keyboard.press('Escape');
  await settings().waitFor({ state: 'detached' });

  await page.reload();
  await note().getByRole('heading', { level: 1, name: 'Welcome', exact: true }).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await background()).not.toBe(light);
  // A chosen theme is not the system's: a light system preference leaves it dark.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await theme()).toBe('dark');

  // The kept hotkey runs its command: a second note pane appears.
  await page.getByRole('region', { name: 'Note' }).first().waitFor();
  expect(await page.getByRole('region', { name: 'Note' }).count()).toBe(1);
  await page.keyboard.press('Control+Shift+L');
  await page.waitForFunction(() => document.querySelectorAll('section[aria-label="Note"]').length === 2);

  // And the dialog still shows both.
  await page.keyboard.press('Control+Comma');
  await settings().getByRole('tab', { name: 'Appearance' }).click();
  expect(await settings().getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
  await settings().getByRole('tab', { name: 'Hotkeys' }).click();
  await settings().getByRole('listitem', { name: 'Split right' }).getByText('Ctrl+Shift+L').waitFor();
  await page.keyboard.press('Escape');
  expect(app.pageErrors).toEqual([]);
});
