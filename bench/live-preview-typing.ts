/**
 * Typing latency in Live Preview on a 1 MB note: `node --import tsx bench/live-preview-typing.ts`.
 * Serves a vault holding one generated note of mixed markdown (headings, emphasis, links, tags,
 * tasks, math, quotes, tables) with the real `plexus serve`, opens it in Live Preview in headless
 * Chromium, puts the cursor in the middle and types. Each keystroke is timed in the page from its
 * keydown to the frame after the editor's update (a rAF, then a task after it: the paint of that
 * frame has happened by then). Prints p50, p95 and max. Not a test: numbers depend on the
 * machine; nothing here asserts a time. PLEXUS_BENCH_KEYS sets the number of keystrokes (60),
 * PLEXUS_BENCH_BYTES the note's size (1,000,000; 20000 for a small note), and
 * PLEXUS_BENCH_PROFILE a file to write a CPU profile of the typing to (Chrome DevTools format),
 * PLEXUS_BENCH_SETTLE=0 types without waiting for the note to be parsed to its end,
 * PLEXUS_BENCH_OUTLINE=1 shows the right sidebar's Outline (the note's headings) while typing.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { closeBigNote, openBigNote, parseProgress, waitForFullParse } from './big-note-page';
import { installKeystrokeClock } from './keystroke-timing';
import { generateTypingNote } from './typing-note';

const KEYS = Number(process.env.PLEXUS_BENCH_KEYS ?? 60);
/** `source` measures source mode instead, the baseline Live Preview adds to. */
const MODE = process.env.PLEXUS_BENCH_MODE === 'source' ? 'source' : 'live';
const TARGET_BYTES = Number(process.env.PLEXUS_BENCH_BYTES ?? 1_000_000);
const PROFILE = process.env.PLEXUS_BENCH_PROFILE;
/** Typing starts once the whole note is parsed (0: at once, while CodeMirror still parses it in the background). */
const SETTLE = process.env.PLEXUS_BENCH_SETTLE !== '0';
const OUTLINE = process.env.PLEXUS_BENCH_OUTLINE === '1';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const text = generateTypingNote(TARGET_BYTES);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  const opened = await openBigNote(browser, undefined, text, MODE).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const { page } = opened;
  try {
    if (OUTLINE) {
      await page.getByRole('tablist', { name: 'Right sidebar views' }).getByRole('tab', { name: 'Outline' }).click();
      await page.getByRole('region', { name: 'Outline' }).getByRole('button', { name: 'Section 1', exact: true }).waitFor({ timeout: 120_000 });
      console.log(`outline shown: ${await page.getByRole('region', { name: 'Outline' }).locator('.outline-item').count()} rows in the DOM`);
      await page.locator('.cm-content').focus();
      await page.keyboard.press('Control+End');
    }
    for (let i = 0; i < 20; i++) await page.keyboard.press('PageUp');
    await installKeystrokeClock(page);
    const parsed = () => parseProgress(page);
    if (SETTLE) await waitForFullParse(page);
    console.log(`parsed before typing: ${await parsed()}`);
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(i % 12 === 11 ? 'Enter' : 'x');
      await page.waitForFunction((n) => (window as unknown as { lpTimes: number[] }).lpTimes.length > n, i);
    }
    console.log(`parsed after typing: ${await parsed()}`);
    if (cdp && PROFILE) writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const times = (await page.evaluate(() => (window as unknown as { lpTimes: number[] }).lpTimes)).slice(5).sort((a, b) => a - b);
    console.log(`${MODE}: note ${(text.length / 1e6).toFixed(2)} MB, ${text.split('\n').length} lines; ${times.length} keystrokes after 5 warm-up`);
    console.log(
      `keystroke to paint: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
    );
  } finally {
    await closeBigNote(opened);
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
