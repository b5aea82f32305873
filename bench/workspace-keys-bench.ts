/**
 * Keystroke latency of the workspace's keyboard views on a 10k-note vault:
 * `node scripts/run-ts.cjs bench/workspace-keys-bench.ts [notes]`.
 *
 * The real `plexus serve` on a generated vault (generate-vault.ts), Debian's headless Chromium
 * (playwright-core), real key presses. Each figure is the time from the key's keydown event (its
 * timeStamp, the page's clock) to the first DOM change that shows the answer, seen by a
 * MutationObserver: for an open, the dialog listing its first options; for a typed character,
 * the end of the input event's task, by when React has rendered and committed the new list. The
 * paint that follows is not included.
 *
 * - palette open / type: Ctrl+P, then each character of a command name;
 * - switcher open / type: Ctrl+O, then each character of a note title; its first open after the
 *   file list changed (a note created) is reported apart, as the cost every open had before the
 *   switcher's items were cached by file list;
 * - all tags: the left sidebar's Tags tab reached with a keystroke (ArrowRight from Bookmarks),
 *   first shown after a page load (mounting it and reading every tag) and shown again.
 *
 * Prints p50 / p90 / max per measure. Not a test: nothing here asserts a time.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateVault } from './generate-vault';
import { launchBrowser } from '../tests/e2e/support/browser';
import { serveVault } from '../tests/e2e/support/serve';

const NOTES = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.env.PLEXUS_BENCH_RUNS ?? 10);

type Watch = 'open' | 'change';

// Page scripts go as source text: tsx would wrap functions passed to page.evaluate with a
// helper (__name) that does not exist in the page.
const ARM_SCRIPT = `(([sel, mode]) => {
  const state = { key: null, done: null };
  window.__bench = state;
  const ready = () => {
    const el = document.querySelector(sel);
    return mode === 'open' && !!el && el.querySelector('[role="option"], button') !== null;
  };
  const onKey = (e) => {
    if (state.key === null) state.key = e.timeStamp;
  };
  window.addEventListener('keydown', onKey, { capture: true });
  if (mode === 'change') {
    // React renders a typed character synchronously, in the input event's task (a discrete
    // update); a message posted from the window's input listener, which runs after React's,
    // lands once that render and its commit are done, whether or not the list changed.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      state.done = performance.now();
      channel.port1.close();
    };
    window.addEventListener('input', () => channel.port2.postMessage(0), { once: true });
    window.addEventListener('keydown', () => window.removeEventListener('keydown', onKey, { capture: true }), { once: true });
    return;
  }
  const observer = new MutationObserver((records) => {
    if (state.key === null || state.done !== null) return;
    const target = document.querySelector(sel);
    const hit = mode === 'open' ? ready() : !!target && records.some((r) => target.contains(r.target));
    if (!hit) return;
    state.done = performance.now();
    observer.disconnect();
    window.removeEventListener('keydown', onKey, { capture: true });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})`;

const DONE_SCRIPT = `(() => { const b = window.__bench; return b && b.key !== null && b.done !== null ? b.done - b.key : null; })()`;

/** Polls a page expression until it is truthy (the app's CSP forbids the page-side eval that waitForFunction uses for source text). */
async function waitFor<T>(page: Page, expression: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Arms the page to time the next keydown until `selector` matches with options or buttons in it
 * (open) or the element it matches changes (change); returns a function that waits for that and
 * gives the milliseconds.
 */
async function arm(page: Page, selector: string, watch: Watch): Promise<() => Promise<number>> {
  await page.evaluate(`${ARM_SCRIPT}(${JSON.stringify([selector, watch])})`);
  return () => waitFor<number>(page, DONE_SCRIPT);
}

async function timeKey(page: Page, key: string, selector: string, watch: Watch): Promise<number> {
  const wait = await arm(page, selector, watch);
  await page.keyboard.press(key);
  return wait();
}

const PALETTE = '[role="dialog"][aria-label="Command palette"] [role="listbox"]';
const SWITCHER = '[role="dialog"][aria-label="Quick switcher"] [role="listbox"]';
const ALL_TAGS = '#sidebar-panel-tags [aria-label="All tags"]';

async function typeTimed(page: Page, text: string, selector: string, into: number[]): Promise<void> {
  for (const ch of text) into.push(await timeKey(page, ch, selector, 'change'));
}

function report(name: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `${name.padEnd(34)} n=${String(values.length).padStart(3)}  p50 ${at(0.5).toFixed(1).padStart(6)} ms  p90 ${at(0.9).toFixed(1).padStart(6)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(6)} ms`;
}

async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('main', { name: 'Note' }).waitFor({ timeout: 120_000 });
  await waitFor(page, `document.querySelectorAll('[role="tablist"][aria-label="Left sidebar views"] [role="tab"]').length > 0`, 120_000);
}

async function main(): Promise<void> {
  const vault = generateVault(join(tmpdir(), `plexus-bench-keys-${NOTES}`), { notes: NOTES });
  console.log(`workspace keys bench: ${NOTES} notes, ${ROUNDS} rounds, load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const served = await serveVault(vault);
  const browser = await launchBrowser();
  const created: string[] = [];
  try {
    const page = await browser.context.newPage();
    await page.goto(served.url);
    await waitForApp(page);
    const m: Record<string, number[]> = {
      paletteOpen: [],
      paletteType: [],
      switcherOpen: [],
      switcherType: [],
      switcherFirstOpen: [],
      tagsFirst: [],
      tagsAgain: [],
    };

    for (let i = 0; i < ROUNDS; i++) {
      m.paletteOpen.push(await timeKey(page, 'Control+p', PALETTE, 'open'));
      await typeTimed(page, 'split', PALETTE, m.paletteType);
      await page.keyboard.press('Escape');

      if (i % 3 === 0) {
        // A new note changes the file list: the next open reads the switcher's items afresh.
        const name = `Bench switcher ${i}.md`;
        writeFileSync(join(vault, name), `# Bench switcher ${i}\n`);
        created.push(join(vault, name));
        // Time for the watcher's batch to reach the page (the explorer draws only the rows in
        // view, so there is nothing certain to wait on); a late batch only makes this a hit.
        await new Promise((resolve) => setTimeout(resolve, 2500));
        m.switcherFirstOpen.push(await timeKey(page, 'Control+o', SWITCHER, 'open'));
      } else {
        m.switcherOpen.push(await timeKey(page, 'Control+o', SWITCHER, 'open'));
      }
      await typeTimed(page, 'note 0421', SWITCHER, m.switcherType);
      await page.keyboard.press('Escape');
    }

    for (let i = 0; i < Math.min(ROUNDS, 5); i++) {
      const strip = page.getByRole('tablist', { name: 'Left sidebar views' });
      if (i > 0) {
        // Saved with Files shown, so the reloaded page has not mounted the Tags view yet.
        await strip.getByRole('tab', { name: 'Files' }).click();
        await page.reload();
        await waitForApp(page);
      }
      await strip.getByRole('tab', { name: 'Bookmarks' }).click();
      m.tagsFirst.push(await timeKey(page, 'ArrowRight', ALL_TAGS, 'open'));
      for (let j = 0; j < 3; j++) {
        await page.keyboard.press('ArrowLeft');
        await waitFor(page, `document.getElementById('sidebar-panel-tags')?.hidden === true`);
        m.tagsAgain.push(await timeKey(page, 'ArrowRight', '#sidebar-panel-tags:not([hidden]) [aria-label="All tags"]', 'open'));
      }
    }

    console.log(report('palette open (Ctrl+P)', m.paletteOpen));
    console.log(report('palette type (per key)', m.paletteType));
    console.log(report('switcher open (Ctrl+O), cached', m.switcherOpen));
    console.log(report('switcher open, file list changed', m.switcherFirstOpen));
    console.log(report('switcher type (per key)', m.switcherType));
    console.log(report('all tags, first shown', m.tagsFirst));
    console.log(report('all tags, shown again', m.tagsAgain));
  } finally {
    for (const f of created) rmSync(f, { force: true });
    await browser.close();
    await served.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
