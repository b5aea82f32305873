/**
 * The editor's view updates per key at a typing pace, several checkouts side by side in one run:
 * `node scripts/run-ts.cjs bench/typing-updates-bench.ts`. For each round and checkout it opens the
 * 10 KB typing note in Live Preview (bench/big-note-page.ts), wraps the view's `update` and
 * `measure`, types 'x' keys with a pause after each, and prints how many updates changed the text,
 * how many did not (effects only: a completion's answer, a parse step), the measures, and the ms
 * spent inside each. The counts do not depend on the load; the ms do (the load is printed).
 * PLEXUS_BENCH_CHECKOUTS label=dir pairs (bench/big-note-page.ts), PLEXUS_BENCH_ROUNDS (default 2),
 * PLEXUS_BENCH_KEYS (default 25), PLEXUS_BENCH_PACE_MS (default 150). Not a test: nothing asserts.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { benchCheckouts, closeBigNote, openBigNote, waitForFullParse } from './big-note-page';
import { generateTypingNote } from './typing-note';

const ROUNDS = Number(process.env.PLEXUS_BENCH_ROUNDS ?? 2);
const KEYS = Number(process.env.PLEXUS_BENCH_KEYS ?? 25);
const PACE_MS = Number(process.env.PLEXUS_BENCH_PACE_MS ?? 150);

interface Counts {
  textUpdates: number;
  otherUpdates: number;
  measures: number;
  textMs: number;
  otherMs: number;
  measureMs: number;
}

/** Installed in the page as a string: the bench's TypeScript build adds helpers a function would not carry. */
const WRAP_VIEW = `(() => {
  const view = document.querySelector('.cm-content').cmTile.root.view;
  const c = (window.typingCounts = { textUpdates: 0, otherUpdates: 0, measures: 0, textMs: 0, otherMs: 0, measureMs: 0 });
  const update = view.update.bind(view);
  view.update = (trs) => {
    const start = performance.now();
    update(trs);
    const ms = performance.now() - start;
    if (trs.some((tr) => tr.docChanged)) { c.textUpdates++; c.textMs += ms; } else { c.otherUpdates++; c.otherMs += ms; }
  };
  const measure = view.measure.bind(view);
  view.measure = (flush) => {
    const start = performance.now();
    measure(flush);
    c.measures++;
    c.measureMs += performance.now() - start;
  };
})()`;

async function main(): Promise<void> {
  const text = generateTypingNote(10_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  console.log(`${KEYS} keys, ${PACE_MS} ms after each key's paint, ${ROUNDS} rounds`);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const checkout of benchCheckouts()) {
        const opened = await openBigNote(browser, checkout.dir, text);
        const { page } = opened;
        try {
          for (let i = 0; i < 20; i++) await page.keyboard.press('PageUp');
          await waitForFullParse(page);
          await page.evaluate(WRAP_VIEW);
          for (let i = 0; i < KEYS; i++) {
            await page.keyboard.press('x');
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
            await page.waitForTimeout(PACE_MS);
          }
          const c = await page.evaluate(() => (window as unknown as { typingCounts: Counts }).typingCounts);
          const per = (n: number) => (n / KEYS).toFixed(2);
          console.log(
            `round ${round} ${checkout.label.padEnd(8)} per key: text updates ${per(c.textUpdates)} (${per(c.textMs)} ms), ` +
              `other updates ${per(c.otherUpdates)} (${per(c.otherMs)} ms), measures ${per(c.measures)} (${per(c.measureMs)} ms) | load ${loadavg()[0].toFixed(1)}`,
          );
        } finally {
          await closeBigNote(opened);
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
