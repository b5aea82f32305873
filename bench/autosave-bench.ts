/**
 * What one autosave costs the page after it, several checkouts side by side in one run:
 * `node scripts/run-ts.cjs bench/autosave-bench.ts`. For each round and checkout it serves a
 * vault holding one generated note (bench/typing-note.ts) with that checkout's `plexus serve`,
 * opens it in Live Preview in headless Chromium, and saves it several times: one key, Ctrl+S, the
 * disk gets it, then a fixed window for the save's answer and the watcher's echo to be handled.
 * Per save it prints the API requests the page sent (readNote among them), the bytes of their
 * answers, and the page's main-thread time (CDP TaskDuration) from the key to the end of the
 * window. The load average is printed with every figure. Not a test: nothing asserts a time.
 *
 * PLEXUS_BENCH_CHECKOUTS  label=dir pairs, comma-separated (default: this checkout, "current")
 * PLEXUS_BENCH_BYTES      the note's size (default 1000000)
 * PLEXUS_BENCH_ROUNDS     rounds (default 2), PLEXUS_BENCH_SAVES saves each (default 5)
 * PLEXUS_BENCH_WINDOW_MS  the window after each save lands on disk (default 1500)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Response } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { benchCheckouts, closeBigNote, openBigNote } from './big-note-page';
import { generateTypingNote } from './typing-note';

const CHECKOUTS = benchCheckouts();
const BYTES = Number(process.env.PLEXUS_BENCH_BYTES ?? 1_000_000);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 2);
const SAVES = Number(process.env.PLEXUS_BENCH_SAVES ?? 5);
const WINDOW_MS = Number(process.env.PLEXUS_BENCH_WINDOW_MS ?? 1500);

const load = () => loadavg()[0].toFixed(1);

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

interface PerSave {
  requests: number;
  readNotes: number;
  answerBytes: number;
  mainMs: number;
}

async function run(browser: Browser, checkout: string, text: string): Promise<PerSave> {
  const opened = await openBigNote(browser, checkout, text);
  const { page } = opened;
  const file = join(opened.dir, 'Big.md');
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const answers: Promise<number>[] = [];
    let readNotes = 0;
    const onResponse = (response: Response) => {
      if (!response.url().includes('/api/')) return;
      if (response.url().endsWith('/api/readNote')) readNotes++;
      answers.push(
        response.body().then(
          (b) => b.length,
          () => 0,
        ),
      );
    };
    page.on('response', onResponse);
    const before = await taskSeconds(cdp);
    for (let i = 0; i < SAVES; i++) {
      await page.keyboard.press('x');
      await page.keyboard.press('Control+s');
      const want = text.length + i + 1;
      for (const deadline = Date.now() + 60_000; readFileSync(file, 'utf8').length < want && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, WINDOW_MS));
    }
    const mainMs = ((await taskSeconds(cdp)) - before) * 1000;
    page.off('response', onResponse);
    const bytes = (await Promise.all(answers)).reduce((a, b) => a + b, 0);
    return { requests: answers.length / SAVES, readNotes: readNotes / SAVES, answerBytes: bytes / SAVES, mainMs: mainMs / SAVES };
  } finally {
    await closeBigNote(opened);
  }
}

async function main(): Promise<void> {
  const text = generateTypingNote(BYTES);
  console.log(`checkouts: ${CHECKOUTS.map((c) => c.label).join(', ')}; ${(text.length / 1e6).toFixed(2)} MB note, ${SAVES} saves per run, ${ROUNDS} rounds`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const checkout of CHECKOUTS) {
        const r = await run(browser, checkout.dir, text);
        console.log(
          `round ${round} ${checkout.label.padEnd(10)} per save: ${r.requests.toFixed(1)} requests (readNote ${r.readNotes.toFixed(1)}), ` +
            `answers ${(r.answerBytes / 1e3).toFixed(0)} KB, main thread ${r.mainMs.toFixed(0)} ms | load ${load()}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
