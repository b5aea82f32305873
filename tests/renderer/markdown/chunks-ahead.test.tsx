/**
 * A long note's parts drawn by the markdown worker (chunks-ahead.ts), through the real pipeline
 * handler in a stand-in worker: the note ends as the DOM of one pass, its later parts come from
 * the worker and not from the window's own pipeline, and a worker that cannot start or fails
 * leaves the window drawing the parts itself (said once on the console).
 */
import '../setup';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { splitForProgressive, type SplitOptions } from '../../../renderer/src/markdown/split-blocks';
import { generateRichNote } from '../../../bench/generate-rich-note';
import { setPipelineWorkerFactory, AHEAD_CHARS } from '../../../renderer/src/markdown/chunks-ahead';
import { insideStandIn, pipelineWorkerStandIn } from '../support/pipeline-worker-stand-in';

// Every run of the pipeline, and whether the stand-in worker or the window made it.
const runs: { text: string; inWorker: boolean }[] = [];
jest.mock('../../../renderer/src/markdown/pipeline', () => {
  const actual = jest.requireActual<typeof import('../../../renderer/src/markdown/pipeline')>('../../../renderer/src/markdown/pipeline');
  return {
    ...actual,
    markdownToHast: (...args: Parameters<typeof actual.markdownToHast>) => {
      runs.push({ text: args[0], inWorker: insideStandIn() });
      return actual.markdownToHast(...args);
    },
  };
});

jest.setTimeout(90_000);

const SPLIT: SplitOptions = { minNoteSize: 0, chunkSize: 2 * 1024 };
const NEVER: SplitOptions = { minNoteSize: Infinity, chunkSize: 0 };
const NOTE = generateRichNote(64 * 1024);
const CHUNKS = splitForProgressive(NOTE, SPLIT)!;

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  setPipelineWorkerFactory(null);
  jest.restoreAllMocks();
});

async function drawnInParts() {
  const whole = renderMarkdown(NOTE, { view: { split: NEVER } });
  const parts = renderMarkdown(NOTE, { view: { split: SPLIT } });
  await waitFor(() => expect(parts.body().getAttribute('aria-busy')).toBeNull(), { timeout: 60_000 });
  await waitFor(() => expect(parts.body().innerHTML).toBe(whole.body().innerHTML), { timeout: 10_000 });
}

test('the later parts come from the worker, and the note is the DOM of one pass', async () => {
  expect(CHUNKS.length).toBeGreaterThan(20);
  const standIn = pipelineWorkerStandIn();
  setPipelineWorkerFactory(standIn.factory);
  runs.length = 0;
  await drawnInParts();
  const chunkTexts = new Set(CHUNKS.map((c) => c.text));
  const drawnHere = runs.filter((run) => !run.inWorker && chunkTexts.has(run.text)).length;
  expect(runs.filter((run) => run.inWorker).length).toBe(standIn.requests.length);
  // The first part is drawn at once in the window; the rest (all but a few a slice needed before
  // their answer could come) through the worker, each asked for once.
  expect(new Set(standIn.requests).size).toBe(standIn.requests.length);
  expect(standIn.requests.length).toBeGreaterThanOrEqual(CHUNKS.length - 2);
  expect(drawnHere).toBeLessThanOrEqual(2);
  expect(errors).not.toHaveBeenCalled();
});

test('no more than AHEAD_CHARS of text is with the worker at once, asked in the order the fill draws', async () => {
  const standIn = pipelineWorkerStandIn();
  setPipelineWorkerFactory(standIn.factory);
  renderMarkdown(NOTE, { view: { split: SPLIT } });
  await waitFor(() => expect(standIn.requests.length).toBeGreaterThan(0));
  const asked = standIn.requests.slice();
  // Opened at its top: the fill goes down the note.
  expect(asked).toEqual([...asked].sort((a, b) => a - b));
  const chars = asked.reduce((sum, k) => sum + CHUNKS[k].text.length, 0);
  expect(chars - CHUNKS[asked[asked.length - 1]].text.length).toBeLessThan(AHEAD_CHARS);
});

test('a worker that cannot start: every part is drawn in the window, and it is said', async () => {
  setPipelineWorkerFactory(pipelineWorkerStandIn({ failToStart: true }).factory);
  await drawnInParts();
  expect(errors).toHaveBeenCalledWith('Long notes are drawn without the markdown worker:', expect.any(Error));
});

test('a worker that fails midway: the parts it held are drawn in the window, and it is stopped', async () => {
  const standIn = pipelineWorkerStandIn();
  standIn.crashOn(5);
  setPipelineWorkerFactory(standIn.factory);
  await drawnInParts();
  expect(standIn.terminated()).toBe(true);
  expect(errors).toHaveBeenCalledTimes(1);
});
