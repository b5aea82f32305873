/**
 * A long note's remaining parts are drawn many to a slice (progressive-fill.ts), not one per idle
 * callback: with the window's tasks and idle callbacks run by hand, one at a time, and a clock
 * that does not move (every slice has time left), the whole note is drawn within the slices its
 * size allows, and ends as the one-pass DOM. Counts slices, never times them.
 */
import '../setup';
import { act } from 'react';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { splitForProgressive, DEFAULT_SPLIT } from '../../../renderer/src/markdown/split-blocks';
import { headingId } from '../../../renderer/src/markdown/slug';
import { generateRichNote } from '../../../bench/generate-rich-note';

const SIZE = 160 * 1024;
const NOTE = generateRichNote(SIZE);
const LAST = NOTE.split('\n')
  .filter((l) => l.startsWith('## '))
  .pop()!
  .slice(3);

type Task = () => void;
const queue: Task[] = [];
const globals = globalThis as Record<string, unknown>;

beforeEach(() => {
  queue.length = 0;
  // Both ways a page schedules later work go to one queue this test runs by hand.
  globals.scheduler = {
    postTask: (run: Task, options: { signal?: AbortSignal }) =>
      new Promise((done) => {
        queue.push(() => {
          if (!options.signal?.aborted) done(run());
        });
      }),
  };
  const cancelled = new Set<number>();
  let handles = 0;
  globals.requestIdleCallback = (run: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void) => {
    const handle = ++handles;
    queue.push(() => {
      if (!cancelled.has(handle)) run({ timeRemaining: () => 50, didTimeout: false });
    });
    return handle;
  };
  globals.cancelIdleCallback = (handle: number) => cancelled.add(handle);
  jest.spyOn(performance, 'now').mockReturnValue(1000);
});

afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
  delete globals.scheduler;
  delete globals.requestIdleCallback;
  delete globals.cancelIdleCallback;
});

test('a 160 KB note is drawn whole within the slices its size allows, not one slice per part', async () => {
  const chunks = splitForProgressive(NOTE, DEFAULT_SPLIT)!;
  expect(chunks.length).toBeGreaterThan(30);
  const view = renderMarkdown(NOTE);
  const body = view.body();
  expect(body.getAttribute('aria-busy')).toBe('true');
  expect(body.querySelector(`[id="${headingId(LAST)}"]`)).toBeNull();
  // The render guard's idle callback, then slices of up to 48 KB of the note each: a handful.
  const allowed = 2 + Math.ceil(SIZE / (48 * 1024));
  let ran = 0;
  while (body.getAttribute('aria-busy') === 'true' && ran < allowed) {
    await waitFor(() => expect(queue.length).toBeGreaterThan(0), { timeout: 30_000 });
    const task = queue.shift()!;
    ran++;
    await act(async () => task());
  }
  expect({ ran, busy: body.getAttribute('aria-busy') }).toEqual({ ran: expect.any(Number), busy: null });
  expect(ran).toBeLessThanOrEqual(allowed);
  expect(body.querySelector(`[id="${headingId(LAST)}"]`)).not.toBeNull();
  expect(body.querySelector('.progressive-placeholder')).toBeNull();
  const whole = renderMarkdown(NOTE, { view: { split: { minNoteSize: Infinity, chunkSize: 0 } } });
  // Both settle (their links resolve); then they must agree.
  await waitFor(() => expect(body.innerHTML).toBe(whole.body().innerHTML), { timeout: 30_000 });
}, 180_000);
