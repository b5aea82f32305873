/**
 * Times keystrokes in a page the same way for any editor (Plexus's or a bare contenteditable):
 * each from its keydown to the task after the next frame (a rAF, then a task: that frame's
 * paint has happened), and the main thread's busy time per key from CDP's Performance metrics
 * (TaskDuration: every task on the renderer's main thread, idle-time work included).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface KeystrokeTimes {
  /** Keydown to paint, ms, after the warm-up keys, sorted. */
  paint: number[];
  /** Main-thread task time per key, ms (over the measured keys). */
  mainPerKey: number;
  /** Of which script, ms per key. */
  scriptPerKey: number;
  /** Of which style and layout, ms per key. */
  layoutPerKey: number;
}

export const WARM_UP_KEYS = 5;

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * From here on, every key's time from its keydown to the frame that shows it (the task after the
 * next animation frame) is pushed onto `window.lpTimes`.
 */
export async function installKeystrokeClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { lpTimes: number[] };
    w.lpTimes = [];
    window.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.lpTimes.push(performance.now() - start), 0));
      },
      true,
    );
  });
}

/**
 * Types `keys` keys ('x', Enter every 12th) into the focused element, one at a time, each waited
 * for; with `paceMs`, that long after each key's paint before the next (a person's typing pace,
 * so work the editor defers past a key, its timers, falls between the keys and is counted).
 */
export async function typeAndTime(page: Page, keys: number, cdp: CDPSession, paceMs = 0): Promise<KeystrokeTimes> {
  await installKeystrokeClock(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const press = async (i: number) => {
    await page.keyboard.press(i % 12 === 11 ? 'Enter' : 'x');
    await page.waitForFunction((n) => (window as unknown as { lpTimes: number[] }).lpTimes.length > n, i);
    if (paceMs > 0) await page.waitForTimeout(paceMs);
  };
  for (let i = 0; i < WARM_UP_KEYS; i++) await press(i);
  const before = await metrics(cdp);
  for (let i = WARM_UP_KEYS; i < keys; i++) await press(i);
  const after = await metrics(cdp);
  const measured = keys - WARM_UP_KEYS;
  const perKey = (...names: string[]) => (names.reduce((sum, name) => sum + (after[name] - before[name]), 0) * 1000) / measured;
  const paint = (await page.evaluate(() => (window as unknown as { lpTimes: number[] }).lpTimes)).slice(WARM_UP_KEYS).sort((a, b) => a - b);
  return {
    paint,
    mainPerKey: perKey('TaskDuration'),
    scriptPerKey: perKey('ScriptDuration'),
    layoutPerKey: perKey('RecalcStyleDuration', 'LayoutDuration'),
  };
}

/** The floor: a bare contenteditable holding `text` (one div a line), caret in the middle. */
export async function openFloorPage(page: Page, text: string): Promise<void> {
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><div id="ed" contenteditable="true" style="white-space:pre-wrap;font:16px sans-serif;padding:8px"></div></body></html>',
  );
  await page.evaluate((t) => {
    const ed = document.getElementById('ed')!;
    const fragment = document.createDocumentFragment();
    for (const line of t.split('\n')) {
      const div = document.createElement('div');
      div.textContent = line;
      fragment.append(div);
    }
    ed.append(fragment);
    ed.focus();
    const middle = ed.children[Math.floor(ed.children.length / 2)];
    const range = document.createRange();
    range.selectNodeContents(middle);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    middle.scrollIntoView({ block: 'center' });
  }, text);
}
