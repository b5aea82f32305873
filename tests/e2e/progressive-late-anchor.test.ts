/**
 * A 1 MB note opened from another note at its last heading: the parts above it fill in (some 200
 * of them), each replacing a placeholder of an estimated height, while blocks out of view are
 * skipped by the browser (`content-visibility: auto`, sized by a stand-in until first shown). The
 * scroll anchor must keep the heading where the note view put it through all of it. A 256 KB note
 * did not show the loss this guards against; the whole 1 MB did. Waits are on state; the page
 * itself records where the heading is on every frame while the note fills in.
 */
import type { Page } from 'playwright-core';
import { openServedApp, type ServedApp } from './support/served-app';
import { generateRichNote } from '../../bench/generate-rich-note';
import { headingId } from '../../renderer/src/markdown/slug';

// A 1 MB note fills in over minutes on a loaded two-core machine; every wait below is on state.
jest.setTimeout(1_200_000);

const NOTE = generateRichNote(1024 * 1024);
const HEADINGS = NOTE.split('\n')
  .filter((l) => l.startsWith('## '))
  .map((l) => l.slice(3));

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({
    vault: { 'Big.md': NOTE, 'Start.md': '# Start\n\n[[Big]]\n' },
    // However loaded the machine, the note is parsed in full (a slow parse would show it in safe mode, as plain text).
    serverArgs: ['--parse-budget-ms', '600000'],
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const note = () => page.getByRole('main', { name: 'Note' });

interface Track {
  /** The heading's top below the pane's, in px, when first in view. */
  first: number | null;
  /** Frames sampled while the note was still drawing, after the heading was first in view. */
  frames: number;
  /** Of those, the frames where its top was out of the pane. */
  outOfView: number;
  /** Farthest its top was from where it was first shown, in px. */
  worst: number;
  done: boolean;
}

test('opened at the last heading of a 1 MB note, the heading stays in view while the rest fills in', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/note/Start.md';
  });
  await note().getByRole('heading', { name: 'Start' }).waitFor({ timeout: 300_000 });
  const last = HEADINGS[HEADINGS.length - 1];
  const id = headingId(last);
  await page.evaluate(
    ({ id, hash }) => {
      const track: Track = { first: null, frames: 0, outOfView: 0, worst: 0, done: false };
      (window as unknown as { track: Track }).track = track;
      const sample = () => {
        const el = document.getElementById(id);
        const pane = document.querySelector('main.note-pane');
        const body = document.querySelector('main .markdown-body');
        if (el && pane && body) {
          const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
          const inView = top >= -1 && top < pane.clientHeight;
          if (track.first === null && inView) track.first = top;
          else if (track.first !== null) {
            track.frames++;
            if (!inView) track.outOfView++;
            track.worst = Math.max(track.worst, Math.abs(top - track.first));
          }
          if (track.first !== null && body.getAttribute('aria-busy') !== 'true') {
            track.done = true;
            return;
          }
        }
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      window.location.hash = hash;
    },
    { id, hash: `#/note/Big.md#${encodeURIComponent(last)}` },
  );
  const started = Date.now();
  await page.waitForFunction(() => (window as unknown as { track: Track }).track.done, undefined, { timeout: 1_100_000, polling: 1000 });
  const track = await page.evaluate(() => (window as unknown as { track: Track }).track);
  const end = await page.evaluate((wanted) => {
    const pane = document.querySelector('main.note-pane')!;
    return { top: document.getElementById(wanted)!.getBoundingClientRect().top - pane.getBoundingClientRect().top, height: pane.clientHeight };
  }, id);
  console.log(
    `last heading of ${HEADINGS.length}: ${JSON.stringify(track)}; its top once all is drawn ${end.top.toFixed(1)} px of ${end.height} (${Date.now() - started} ms)`,
  );
  // The fill ran with the heading shown: the anchor had parts above it to keep it through.
  expect(track.first).not.toBeNull();
  expect(track.frames).toBeGreaterThan(0);
  expect(track.outOfView).toBe(0);
  expect(Math.abs(end.top - track.first!)).toBeLessThanOrEqual(4);
  expect(app.pageErrors).toEqual([]);
});
