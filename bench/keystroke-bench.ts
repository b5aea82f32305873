/**
 * Keystroke to paint in Live Preview, several checkouts side by side in one run:
 * `node scripts/run-ts.cjs bench/keystroke-bench.ts`. For each round, note size and checkout it
 * serves a vault holding one generated note (bench/typing-note.ts) with that checkout's
 * `plexus serve`, opens it in Live Preview in headless Chromium, puts the caret 20 pages above
 * the end and types (bench/keystroke-timing.ts: keydown to paint, main-thread time per key).
 * Each round also types into the floor: a bare contenteditable page holding the small note, what
 * the loaded machine allows at all. The load average is printed with every figure. Not a test:
 * nothing asserts a time.
 *
 * PLEXUS_BENCH_CHECKOUTS  label=dir pairs, comma-separated (default: this checkout, "current")
 * PLEXUS_BENCH_SIZES      note sizes in bytes (default 10000,1000000)
 * PLEXUS_BENCH_ROUNDS     rounds (default 2), PLEXUS_BENCH_KEYS keystrokes each (default 60)
 * PLEXUS_BENCH_PACE_MS  a pause after each key's paint (default 0: the next key at once); 150 is a
 *                         person's pace, where timers the editor sets after a key fall inside the run
 * PLEXUS_BENCH_TRACE      a file to write a Chromium trace of the last checkout's largest note in
 *                         round 1 to; a summary of its main-thread events per key is printed
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { benchCheckouts, closeBigNote, openBigNote, waitForFullParse } from './big-note-page';
import { openFloorPage, percentile, typeAndTime, WARM_UP_KEYS, type KeystrokeTimes } from './keystroke-timing';
import { generateTypingNote } from './typing-note';
import { summarizeTrace } from './trace-summary';

const CHECKOUTS = benchCheckouts();
const SIZES = (process.env.PLEXUS_BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 2);
const KEYS = Number(process.env.PLEXUS_BENCH_KEYS ?? 60);
const TRACE = process.env.PLEXUS_BENCH_TRACE;
const PACE_MS = Number(process.env.PLEXUS_BENCH_PACE_MS ?? 0);

const load = () => loadavg()[0].toFixed(1);

function line(what: string, t: KeystrokeTimes): string {
  const p = (n: number) => percentile(t.paint, n).toFixed(1);
  return (
    `${what.padEnd(28)} paint p50 ${p(50).padStart(6)}  p95 ${p(95).padStart(6)}  max ${t.paint[t.paint.length - 1].toFixed(1).padStart(6)} ms | ` +
    `main thread ${t.mainPerKey.toFixed(1)} ms/key (script ${t.scriptPerKey.toFixed(1)}, style+layout ${t.layoutPerKey.toFixed(1)}) | load ${load()}`
  );
}

async function floor(browser: Browser, text: string): Promise<KeystrokeTimes> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    await openFloorPage(page, text);
    return await typeAndTime(page, KEYS, await page.context().newCDPSession(page), PACE_MS);
  } finally {
    await page.close();
  }
}

async function plexus(browser: Browser, checkout: string, text: string, trace: string | null): Promise<KeystrokeTimes & { parsed: boolean }> {
  const opened = await openBigNote(browser, checkout, text);
  const { page } = opened;
  try {
    for (let i = 0; i < 20; i++) await page.keyboard.press('PageUp');
    const done = await waitForFullParse(page);
    if (trace)
      await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
    const times = await typeAndTime(page, KEYS, await page.context().newCDPSession(page), PACE_MS);
    if (trace) await browser.stopTracing();
    return { ...times, parsed: done };
  } finally {
    await closeBigNote(opened);
  }
}

async function main(): Promise<void> {
  const notes = new Map(SIZES.map((size) => [size, generateTypingNote(size)]));
  const small = notes.get(Math.min(...SIZES))!;
  console.log(
    `checkouts: ${CHECKOUTS.map((c) => `${c.label}=${c.dir}`).join(', ')}; ${KEYS} keys (${WARM_UP_KEYS} warm-up) per run, ${PACE_MS} ms between keys, ${ROUNDS} rounds`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}`);
      console.log(line(`floor ${(small.length / 1e3).toFixed(0)} KB contenteditable`, await floor(browser, small)));
      for (const [size, text] of notes) {
        for (const [i, checkout] of CHECKOUTS.entries()) {
          const trace = TRACE && round === 1 && size === Math.max(...SIZES) && i === CHECKOUTS.length - 1 ? TRACE : null;
          const label = `${checkout.label} ${size >= 1e6 ? `${(text.length / 1e6).toFixed(2)} MB` : `${(text.length / 1e3).toFixed(0)} KB`}`;
          const times = await plexus(browser, checkout.dir, text, trace);
          // Not parsed to its end within the wait: CodeMirror's background parse shares the keystrokes' time.
          console.log(line(times.parsed ? label : `${label} (unparsed)`, times));
          if (trace) console.log(summarizeTrace(JSON.parse(readFileSync(trace, 'utf8')), KEYS));
        }
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
