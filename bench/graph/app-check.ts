/**
 * The real app on a big vault: starts `plexus serve` (fresh state dir), opens it in headless
 * Chromium, opens the graph, switches to Global and records every gap between animation frames
 * over 100 ms while the graph builds, lays out and applies the layout; then, with the same
 * state dir (the layout now remembered), a second session does the same. Screenshots mid-build
 * and after. Not part of `npm run bench:graph`: a check by hand.
 *
 *   node scripts/run-ts.cjs bench/graph/app-check.ts bench/vaults/vault-10000 [--out dir] [--profile]
 *
 * --profile writes a CDP CPU profile per session (from the click on Global to the end) into the
 * out dir, for bench/graph/profile-build.ts-style reading (e.g. in Chromium's DevTools).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { serveVault } from '../../tests/e2e/support/serve';
import { launchBrowser } from './browser-run';

/** The same `plexus serve` start the end-to-end tests use, with a state dir kept across sessions. */
const serve = (vault: string, state: string) => serveVault(vault, ['--port', '0'], state);

const MONITOR = `(() => {
  const w = window;
  w.__gaps = []; w.__marks = [];
  let last = performance.now();
  const tick = (now) => { if (now - last > 100) w.__gaps.push([Math.round(last), Math.round(now - last)]); last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  setInterval(() => {
    const b = document.querySelector('[data-testid="graph-building"]');
    const l = document.querySelector('[data-testid="graph-layout-status"]');
    const text = (b ? b.textContent : '') + '|' + (l ? l.textContent : '');
    const prev = w.__marks[w.__marks.length - 1];
    if (!prev || prev[1] !== text) w.__marks.push([Math.round(performance.now()), text]);
  }, 50);
})();`;

async function session(page: Page, url: string, out: string, name: string, profile: boolean): Promise<void> {
  await page.addInitScript(MONITOR);
  await page.goto(url);
  await page.waitForSelector('text=Graph', { timeout: 120_000 }).catch(() => undefined);
  await page.waitForTimeout(3000);
  await page.keyboard.press('Control+g');
  const global = page.getByRole('button', { name: 'Global' });
  await global.waitFor({ timeout: 60_000 });
  // A big vault opens the local graph once the graph has loaded; a click on Global before that
  // is overridden by it (seen on a loaded machine), so wait for the notice first.
  await page.waitForSelector('text=showing the local graph', { timeout: 60_000 }).catch(() => undefined);
  await page.waitForTimeout(1000);
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const t0 = await page.evaluate(() => performance.now());
  await global.click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, `${name}-mid-build.png`) });
  // Until nothing is building or laying out for 3 s (at most 90 s).
  const deadline = Date.now() + 90_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const busy = await page.evaluate(() => !!document.querySelector('[data-testid="graph-building"],[data-testid="graph-layout-status"]'));
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince > 3000) break;
    await page.waitForTimeout(250);
  }
  // The layout's result is applied after its status note goes (in chunks, one draw at the end):
  // wait until frames have been quick for 3 s (at most 60 s more).
  const settleBy = Date.now() + 60_000;
  while (Date.now() < settleBy) {
    const quiet = await page.evaluate(() => {
      const gaps = (window as any).__gaps as [number, number][]; // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's bench hooks are untyped on this side
      const last = gaps[gaps.length - 1];
      return !last || performance.now() - (last[0] + last[1]) > 3000;
    });
    if (quiet) break;
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: join(out, `${name}-after.png`) });
  if (cdp) {
    const { profile: data } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(data));
  }
  // The page's bench hooks, as the page script sets them.
  const { gaps, marks } = await page.evaluate(() => {
    const hooks = window as unknown as { __gaps: [number, number][]; __marks: [number, string][] };
    return { gaps: hooks.__gaps, marks: hooks.__marks };
  });
  const after = gaps.filter(([t]) => t >= t0 - 50);
  const worst = [...after].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `\n${name}: load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`  frame gaps > 100 ms after clicking Global: ${after.length}; worst: ${worst.map(([t, g]) => `${g} ms at +${Math.round(t - t0)}`).join(', ')}`);
  console.log(`  gaps > 500 ms: ${after.filter(([, g]) => g > 500).length}; total time in gaps > 100 ms: ${after.reduce((s, [, g]) => s + g, 0)} ms`);
  console.log(
    `  status timeline: ${marks
      .filter(([t]) => t >= t0 - 50)
      .map(([t, s]) => `+${Math.round(t - t0)} ${s}`)
      .join(' ; ')}`,
  );
  console.log(`  all gaps: ${after.map(([t, g]) => `+${Math.round(t - t0)}:${g}`).join(' ')}`);
}

async function main(): Promise<void> {
  const vault = resolve(process.argv[2] ?? 'bench/vaults/vault-10000');
  const i = process.argv.indexOf('--out');
  const out = resolve(i > 0 ? process.argv[i + 1] : mkdtempSync(join(tmpdir(), 'plexus-app-check-')));
  mkdirSync(out, { recursive: true });
  const state = mkdtempSync(join(tmpdir(), 'plexus-app-check-state-'));
  const browser = await launchBrowser();
  try {
    for (const name of ['fresh', 'remembered']) {
      const server = await serve(vault, state);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        await session(await context.newPage(), server.url, out, name, process.argv.includes('--profile'));
      } finally {
        await context.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(state, { recursive: true, force: true });
  }
  console.log(`screenshots in ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
