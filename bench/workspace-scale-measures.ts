/**
 * The workspace-keys bench's measures of a big vault (#22, "the app at 50k"): full-text search per
 * query, expanding a 5,000-note folder in the file explorer, opening a hub note with thousands of
 * backlinks and scrolling its list, and the renderer's JS heap after a GC.
 *
 * Each time runs from a page event's timeStamp (the key's keydown, the search box's input event, or
 * the hash change that opens a note) to the MutationObserver callback that sees the answer in the
 * DOM. Long tasks (PerformanceObserver 'longtask', over 50 ms) are collected from that event until
 * the page has been quiet for a moment, so "longest task" is the longest the page could not answer
 * input while the view drew. Page scripts are source text (see workspace-keys-bench.ts).
 */
import type { Page } from 'playwright-core';

/** Polls a page expression until it is truthy (the app's CSP forbids waitForFunction's eval). */
export async function waitFor<T>(page: Page, expression: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Starts a clock at the next `startEvent` (capture phase on window) and stops it at the first DOM
// mutation after which window.__scaleDone() is true. Long tasks are kept from the start.
const ARM = `((startEvent) => {
  const state = { start: null, done: null, tasks: [] };
  window.__scale = state;
  const long = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push({ start: e.startTime, duration: e.duration });
  });
  long.observe({ type: 'longtask' });
  state.stop = () => long.disconnect();
  const check = () => {
    if (state.start === null || state.done !== null) return;
    if (!window.__scaleDone()) return;
    state.done = performance.now();
    observer.disconnect();
  };
  const onStart = (e) => {
    if (state.start !== null) return;
    state.start = e.timeStamp;
    window.removeEventListener(startEvent, onStart, { capture: true });
  };
  window.addEventListener(startEvent, onStart, { capture: true });
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})`;

export interface Timed {
  ms: number;
  /** The longest task from the start event until the page settled (0: none over 50 ms). */
  longestTaskMs: number;
}

/** Arms the clock, runs `act` (which must fire `startEvent` in the page), and waits for the answer (`doneExpr`, a page expression). */
async function timed(page: Page, startEvent: string, doneExpr: string, act: () => Promise<void>): Promise<Timed> {
  // The page's CSP forbids eval there, so the check is installed as a function from here.
  await page.evaluate(`window.__scaleDone = () => (${doneExpr})`);
  await page.evaluate(`${ARM}(${JSON.stringify(startEvent)})`);
  await act();
  const ms = await waitFor<number>(page, `(() => { const s = window.__scale; return s.start !== null && s.done !== null ? s.done - s.start : 0; })()`, 120_000);
  // Settled: two animation frames and a task with no long task in between, or 5 s at most.
  await page.evaluate(`new Promise((resolve) => {
    const s = window.__scale; const until = performance.now() + 5000;
    const quiet = () => { const n = s.tasks.length; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => (s.tasks.length === n || performance.now() > until ? resolve() : quiet()), 100))); };
    quiet();
  })`);
  const longestTaskMs = (await page.evaluate(
    `(() => { const s = window.__scale; s.stop(); return s.tasks.filter((t) => t.start + t.duration >= s.start).reduce((m, t) => Math.max(m, t.duration), 0); })()`,
  )) as number;
  return { ms, longestTaskMs };
}

const COUNT = '.search-panel [aria-live="polite"]';

/** Full-text search: each query put in the box as one input event (a paste), until its result count shows. */
export async function measureSearch(page: Page, queries: string[], rounds: number): Promise<{ total: Timed[]; request: number[]; errors: string[] }> {
  await page.keyboard.press('Control+Shift+F');
  const box = page.getByRole('searchbox', { name: 'Search the vault' });
  await box.waitFor();
  const total: Timed[] = [];
  const request: number[] = [];
  const errors: string[] = [];
  // The first search waits for the full-text index, built in the background after the vault
  // opens (a minute and more at 50k on a loaded machine): not what a key costs, so it goes first, untimed.
  const answered = `!!document.querySelector('${COUNT}') || !!document.querySelector('.search-panel [role="alert"]')`;
  const ready = Date.now();
  await box.fill('zzzzq');
  await waitFor(page, answered, 600_000);
  console.log(`  (search index ready ${((Date.now() - ready) / 1000).toFixed(1)} s after the searches began)`);
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      await box.fill('');
      await waitFor(page, `!document.querySelector('${COUNT}') && !document.querySelector('.search-panel [role="alert"]')`);
      await page.evaluate('performance.clearResourceTimings()');
      await box.focus();
      // An error (the search's time limit) is an answer too, counted apart.
      const t = await timed(page, 'input', answered, () => page.keyboard.insertText(q));
      if (await page.evaluate(`!!document.querySelector('.search-panel [role="alert"]')`)) errors.push(q);
      total.push(t);
      const served = (await page.evaluate(
        `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/search')).map((e) => e.responseEnd - e.startTime).pop() ?? -1`,
      )) as number;
      request.push(served);
    }
  }
  await page.keyboard.press('Escape');
  return { total, request, errors };
}

/** Expanding `folder` (ArrowRight on its focused row) until it says expanded and its first note row is in the DOM. */
export async function measureFolderExpand(page: Page, folder: string, rounds: number): Promise<{ times: Timed[]; rowsInDom: number }> {
  const strip = page.getByRole('tablist', { name: 'Left sidebar views' });
  await strip.getByRole('tab', { name: 'Files' }).click();
  const row = `[data-folder="${folder}"]`;
  // Fold every open folder first (the open note's is unfolded): a 5,000-row folder above this
  // one would push its row out of the rendered window.
  const open = `nav[aria-label="File explorer"] [data-folder][aria-expanded="true"]`;
  while (await page.evaluate(`!!document.querySelector('${open}')`)) {
    const before = (await page.evaluate(`document.querySelectorAll('${open}').length`)) as number;
    await page.locator(open).first().click();
    await waitFor(page, `document.querySelectorAll('${open}').length < ${before}`);
  }
  await page.locator(row).waitFor();
  const times: Timed[] = [];
  let rowsInDom = 0;
  const expanded = `document.querySelector('${row}')?.getAttribute('aria-expanded') === 'true'`;
  const firstChild = `document.querySelector('nav[aria-label="File explorer"] a[data-path^="${folder}/"]') !== null`;
  for (let i = 0; i < rounds; i++) {
    await page.locator(row).focus();
    if (await page.evaluate(expanded)) {
      await page.keyboard.press('ArrowLeft');
      await waitFor(page, `!(${expanded})`);
    }
    times.push(await timed(page, 'keydown', `${expanded} && ${firstChild}`, () => page.keyboard.press('ArrowRight')));
    rowsInDom = (await page.evaluate(`document.querySelectorAll('nav[aria-label="File explorer"] [data-row]').length`)) as number;
  }
  return { times, rowsInDom };
}

const GROUPS = `document.querySelectorAll('aside[aria-label="Backlinks"] .backlink-groups > li').length`;

/**
 * Opens the hub (a hash change from another note) until its first backlinks are listed, then
 * scrolls the list's end into view until the next slice is in; `expected` is its first slice.
 */
export async function measureHub(
  page: Page,
  hubPath: string,
  otherPath: string,
  firstSlice: number,
  rounds: number,
): Promise<{ open: Timed[]; scroll: Timed[]; groups: number }> {
  const open: Timed[] = [];
  const scroll: Timed[] = [];
  const href = (p: string) => `#/note/${encodeURIComponent(p)}`;
  let groups = 0;
  for (let i = 0; i < rounds; i++) {
    await page.evaluate(`location.hash = ${JSON.stringify(href(otherPath))}`);
    await waitFor(
      page,
      `${GROUPS} < ${firstSlice} && document.querySelector('main[aria-label="Note"]')?.textContent.includes(${JSON.stringify(otherPath.replace(/^.*\//, '').replace(/\.md$/, ''))})`,
      120_000,
    );
    open.push(await timed(page, 'hashchange', `${GROUPS} >= ${firstSlice}`, () => page.evaluate(`location.hash = ${JSON.stringify(href(hubPath))}`)));
    const before = (await page.evaluate(GROUPS)) as number;
    groups = before;
    if (!(await page.evaluate(`!!document.querySelector('aside[aria-label="Backlinks"] .show-more')`))) continue;
    // A scroll of the sidebar to the list's end: the "Show more" sentinel comes into view.
    scroll.push(
      await timed(page, 'scroll', `${GROUPS} > ${before}`, async () => {
        await page.evaluate(`document.querySelector('aside[aria-label="Backlinks"] .show-more').scrollIntoView()`);
      }),
    );
    groups = (await page.evaluate(GROUPS)) as number;
  }
  return { open, scroll, groups };
}

/** The renderer's JS heap after a full GC (CDP), in MB. */
export async function measureHeap(page: Page): Promise<{ usedMb: number; totalMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return { usedMb: usage.usedSize / 1e6, totalMb: usage.totalSize / 1e6 };
  } finally {
    await cdp.detach();
  }
}

/** Runs `work` under Chromium's CPU profiler and returns the profile (a .cpuprofile's JSON). */
export async function profiled(page: Page, work: () => Promise<void>): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await work();
    const { profile } = await cdp.send('Profiler.stop');
    return profile;
  } finally {
    await cdp.detach();
  }
}
