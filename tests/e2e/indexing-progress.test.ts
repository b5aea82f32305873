/**
 * A big vault opened cold in browser mode: `plexus serve` serves the page while it indexes, the
 * status bar says how far it got and about how long is left, and the notes appear once indexed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault } from '../../bench/generate-vault';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { serveVault, type ServedVault } from './support/serve';

jest.setTimeout(240_000);

// Cold, on one parse worker: several seconds of indexing on any machine, far longer than the page takes to load.
const NOTES = 12_000;

let vaultDir: string;
let browser: LaunchedBrowser;
let served: ServedVault | null = null;

beforeAll(async () => {
  vaultDir = mkdtempSync(join(tmpdir(), 'plexus-e2e-big-'));
  generateVault(join(vaultDir, 'vault'), { notes: NOTES });
  // The browser first, so the race is only the page's load against the index.
  browser = await launchBrowser();
});

afterAll(async () => {
  await served?.stop();
  await browser?.close();
  rmSync(vaultDir, { recursive: true, force: true });
  rmSync(`${join(vaultDir, 'vault')}.bench.json`, { force: true });
});

test('the status bar shows "Indexing done / total · about N s left" while indexing, then the counts; the notes appear once indexed', async () => {
  served = await serveVault(join(vaultDir, 'vault'), ['--no-cache', '--workers', '1']);
  const page = await browser.context.newPage();
  await page.goto(served.url);
  const status = page.locator('.status-bar [role="status"]');
  await status.filter({ hasText: /^Indexing [\d,]+ \/ 12,000 · about \d+ (s|min) left$/ }).waitFor({ timeout: 60_000 });
  const first = Number((await status.textContent())!.match(/Indexing ([\d,]+)/)![1].replace(/,/g, ''));
  expect(first).toBeLessThan(NOTES);
  expect(await page.getByRole('progressbar', { name: 'Indexing progress' }).getAttribute('max')).toBe(String(NOTES));
  // It moves on while the page is open (to a higher count, or straight to the ready counts).
  await page.waitForFunction(
    (shown) => {
      const text = document.querySelector('.status-bar [role="status"]')?.textContent ?? '';
      const done = /^Indexing ([\d,]+)/.exec(text);
      return done === null ? text.includes('notes') : Number(done[1].replace(/,/g, '')) > shown;
    },
    first,
    { timeout: 120_000 },
  );
  await status.filter({ hasText: /^12,000 notes · [\d,]+ links$/ }).waitFor({ timeout: 180_000 });
  await page.getByRole('navigation', { name: 'File explorer' }).getByText('Archive', { exact: true }).waitFor({ timeout: 30_000 });
  expect(served.output()).toMatch(/Indexing 0 \/ 12,000\n/);
  expect(served.output()).toMatch(/plexus: 12000 notes indexed/);
});
