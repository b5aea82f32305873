/**
 * What a desktop app owes its platform, part one, through the real main process under the shim:
 * plexus://open deep links (the OS registration, a start-up link, a second instance handing its
 * argv to the first, macOS's open-url, validation), and the window's size, position, maximised
 * state and last vault coming back after a restart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pollUntil } from '../support/poll';
import { buildApp, removeApp, runSecondInstance, startApp, type BuiltApp, type Records, type RunningApp } from './support/electron-app';

jest.setTimeout(240_000);

const NAME = 'links';
let built: BuiltApp | undefined;
let app: RunningApp;
let page: Page;
let sampleVault: string;
let otherVault: string;

const note = () => page.getByRole('main', { name: 'Note' });
const explorer = () => page.getByRole('navigation', { name: 'File explorer' });
const expectNoteTitle = (title: string) => note().getByRole('heading', { level: 1, name: title, exact: true }).first().waitFor({ timeout: 20_000 });

async function recordsUntil(accept: (records: Records) => boolean, what: string): Promise<Records> {
  const records = await pollUntil(() => app.records(), accept, 20_000);
  if (!accept(records)) throw new Error(`never saw ${what}; records: ${JSON.stringify(records, null, 1).slice(0, 4000)}`);
  return records;
}

type Message = { message: string; detail: string };
const messages = (records: Records) => records.dialogs.filter((d) => d.kind === 'message').map((d) => d.options as Message);

beforeAll(async () => {
  built = await buildApp();
  // The first start already carries a link, to a vault this fresh profile has never seen.
  app = await startApp(built, NAME, { args: ['plexus://open?vault=Nope&file=A.md'] });
  page = app.page;
  sampleVault = path.join(app.userData, 'Plexus Sample Vault');
  otherVault = path.join(built.root, 'Other Vault');
  await explorer().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.stop();
  removeApp(built);
});

test('the app registers for plexus: links; a start-up link to an unknown vault is a clear message, and the usual vault opens', async () => {
  const records = await recordsUntil((r) => messages(r).length >= 1, 'the message about the unknown vault');
  expect(records.protocolClients).toEqual([{ protocol: 'plexus', path: expect.any(String), args: [path.dirname(built!.mainScript)] }]);
  expect(messages(records)).toEqual([
    expect.objectContaining({ message: 'Plexus cannot open this link.', detail: expect.stringContaining('knows no vault called “Nope”') }),
  ]);
  expect(records.errorBoxes).toEqual([]);
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).waitFor();
});

test('a second instance hands its link to the first, which restores and focuses its window and opens the note in place', async () => {
  await expectNoteTitle('Welcome');
  await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await app.control('windowAction', { minimize: true });
  const focusBefore = (await app.records()).focus;
  const link = 'plexus://open?vault=Plexus%20Sample%20Vault&file=How%20LLMs%20Work%2FTransformer';
  const second = await runSecondInstance(built!, NAME, [link]);
  expect(second.code).toBe(0);
  expect(second.records?.singleInstanceLock).toBe(false);
  expect(second.records?.handedOver).toContain(link);
  // It never opened a window of its own.
  expect(second.records?.windows).toEqual([]);
  await expectNoteTitle('Transformer');
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/note/How LLMs Work/Transformer.md');
  const records = await app.records();
  expect(records.secondInstances.at(-1)).toContain(link);
  expect(records.focus).toBeGreaterThan(focusBefore);
  const [win] = await app.control<{ minimized: boolean; visible: boolean }[]>('windows');
  expect(win).toMatchObject({ minimized: false, visible: true });
  // Only the hash changed: no reload, so nothing unsaved could have been lost on the way.
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  expect(messages(records)).toHaveLength(1);
});

test('links are validated: ../, a path outside every vault and an app page are refused with a message; the note stays', async () => {
  const outside = path.join(app.userData, 'outside.md');
  writeFileSync(outside, '# Outside\n');
  const before = messages(await app.records()).length;
  const second = await runSecondInstance(built!, NAME, [
    'plexus://open?file=..%2F..%2Fsettings.json',
    `plexus://open?path=${encodeURIComponent(outside)}`,
    `plexus://open?path=${encodeURIComponent(`${sampleVault}/../outside.md`)}`,
    'plexus://app/index.html#/note/Welcome.md',
  ]);
  expect(second.code).toBe(0);
  const records = await recordsUntil((r) => messages(r).length >= before + 4, 'four refusals');
  const details = messages(records)
    .slice(before)
    .map((m) => [m.message, m.detail]);
  expect(details).toEqual([
    ['Plexus cannot open this link.', expect.stringContaining('“..”')],
    ['Plexus cannot open this link.', expect.stringContaining('is not inside a vault Plexus knows')],
    ['Plexus cannot open this link.', expect.stringContaining('“..”')],
    ['Plexus cannot open this link.', expect.stringContaining('is not one')],
  ]);
  await expectNoteTitle('Transformer');
  expect(readFileSync(outside, 'utf8')).toBe('# Outside\n');
  expect(records.pageErrors).toEqual([]);
});

test('a link to a missing note offers to create it; path= opens a file by its absolute path', async () => {
  await app.control('queueMessageBox', 0); // "Create Note"
  await runSecondInstance(built!, NAME, ['plexus://open?vault=Plexus%20Sample%20Vault&file=From%20a%20Link']);
  await expectNoteTitle('From a Link');
  expect(existsSync(path.join(sampleVault, 'From a Link.md'))).toBe(true);
  const offer = messages(await app.records()).at(-1);
  expect(offer).toMatchObject({ message: '“From a Link” is not in the vault “Plexus Sample Vault”.', detail: 'Create the note “From a Link.md”?' });
  await runSecondInstance(built!, NAME, [`plexus://open?path=${encodeURIComponent(path.join(sampleVault, 'Welcome.md'))}`]);
  await expectNoteTitle('Welcome');
});

test("macOS's open-url switches to another known vault and opens the note there; a page request for plexus://open is no link", async () => {
  mkdirSync(otherVault, { recursive: true });
  writeFileSync(path.join(otherVault, 'Only Here.md'), '# Only Here\n\nA note of the other vault.\n');
  writeFileSync(path.join(otherVault, 'Second.md'), '# Second\n\nAnother note.\n');
  await app.control('queueOpenDialog', { canceled: false, filePaths: [otherVault] });
  await app.control('clickMenu', ['File', 'Open Vault…']);
  await explorer().getByRole('link', { name: 'Only Here', exact: true }).waitFor({ timeout: 30_000 });
  await app.control('clickMenu', ['File', 'Open Recent', sampleVault]);
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).waitFor({ timeout: 30_000 });

  await app.control('openUrl', 'plexus://open?vault=Other%20Vault&file=Second.md');
  await explorer().getByRole('link', { name: 'Only Here', exact: true }).waitFor({ timeout: 30_000 });
  await expectNoteTitle('Second');

  const before = await app.records();
  // The app's own scheme serves pages; `plexus://open` is not one of them and triggers nothing.
  // (`open/?…`: a standard scheme's URL always has a path, so that is how the request arrives.)
  const probe = await app.control<{ status: number | null }>('probe', 'plexus://open/?vault=Plexus%20Sample%20Vault&file=Welcome.md');
  expect(probe.status).toBe(404);
  const after = await app.records();
  expect(messages(after)).toHaveLength(messages(before).length);
  await expectNoteTitle('Second');
  expect(after.errorBoxes).toEqual([]);
});

test('quitting saves size, position, maximised state and the last vault; a restart restores all of them', async () => {
  await app.control('windowAction', { setBounds: { x: 120, y: 90, width: 1100, height: 720 } });
  await app.control('windowAction', { maximize: true });
  await app.stop();
  const settings = JSON.parse(readFileSync(path.join(app.userData, 'settings.json'), 'utf8')) as {
    lastVault: string;
    lastNote: Record<string, string>;
    windowBounds: unknown;
  };
  expect(settings.windowBounds).toEqual({ x: 120, y: 90, width: 1100, height: 720, maximized: true });
  expect(settings.lastVault).toBe(otherVault);
  expect(settings.lastNote[otherVault]).toBe('Second.md');

  app = await startApp(built!, NAME);
  page = app.page;
  await explorer().getByRole('link', { name: 'Only Here', exact: true }).waitFor({ timeout: 60_000 });
  await expectNoteTitle('Second');
  const records = await app.records();
  expect(records.singleInstanceLock).toBe(true);
  expect(records.windows[0].options).toMatchObject({ x: 120, y: 90, width: 1100, height: 720 });
  const [win] = await app.control<{ maximized: boolean; visible: boolean; normalBounds: unknown }[]>('windows');
  expect(win).toMatchObject({ maximized: true, visible: true, normalBounds: { x: 120, y: 90, width: 1100, height: 720 } });
  // It appeared once, already drawn: maximize() did not show an empty window before the page was ready.
  expect(records.windowShows).toEqual([{ how: 'maximize', loaded: true }]);
  expect(records.dialogs).toEqual([]);
});
