/**
 * The Electron face end to end: the real bundled main process (dist/main/electron-main.js), the
 * real bundled preload and the built renderer, run under the Electron shim (./shim) against
 * headless Chromium, on a temp copy of the sample vault. What the shim cannot prove is in
 * docs/release.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ELECTRON_CSP } from '../../../main/electron/app-urls';
import { pollUntil } from '../support/poll';
import { encodeCloned } from './support/clone-codec';
import { buildApp, removeApp, startApp, type BuiltApp, type Records, type RunningApp } from './support/electron-app';

jest.setTimeout(240_000);

const APP = 'https://app.plexus.localhost';
let built: BuiltApp | undefined;
let app: RunningApp;
let page: Page;
let sampleVault: string;

beforeAll(async () => {
  built = await buildApp();
  app = await startApp(built);
  page = app.page;
  sampleVault = path.join(app.userData, 'Plexus Sample Vault');
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.stop();
  removeApp(built);
});

const note = () => page.getByRole('main', { name: 'Note' });
const explorer = () => page.getByRole('navigation', { name: 'File explorer' });
const expectNoteTitle = (title: string) => note().getByRole('heading', { level: 1, name: title, exact: true }).first().waitFor({ timeout: 20_000 });

async function recordsUntil(accept: (records: Records) => boolean, what: string): Promise<Records> {
  const records = await pollUntil(() => app.records(), accept, 15_000);
  if (!accept(records)) throw new Error(`never saw ${what}; records: ${JSON.stringify(records, null, 1).slice(0, 4000)}`);
  return records;
}

/** Calls the raw IPC binding from `frame`, as a frame that got hold of ipcRenderer would. */
function rawInvoke(frame: { evaluate: Page['evaluate'] }, channel: string, args: unknown[]) {
  return frame.evaluate(
    ([ch, encoded]) =>
      (window as unknown as Record<string, (c: unknown, a: unknown) => Promise<{ ok: boolean; message?: string }>>).__plexusShimIpc(ch, encoded),
    [channel, encodeCloned(args)] as const,
  );
}

test('the window is created with the secure settings, and the page has no Node and only the frozen bridge', async () => {
  const records = await app.records();
  expect(records.privilegedSchemes).toEqual([{ scheme: 'plexus', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  expect(records.singleInstanceLock).toBe(true);
  expect(records.windows).toHaveLength(1);
  const prefs = records.windows[0].options.webPreferences;
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
    preload: built!.mainScript.replace(/electron-main\.js$/, 'preload.js'),
  });
  expect(records.preloadErrors).toEqual([]);
  const inPage = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const api = w.plexus as Record<string, unknown>;
    let replaced = true;
    try {
      (api as { readNote: unknown }).readNote = () => 'hijacked';
    } catch {
      replaced = false;
    }
    return {
      require: typeof w.require,
      process: typeof w.process,
      frozen: Object.isFrozen(api),
      replaced: replaced && (api.readNote as () => unknown)() === 'hijacked',
      methods: Object.keys(api).sort(),
      url: location.href,
    };
  });
  expect(inPage.require).toBe('undefined');
  expect(inPage.process).toBe('undefined');
  expect(inPage.frozen).toBe(true);
  expect(inPage.replaced).toBe(false);
  expect(inPage.methods).toContain('readNote');
  expect(inPage.methods).toContain('onEvent');
  expect(inPage.url.startsWith(`${APP}/index.html`)).toBe(true);
  expect((await app.control<{ visible: boolean }[]>('windows'))[0].visible).toBe(true);
});

test('the page gets the app CSP, the renderer runs under it, and inline script is refused', async () => {
  const records = await app.records();
  const index = records.responses.find((r) => r.url === 'plexus://app/index.html');
  expect(index?.status).toBe(200);
  const policies = Object.entries(index!.headers).filter(([name]) => name.toLowerCase() === 'content-security-policy');
  expect(policies.length).toBeGreaterThan(0);
  for (const [, value] of policies) expect(value).toBe(ELECTRON_CSP);
  expect(records.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text))).toEqual([]);
  const violation = await page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean }>((resolve) => {
        const w = window as unknown as { __inlineRan?: boolean };
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.effectiveDirective, ran: w.__inlineRan === true }), {
          once: true,
        });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
      }),
  );
  expect(violation).toEqual({ directive: 'script-src-elem', ran: false });
});

test('open a note, follow a wiki link, edit and save it: every call goes over IPC from the app frame', async () => {
  await expectNoteTitle('Welcome');
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).click();
  await expectNoteTitle('Transformer');
  await note().getByRole('link', { name: 'Encoder Decoder', exact: true }).first().click();
  await expectNoteTitle('Encoder Decoder');
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = note().locator('.cm-content');
  await editor.waitFor();
  const file = path.join(sampleVault, 'How LLMs Work', 'Encoder Decoder.md');
  const original = readFileSync(file, 'utf8');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nEdited in the Electron window.');
  const saved = await pollUntil(
    async () => readFileSync(file, 'utf8'),
    (text) => text.includes('Edited in the Electron window.'),
    15_000,
  );
  expect(saved.startsWith(original.trimEnd())).toBe(true);
  expect(saved.trimEnd().endsWith('Edited in the Electron window.')).toBe(true);
  await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const records = await recordsUntil((r) => r.ipcCalls.some((c) => c.channel === 'plexus:writeNote'), 'a writeNote call');
  const channels = new Set(records.ipcCalls.map((c) => c.channel));
  for (const channel of ['plexus:listFiles', 'plexus:readNote', 'plexus:resolveLinks', 'plexus:getBacklinks', 'plexus:writeNote'])
    expect(channels).toContain(channel);
  expect(records.ipcCalls.filter((c) => !c.ok)).toEqual([]);
  expect(new Set(records.ipcCalls.map((c) => c.frameUrl.split('#')[0]))).toEqual(new Set(['plexus://app/index.html']));
  expect(records.cloneFailures).toEqual([]);
  expect(records.pageErrors).toEqual([]);
  // The main process remembers the note from the in-page navigation (did-navigate-in-page).
  await page.keyboard.press('Control+e');
});

test('File > Open Vault with a scripted folder swaps the vault; Open Recent lists both and goes back', async () => {
  const other = path.join(built!.root, 'Other Vault');
  mkdirSync(other, { recursive: true });
  writeFileSync(path.join(other, 'Only Here.md'), '# Only Here\n\nA note of the other vault.\n');
  await app.control('queueOpenDialog', { canceled: false, filePaths: [other] });
  await app.control('clickMenu', ['File', 'Open Vault…']);
  await explorer().getByRole('link', { name: 'Only Here', exact: true }).waitFor({ timeout: 30_000 });
  expect(await explorer().getByRole('link', { name: 'Transformer', exact: true }).count()).toBe(0);
  const records = await app.records();
  const pick = records.dialogs.find((d) => d.kind === 'open');
  expect(pick?.scripted).toBe(true);
  expect(records.dialogs.filter((d) => !d.scripted)).toEqual([]);
  expect(records.errorBoxes).toEqual([]);

  const menu = await app.control<{ label?: string; submenu?: { label?: string; submenu?: { label?: string }[] }[] }[]>('menu');
  const recent = menu
    .find((m) => m.label === 'File')
    ?.submenu?.find((m) => m.label === 'Open Recent')
    ?.submenu?.map((m) => m.label);
  expect(recent?.slice(0, 2)).toEqual([other, sampleVault]);
  const settings = JSON.parse(readFileSync(path.join(app.userData, 'settings.json'), 'utf8')) as { lastVault: string; recentVaults: string[] };
  expect(settings.lastVault).toBe(other);
  expect(settings.recentVaults.slice(0, 2)).toEqual([other, sampleVault]);

  await app.control('clickMenu', ['File', 'Open Recent', sampleVault]);
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).waitFor({ timeout: 30_000 });
  // The last note of the sample vault comes back with it.
  await expectNoteTitle('Encoder Decoder');
});

test('a navigation attempt and window.open are refused; window.open of a web page goes to the OS browser', async () => {
  await page.evaluate(() => {
    location.href = 'https://example.com/navigated';
  });
  await recordsUntil((r) => r.refusedNavigations.includes('https://example.com/navigated'), 'the refused navigation');
  await page.evaluate(() => {
    window.open('https://example.com/popup');
    window.open('https://user:pw@example.com/phish');
  });
  const records = await recordsUntil((r) => r.windowOpens.length >= 2, 'two window.open calls');
  expect(records.windowOpens).toEqual([
    { url: 'https://example.com/popup', action: 'deny' },
    { url: 'https://user:pw@example.com/phish', action: 'deny' },
  ]);
  // Allowed web pages go to the OS browser; a link with credentials does not.
  expect(records.openExternal).toEqual(['https://example.com/popup']);
  expect(records.offlineRequests).toEqual([]);
  expect(records.unsupported).toEqual([]);
  expect(page.url().startsWith(`${APP}/index.html`)).toBe(true);
  // Chromium made the popups before the handler's answer; the shim closes them (docs/release.md).
  const closed = await recordsUntil((r) => r.console.filter((m) => m.type === 'shim-popup-closed').length >= 2, 'both popups closed');
  expect(closed.console.filter((m) => m.type === 'shim-popup-closed')).toHaveLength(2);
  await expectNoteTitle('Encoder Decoder');
});

test('an external link reaches shell.openExternal only for http(s) and mailto', async () => {
  await explorer().getByRole('link', { name: 'Welcome', exact: true }).click();
  await expectNoteTitle('Welcome');
  await note().getByRole('link', { name: 'help.obsidian.md' }).click();
  await recordsUntil((r) => r.openExternal.includes('https://help.obsidian.md/'), 'the clicked link in openExternal');
  const results = await page.evaluate(async () => {
    const api = (window as unknown as { plexus: { openExternal(url: string): Promise<{ ok: boolean }> } }).plexus;
    const urls = [
      'mailto:someone@example.com',
      'http://example.org/page',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@example.com/',
    ];
    return Promise.all(urls.map(async (url) => [url, (await api.openExternal(url)).ok] as const));
  });
  expect(Object.fromEntries(results)).toEqual({
    'mailto:someone@example.com': true,
    'http://example.org/page': true,
    'file:///etc/passwd': false,
    'javascript:alert(1)': false,
    'smb://host/share': false,
    'https://user:pw@example.com/': false,
  });
  const opened = (await app.records()).openExternal;
  expect(opened).toEqual(['https://example.com/popup', 'https://help.obsidian.md/', 'mailto:someone@example.com', 'http://example.org/page']);
  expect(page.url().startsWith(`${APP}/index.html`)).toBe(true);
});

test('an IPC call from a sub-frame is refused, the same call from the app frame answers', async () => {
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>an injected frame</p>';
    frame.title = 'injected';
    document.body.append(frame);
  });
  const frame = await pollUntil(
    async () => page.frames().find((f) => f.url() === 'about:srcdoc') ?? null,
    (f) => f !== null,
  );
  await frame!.waitForSelector('p');
  // The preload runs in the top frame only (nodeIntegrationInSubFrames: false).
  expect(await frame!.evaluate(() => typeof (window as unknown as { plexus?: unknown }).plexus)).toBe('undefined');
  const refused = await rawInvoke(frame!, 'plexus:listFiles', []);
  expect(refused.ok).toBe(false);
  expect(refused.message).toContain('sender is not the Plexus window');
  const answered = await rawInvoke(page.mainFrame(), 'plexus:listFiles', []);
  expect(answered.ok).toBe(true);
  await page.evaluate(() => document.querySelector('iframe[title="injected"]')?.remove());
});

test('values that do not survive structured clone are refused before they reach the main process', async () => {
  const before = (await app.records()).ipcCalls.length;
  const outcomes = await page.evaluate(async () => {
    const api = (window as unknown as { plexus: Record<string, (...args: unknown[]) => Promise<unknown>> }).plexus;
    const attempt = async (arg: unknown) => {
      try {
        await api.readNote(arg);
        return 'sent';
      } catch (error) {
        return (error as Error).message;
      }
    };
    return [await attempt(() => 1), await attempt(document.body), await attempt({ path: 'Welcome.md', f: () => 1 })];
  });
  // A function is proxied by the bridge, a DOM node passes it; IPC's structured clone refuses both.
  expect(outcomes).toEqual(['An object could not be cloned.', 'An object could not be cloned.', 'An object could not be cloned.']);
  expect((await app.records()).ipcCalls.length).toBe(before);
});

test('plexus://vault serves a vault image, and refuses notes and ../', async () => {
  writeFileSync(path.join(app.userData, 'outside.png'), readFileSync(path.join(sampleVault, 'assets', 'attention-diagram.svg')));
  const probe = (url: string) => app.control<{ status: number | null; contentType: string | null }>('probe', url);
  expect(await probe('plexus://vault/assets/attention-diagram.svg')).toEqual({ status: 200, contentType: 'image/svg+xml' });
  expect((await probe('plexus://vault/..%2foutside.png')).status).toBe(400);
  expect((await probe('plexus://vault/assets/..%2f..%2f..%2foutside.png')).status).toBe(400);
  expect((await probe('plexus://vault/Welcome.md')).status).toBe(403);
  expect((await probe('plexus://app/..%2f..%2fvault%2fWelcome.md')).status).toBe(400);
  const svg = (await app.records()).responses.find((r) => r.url === 'plexus://vault/assets/attention-diagram.svg');
  expect(svg?.headers['content-security-policy']).toContain('sandbox');
  expect(existsSync(path.join(app.userData, 'outside.png'))).toBe(true);
});

test('every permission request and check is denied by the session', async () => {
  for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
    expect(await app.control('permission', permission)).toEqual({ requestHandler: true, checkHandler: true, granted: false, checked: false });
  }
});

test('quitting saves the window bounds and the last note; a restart reopens them', async () => {
  await app.stop();
  const settings = JSON.parse(readFileSync(path.join(app.userData, 'settings.json'), 'utf8')) as {
    lastVault: string;
    lastNote: Record<string, string>;
    windowBounds: { width: number };
  };
  expect(settings.lastVault).toBe(sampleVault);
  expect(settings.lastNote[sampleVault]).toBe('Welcome.md');
  expect(settings.windowBounds.width).toBe(1280);
  app = await startApp(built!);
  page = app.page;
  await expectNoteTitle('Welcome');
  await explorer().getByRole('link', { name: 'Transformer', exact: true }).waitFor();
  expect((await app.records()).dialogs).toEqual([]);
});
