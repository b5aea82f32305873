/**
 * The reading view on a 1 MB note in headless Chromium against the real `plexus serve`:
 * `node scripts/run-ts.cjs bench/reading-view-bench.ts`. Opens the note from another note, at its
 * top and at a heading 90% down (the chunks above it fill in while the scroll anchor holds the
 * place), and prints per run: first content drawn, whole note drawn, the longest task, the link
 * lookup calls, the main thread's task time (a worker's is not in it), and how far the late heading moved from where it was first shown. Not a test:
 * the numbers depend on the machine and its load, printed beside them.
 *
 * PLEXUS_BENCH_REPOS: checkouts to compare, comma-separated (default this one): each is served by
 * its own `bin/plexus.cjs`, and the runs alternate between them so they share the machine's load.
 * PLEXUS_BENCH_RUNS (3), PLEXUS_BENCH_KB (1024), PLEXUS_BENCH_PROFILE=1: the CPU time of the late
 * heading's runs spent in elementFromPoint and getBoundingClientRect (self time, of all samples).
 * PLEXUS_BENCH_TOP=N: the N functions with the most self time while the note opened at its top
 * filled in (where a part's time goes: the pipeline, React, layout read by the scroll anchor).
 * PLEXUS_BENCH_TRACE=<dir>: a Chromium trace of each opening at the top, written there and summed
 * up (the renderer main thread's events by self time: script, style, layout, paint).
 * PLEXUS_BENCH_LATE=0 skips the late heading's case.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { generateRichNote } from './generate-rich-note';
import { summarizeTrace } from './trace-summary';
import { headingId } from '../renderer/src/markdown/slug';

const REPOS = (process.env.PLEXUS_BENCH_REPOS ?? resolve(__dirname, '..')).split(',').map((r) => resolve(r));
const RUNS = Number(process.env.PLEXUS_BENCH_RUNS ?? 3);
const KB = Number(process.env.PLEXUS_BENCH_KB ?? 1024);
const PROFILE = process.env.PLEXUS_BENCH_PROFILE === '1';
const TOP = Number(process.env.PLEXUS_BENCH_TOP ?? 0);
const LATE_CASE = process.env.PLEXUS_BENCH_LATE !== '0';
const TRACE_DIR = process.env.PLEXUS_BENCH_TRACE;

const NOTE = generateRichNote(KB * 1024);
const HEADINGS = NOTE.split('\n')
  .filter((l) => l.startsWith('## '))
  .map((l) => l.slice(3));
const LATE = HEADINGS[Math.floor(HEADINGS.length * 0.9)];

interface Served {
  repo: string;
  url: string;
  stop(): Promise<void>;
}

async function serve(repo: string): Promise<Served> {
  const vault = mkdtempSync(join(tmpdir(), 'plexus-reading-bench-'));
  writeFileSync(join(vault, 'Big.md'), NOTE);
  writeFileSync(join(vault, 'Start.md'), '# Start\n\n[[Big]]\n');
  const state = mkdtempSync(join(tmpdir(), 'plexus-reading-bench-state-'));
  const child: ChildProcess = spawn(process.execPath, [join(repo, 'bin', 'plexus.cjs'), 'serve', vault, '--parse-budget-ms', '600000'], {
    cwd: repo,
    env: { ...process.env, PLEXUS_CACHE_DIR: state, PLEXUS_DATA_DIR: join(state, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) done(match[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`plexus serve (${repo}) exited with ${code}:\n${output}`)));
  });
  return {
    repo,
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(vault, { recursive: true, force: true });
      rmSync(state, { recursive: true, force: true });
    },
  };
}

interface Run {
  firstMs: number;
  doneMs: number;
  longestTaskMs: number;
  /** The late heading's top in the pane when first in view and once all is drawn (px), null when opened at the top. */
  drift: { first: number; done: number } | null;
}

/** Opens Big.md from Start.md (at `heading`, or its top) and times it in the page itself. */
async function openBig(page: Page, heading: string | null): Promise<Run> {
  await page.evaluate(() => (window.location.hash = '#/note/Start.md'));
  await page.getByRole('main', { name: 'Note' }).getByRole('heading', { name: 'Start' }).waitFor({ timeout: 300_000 });
  const hash = `#/note/Big.md${heading ? `#${encodeURIComponent(heading)}` : ''}`;
  // Opened at its top, the first content is its first heading (the note starts with one).
  const id = headingId(heading ?? HEADINGS[0]);
  const late = heading !== null;
  return page.evaluate(
    ({ hash, id, late }) =>
      new Promise<Run>((done) => {
        const started = performance.now();
        let longest = 0;
        const tasks = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.startTime >= started) longest = Math.max(longest, entry.duration);
        });
        tasks.observe({ type: 'longtask', buffered: false });
        const topOf = (el: Element | null): number | null => {
          const pane = document.querySelector('main.note-pane');
          return el && pane ? Math.round(el.getBoundingClientRect().top - pane.getBoundingClientRect().top) : null;
        };
        let firstMs = -1;
        let firstTop: number | null = null;
        const check = () => {
          const body = document.querySelector('main .markdown-body');
          if (!body) return;
          const target = document.getElementById(id);
          if (firstMs < 0 && target) firstMs = performance.now() - started;
          // Where it is once the note view has scrolled to it (it is drawn before that scroll).
          const top = topOf(target);
          const pane = document.querySelector('main.note-pane');
          if (firstTop === null && top !== null && pane && top >= -1 && top < pane.clientHeight) firstTop = top;
          if (firstMs >= 0 && !body.hasAttribute('aria-busy')) {
            observer.disconnect();
            // The last commit's layout and the anchor's correction are done by the next frame.
            requestAnimationFrame(() =>
              setTimeout(() => {
                tasks.disconnect();
                const doneTop = topOf(document.getElementById(id));
                const drift = late && firstTop !== null && doneTop !== null ? { first: firstTop, done: doneTop } : null;
                done({ firstMs: Math.round(firstMs), doneMs: Math.round(performance.now() - started), longestTaskMs: Math.round(longest), drift });
              }, 0),
            );
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
        window.location.hash = hash;
      }),
    { hash, id, late },
  );
}

/**
 * `run` with the page's main-thread task time over it (Chromium's TaskDuration): the window's
 * own share of the work (a worker's is not in it), less bent by the machine's load than wall time.
 */
async function withBusy(page: Page, run: () => Promise<Run>): Promise<Run & { busyMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const task = metrics.find((m) => m.name === 'TaskDuration');
    if (!task) throw new Error('Chromium reported no TaskDuration metric');
    return task.value;
  };
  const before = await taskSeconds();
  const result = await run();
  const busyMs = Math.round(((await taskSeconds()) - before) * 1000);
  await cdp.detach();
  return { ...result, busyMs };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
}

/** Self-time share of the named functions in a CPU profile. */
function shares(profile: { nodes: ProfileNode[]; samples: number[] }, names: string[]): Record<string, string> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    const name = byId.get(sample) ?? '';
    if (names.includes(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return Object.fromEntries(names.map((n) => [n, `${(((counts.get(n) ?? 0) / Math.max(1, profile.samples.length)) * 100).toFixed(1)}%`]));
}

/** The `n` functions with the most self time, as "name file:line share". */
function topSelf(profile: { nodes: (ProfileNode & { callFrame: { url?: string; lineNumber?: number } })[]; samples: number[] }, n: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    const frame = byId.get(sample);
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber ?? ''}:${(frame as { columnNumber?: number }).columnNumber ?? ''}`
      : '?';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => `${name} ${((count / Math.max(1, profile.samples.length)) * 100).toFixed(1)}%`);
}

async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
    await cdp.detach();
    return profile;
  };
}

async function measure(browser: Browser, page: Page, served: Served, run: number): Promise<void> {
  const calls = { single: 0, batched: 0 };
  const count = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/resolveLink') calls.single++;
    if (path === '/api/resolveLinks') calls.batched++;
  };
  page.on('request', count);
  // A fresh page each time: no link answers or drawn chunks kept from the run before.
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 300_000 });
  const stopTop = TOP > 0 ? await startProfile(page) : null;
  const tracePath = TRACE_DIR ? join(TRACE_DIR, `top-${REPOS.indexOf(served.repo)}-${run}.json`) : null;
  if (tracePath) {
    mkdirSync(TRACE_DIR!, { recursive: true });
    await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'v8.execute', 'blink'] });
  }
  const top = await withBusy(page, () => openBig(page, null));
  if (tracePath) {
    await browser.stopTracing();
    console.log(summarizeTrace(JSON.parse(readFileSync(tracePath, 'utf8')), 1, 16).replace('ms per key', 'ms in all'));
  }
  const topProfile = stopTop ? await stopTop() : null;
  const topCalls = { ...calls };
  if (!LATE_CASE) {
    page.off('request', count);
    console.log(
      `${served.repo} run ${run}: top: first content ${top.firstMs} ms, whole note ${top.doneMs} ms (main thread busy ${top.busyMs} ms), longest task ${top.longestTaskMs} ms, ` +
        `lookups ${topCalls.single} single + ${topCalls.batched} batched (load ${loadavg()[0].toFixed(1)})`,
    );
    if (topProfile) console.log(`  self time: ${topSelf(topProfile, TOP).join('; ')}`);
    return;
  }
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 300_000 });
  const stopLate = PROFILE ? await startProfile(page) : null;
  const late = await withBusy(page, () => openBig(page, LATE));
  const profile = stopLate ? await stopLate() : null;
  page.off('request', count);
  const load = loadavg()[0].toFixed(1);
  console.log(
    `${served.repo} run ${run}: top: first content ${top.firstMs} ms, whole note ${top.doneMs} ms (main thread busy ${top.busyMs} ms), longest task ${top.longestTaskMs} ms, ` +
      `lookups ${topCalls.single} single + ${topCalls.batched} batched; late heading: first shown ${late.firstMs} ms, whole note ${late.doneMs} ms (busy ${late.busyMs} ms), ` +
      `longest task ${late.longestTaskMs} ms, its top ${late.drift?.first} -> ${late.drift?.done} px` +
      `${profile ? `, self time ${JSON.stringify(shares(profile, ['elementFromPoint', 'getBoundingClientRect']))}` : ''} (load ${load})`,
  );
  if (topProfile) console.log(`  top: self time: ${topSelf(topProfile, TOP).join('; ')}`);
}

async function main(): Promise<void> {
  console.log(
    `note: ${Math.round(NOTE.length / 1024)} KB, ${HEADINGS.length} headings, late heading "${LATE}"; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const servers: Served[] = [];
  // One at a time: a first start builds the CLI and the renderer of its checkout.
  for (const repo of REPOS) servers.push(await serve(repo));
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    // This file runs through tsx, which names functions with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f;');
    await page.setViewportSize({ width: 1200, height: 800 });
    // The page's warnings and errors (a markdown worker that did not start says so there).
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') console.log(`  page ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    for (let run = 1; run <= RUNS; run++) for (const served of servers) await measure(browser.browser, page, served, run);
  } finally {
    await browser.close();
    for (const served of servers) await served.stop();
  }
  console.log(
    `load at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

void main();
