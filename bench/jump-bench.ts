/**
 * Jumping to a late heading of a long note, in headless Chromium (/usr/bin/chromium through
 * playwright-core) against the real `plexus serve`: `node scripts/run-ts.cjs bench/jump-bench.ts`.
 * Measures, in the page, from the address change to the heading being drawn and in view:
 * "cold" from another note to `Big#<heading near the end>`, and "same note" from Big's top to
 * that address; with PLEXUS_BENCH_FILL=1 also until the whole note is drawn. It runs this checkout and a base revision (PLEXUS_BENCH_BASE, default `main`,
 * extracted with `git archive` into a temporary folder sharing node_modules) side by side,
 * alternating, so both see the same load. Beside the wall times, the page's main-thread CPU
 * time over the same span (Chromium's ThreadTime metric), which the machine's load inflates less. PLEXUS_BENCH_JUMP_MB sets the note sizes (default
 * "2"), PLEXUS_BENCH_RUNS the runs per case (default 3); PLEXUS_BENCH_BASE=none skips the base.
 * Not a test: the numbers depend on the machine and its load, printed beside them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateRichNote } from './generate-rich-note';

const REPO = join(__dirname, '..');
const SIZES_MB = (process.env.PLEXUS_BENCH_JUMP_MB ?? '2').split(',').map(Number);
const RUNS = Number(process.env.PLEXUS_BENCH_RUNS ?? 3);
const BASE = process.env.PLEXUS_BENCH_BASE ?? 'main';
/** Also wait until the whole note is drawn (minutes for megabytes on a loaded machine). */
const FILL = process.env.PLEXUS_BENCH_FILL === '1';
const temps: string[] = [];

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A checkout of `rev` in a temporary folder, using this checkout's node_modules. */
function baseCheckout(rev: string): string {
  const dir = temp('plexus-jump-base-');
  const archive = execFileSync('git', ['archive', '--format=tar', rev], { cwd: REPO, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(realpathSync(join(REPO, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

interface Served {
  url: string;
  child: ChildProcess;
}

async function serve(root: string, vault: string): Promise<Served> {
  const state = temp('plexus-jump-state-');
  const child = spawn(process.execPath, [join(root, 'bin', 'plexus.cjs'), 'serve', vault, '--parse-budget-ms', '600000'], {
    cwd: root,
    env: { ...process.env, PLEXUS_TEST_HOOKS: '', PLEXUS_CACHE_DIR: state, PLEXUS_DATA_DIR: join(state, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`plexus serve exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/**
 * In the page: sets the address, then waits (each frame) for the element to be in the note
 * pane's view. A string, so that tsx adds no helper the page does not have.
 */
async function timeTo(page: Page, hash: string, id: string): Promise<{ ms: number; h2: number; taskMs: number }> {
  // The renderer's main-thread CPU time (Chromium's ThreadTime): what the jump cost the page, less the other processes' share of the cores.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  const before = await taskTime();
  const shown = await page.evaluate<{ ms: number; h2: number }>(`new Promise((resolve) => {
    const started = performance.now();
    window.location.hash = ${JSON.stringify(hash)};
    const check = () => {
      const el = document.getElementById(${JSON.stringify(id)});
      const pane = document.querySelector('main.note-pane');
      if (el && pane) {
        const box = el.getBoundingClientRect();
        const view = pane.getBoundingClientRect();
        if (box.top >= view.top - 1 && box.top < view.bottom)
          return resolve({ ms: Math.round(performance.now() - started), h2: document.querySelectorAll('main .markdown-body h2').length });
      }
      requestAnimationFrame(check);
    };
    check();
  })`);
  const taskMs = Math.round((await taskTime()) * 1000 - before * 1000);
  await cdp.detach();
  return { ...shown, taskMs };
}

async function main(): Promise<void> {
  const { headingId } = await import('../renderer/src/markdown/slug');
  const roots: [name: string, root: string][] = [['this checkout', REPO]];
  if (BASE !== 'none') roots.unshift([`base (${BASE})`, baseCheckout(BASE)]);
  const browserProfile = temp('plexus-jump-chromium-');
  const context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: process.env.PLEXUS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  for (const mb of SIZES_MB) {
    const vault = temp('plexus-jump-vault-');
    const markdown = generateRichNote(mb * 1024 * 1024);
    const headings = markdown
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    const late = headings[Math.floor(headings.length * 0.95)];
    writeFileSync(join(vault, 'Big.md'), markdown);
    writeFileSync(join(vault, 'Start.md'), '# Start\n\n[[Big]]\n');
    const servers = await Promise.all(roots.map(([, root]) => serve(root, vault)));
    const pages = await Promise.all(servers.map(() => context.newPage()));
    await Promise.all(pages.map((page, i) => page.goto(servers[i].url)));
    await Promise.all(pages.map((page) => page.getByRole('navigation', { name: 'File explorer' }).waitFor({ timeout: 600_000 })));
    const target = `#/note/Big.md#${encodeURIComponent(late)}`;
    const results = roots.map(() => ({
      cold: [] as number[],
      same: [] as number[],
      h2: [] as number[],
      filled: [] as number[],
      coldTask: [] as number[],
      sameTask: [] as number[],
    }));
    for (let run = 0; run < RUNS; run++) {
      for (const [i, page] of pages.entries()) {
        await page.bringToFront();
        await timeTo(page, '#/note/Start.md', headingId('Start'));
        const cold = await timeTo(page, target, headingId(late));
        if (FILL) {
          const filling = performance.now();
          await page.locator('main .markdown-body:not([aria-busy])').waitFor({ timeout: 3_600_000 });
          results[i].filled.push(Math.round(performance.now() - filling + cold.ms));
        }
        await timeTo(page, '#/note/Start.md', headingId('Start'));
        await timeTo(page, '#/note/Big.md', headingId(headings[0]));
        const same = await timeTo(page, target, headingId(late));
        results[i].cold.push(cold.ms);
        results[i].same.push(same.ms);
        results[i].h2.push(cold.h2);
        results[i].coldTask.push(cold.taskMs);
        results[i].sameTask.push(same.taskMs);
      }
    }
    console.log(
      `${(markdown.length / 1024 / 1024).toFixed(1)} MB note, ${headings.length} headings, jump to heading ${headings.indexOf(late) + 1} (load ${loadavg()[0].toFixed(1)}):`,
    );
    roots.forEach(([name], i) => {
      const { cold, same, h2, filled, coldTask, sameTask } = results[i];
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
      console.log(
        `  ${name}: from another note ${cold.join(', ')} ms wall (median ${med(cold)}; main-thread CPU ${coldTask.join(', ')} ms), within the note ${same.join(', ')} ms wall (median ${med(same)}; CPU ${sameTask.join(', ')} ms); h2 drawn at first sight ${h2.join(', ')}${FILL ? `; whole note drawn after ${filled.join(', ')} ms` : ''}`,
      );
    });
    await Promise.all(pages.map((page) => page.close()));
    for (const { child } of servers) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  await context.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });
