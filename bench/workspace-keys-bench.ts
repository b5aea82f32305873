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
 * - search, explorer, hub, heap (workspace-scale-measures.ts): full-text search per query, a
 *   5,000-note folder expanded, the hub note (Hub.md, linked from a tenth of the notes, 5,000 at
 *   most) opened and its backlinks scrolled, the renderer's heap after a GC.
 *
 * PLEXUS_BENCH_CHECKOUT serves another checkout's build (a base commit, side by side);
 * PLEXUS_BENCH_ONLY=search runs the search phase alone (the keyboard views and the later measures skipped);
 * PLEXUS_BENCH_ONLY=tags runs the tags' first show after a page load and their show again alone,
 * PLEXUS_BENCH_TAG_RUNS=<n> times n page loads of them (default the rounds, 5 at most);
 * PLEXUS_BENCH_QUERIES='a|b' searches those queries instead of the five below;
 * PLEXUS_BENCH_PROFILE=<file> writes a Chromium CPU profile of the switcher's typing, and
 * <file>.hub / <file>.tags of the hub's first open and the tags' first show after a page load;
 * PLEXUS_BENCH_TRACE=<file> writes a Chromium trace of one more open of the hub, before the timed
 * ones, and prints its longest tasks; PLEXUS_BENCH_SEARCH=0 leaves out the search (its first query waits minutes for the index).
 * Prints p50 / p90 / max per measure. Not a test: nothing here asserts a time.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateVault, HUB_PATH, notePath } from './generate-vault';
import { measureFolderExpand, measureHeap, measureHub, measureSearch, profiled, waitFor, type Timed } from './workspace-scale-measures';
import { longestTasks } from './trace-summary';
import { launchBrowser } from '../tests/e2e/support/browser';
import { serveVault } from '../tests/e2e/support/serve';

const NOTES = Number(process.argv[2] ?? 10_000);
const HUB_BACKLINKS = Math.min(5_000, Math.floor(NOTES / 10));
const CHECKOUT = process.env.PLEXUS_BENCH_CHECKOUT;
const PROFILE = process.env.PLEXUS_BENCH_PROFILE;
const ROUNDS = Number(process.env.PLEXUS_BENCH_RUNS ?? 10);
const SEARCH_ONLY = process.env.PLEXUS_BENCH_ONLY === 'search';
const TAGS_ONLY = process.env.PLEXUS_BENCH_ONLY === 'tags';
const SEARCH = process.env.PLEXUS_BENCH_SEARCH !== '0';
const TRACE = process.env.PLEXUS_BENCH_TRACE;
const TAG_ROUNDS = Number(process.env.PLEXUS_BENCH_TAG_RUNS ?? Math.min(ROUNDS, 5));

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

/**
 * Arms the page to time the next keydown until `selector` matches with options or buttons in it
 * (open) or the element it matches changes (change); returns a function that waits for that and
 * gives the milliseconds.
 */
async function arm(page: Page, selector: string, watch: Watch): Promise<() => Promise<number>> {
  await page.evaluate(`${ARM_SCRIPT}(${JSON.stringify([selector, watch])})`);
  return () => waitFor<number>(page, DONE_SCRIPT, 120_000);
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
  if (values.length === 0) return `${name.padEnd(34)} n=  0`;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `${name.padEnd(34)} n=${String(values.length).padStart(3)}  p50 ${at(0.5).toFixed(1).padStart(6)} ms  p90 ${at(0.9).toFixed(1).padStart(6)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(6)} ms`;
}

function reportTimed(name: string, values: Timed[]): string[] {
  return [
    report(
      name,
      values.map((v) => v.ms),
    ),
    report(
      `  longest task`,
      values.map((v) => v.longestTaskMs),
    ),
  ];
}

/** Runs `work` under the CPU profiler and writes the profile to `file`. */
async function profiledTo<T>(page: Page, file: string, work: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  const profile = await profiled(page, async () => {
    result = await work();
  });
  writeFileSync(file, JSON.stringify(profile));
  return result as T;
}

async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('main', { name: 'Note' }).waitFor({ timeout: 120_000 });
  await waitFor(page, `document.querySelectorAll('[role="tablist"][aria-label="Left sidebar views"] [role="tab"]').length > 0`, 120_000);
}

/** The explorer's folder expand, the hub's open and scroll, and the heap after them; each prints as it ends, so a later one failing keeps the figures before it. */
async function measureViews(page: Page, browser: Browser, heapOpenedMb: number, load: () => string): Promise<void> {
  const folder = await measureFolderExpand(page, 'Concepts', Math.min(ROUNDS, 6));
  for (const line of reportTimed(`expand Concepts (${NOTES / 10} notes)`, folder.times)) console.log(line);
  console.log(`  explorer rows in the DOM after: ${folder.rowsInDom}`);
  const hubRounds = Math.min(ROUNDS, 5);
  if (TRACE) {
    await browser.startTracing(page, { path: TRACE, categories: ['devtools.timeline', 'v8.execute', 'blink'] });
    await measureHub(page, HUB_PATH, notePath(NOTES - 1), Math.min(100, HUB_BACKLINKS), 1);
    await browser.stopTracing();
    console.log(`traced open of the hub, longest tasks:\n${longestTasks(JSON.parse(readFileSync(TRACE, 'utf8')) as Parameters<typeof longestTasks>[0])}`);
  }
  const hub = PROFILE
    ? await profiledTo(page, `${PROFILE}.hub`, () => measureHub(page, HUB_PATH, notePath(NOTES - 1), Math.min(100, HUB_BACKLINKS), 1))
    : await measureHub(page, HUB_PATH, notePath(NOTES - 1), Math.min(100, HUB_BACKLINKS), hubRounds);
  for (const line of reportTimed(`open hub (${HUB_BACKLINKS} backlinks)`, hub.open)) console.log(line);
  for (const line of reportTimed('hub backlinks, scroll to end', hub.scroll)) console.log(line);
  console.log(`  backlink groups in the DOM after one scroll: ${hub.groups}`);
  const heapUsed = await measureHeap(page);
  console.log(`renderer heap after GC: opened ${heapOpenedMb.toFixed(1)} MB, after the measures ${heapUsed.usedMb.toFixed(1)} MB (load ${load()})`);
}

async function main(): Promise<void> {
  const vault = generateVault(join(tmpdir(), `plexus-bench-keys-${NOTES}-hub${HUB_BACKLINKS}`), { notes: NOTES, hubBacklinks: HUB_BACKLINKS });
  const load = () => readFileSync('/proc/loadavg', 'utf8').trim();
  console.log(`workspace keys bench: ${NOTES} notes, ${ROUNDS} rounds, ${CHECKOUT ?? 'this checkout'}, load ${load()}`);
  // One state folder per checkout and vault, kept between runs: the second run opens warm.
  const state = join(tmpdir(), `plexus-bench-keys-state-${NOTES}-${(CHECKOUT ?? 'self').replace(/[^a-z0-9]+/gi, '-')}`);
  mkdirSync(state, { recursive: true });
  const served = await serveVault(vault, [], state, CHECKOUT);
  const browser = await launchBrowser();
  const created: string[] = [];
  try {
    const page = await browser.context.newPage();
    await page.goto(served.url, { timeout: 180_000 });
    await waitForApp(page);
    // The tags read ahead and the first file list settle before anything is timed.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const heapOpened = await measureHeap(page);
    const m: Record<string, number[]> = {
      paletteOpen: [],
      paletteType: [],
      switcherOpen: [],
      switcherType: [],
      switcherFirstOpen: [],
      tagsFirst: [],
      tagsAgain: [],
    };

    for (let i = 0; i < (SEARCH_ONLY || TAGS_ONLY ? 0 : ROUNDS); i++) {
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
      if (PROFILE && i === 1) {
        const profile = await profiled(page, () => typeTimed(page, 'note 0421', SWITCHER, m.switcherType));
        writeFileSync(PROFILE, JSON.stringify(profile));
      } else {
        await typeTimed(page, 'note 0421', SWITCHER, m.switcherType);
      }
      await page.keyboard.press('Escape');
    }

    if (!SEARCH_ONLY && !TAGS_ONLY) {
      console.log(report('palette open (Ctrl+P)', m.paletteOpen));
      console.log(report('palette type (per key)', m.paletteType));
      console.log(report('switcher open (Ctrl+O), cached', m.switcherOpen));
      console.log(report('switcher open, file list changed', m.switcherFirstOpen));
      console.log(report('switcher type (per key)', m.switcherType));
    }
    // Search first: its first query waits for the background full-text index, after which the
    // server is idle for the measures that follow.
    if ((SEARCH && !TAGS_ONLY) || SEARCH_ONLY) {
      const queries = process.env.PLEXUS_BENCH_QUERIES?.split('|') ?? [
        'gradient',
        'attention embedding',
        '"learning rate"',
        'tag:#topic/graph',
        'vector -matrix',
      ];
      const search = await measureSearch(page, queries, Math.min(ROUNDS, 3));
      for (const line of reportTimed('search (paste to count shown)', search.total)) console.log(line);
      console.log(report('  search request (server)', search.request));
      queries.forEach((q, k) => {
        const of = search.total.filter((_, i) => i % queries.length === k);
        console.log(
          report(
            `  ${q}`,
            of.map((t) => t.ms),
          ),
        );
      });
      console.log(`  search errors (time limit): ${search.errors.length ? search.errors.join(', ') : 'none'}`);
    }
    if (SEARCH_ONLY) return;
    if (!TAGS_ONLY) await measureViews(page, browser.browser, heapOpened.usedMb, load);

    for (let i = 0; i < TAG_ROUNDS; i++) {
      const strip = page.getByRole('tablist', { name: 'Left sidebar views' });
      if (i > 0) {
        // Saved with Files shown, so the reloaded page has not mounted the Tags view yet.
        await strip.getByRole('tab', { name: 'Files' }).click();
        await page.reload();
        await waitForApp(page);
      }
      await strip.getByRole('tab', { name: 'Bookmarks' }).click();
      const first = () => timeKey(page, 'ArrowRight', ALL_TAGS, 'open');
      m.tagsFirst.push(PROFILE && i === 1 ? await profiledTo(page, `${PROFILE}.tags`, first) : await first());
      for (let j = 0; j < 3; j++) {
        await page.keyboard.press('ArrowLeft');
        await waitFor(page, `document.getElementById('sidebar-panel-tags')?.hidden === true`);
        m.tagsAgain.push(await timeKey(page, 'ArrowRight', '#sidebar-panel-tags:not([hidden]) [aria-label="All tags"]', 'open'));
      }
    }
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
