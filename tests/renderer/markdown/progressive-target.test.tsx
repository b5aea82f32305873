/**
 * A long note opened at a late heading or block (progressive-markdown.tsx): the first commit
 * draws the chunk that holds it and placeholders for the rest, never the chunks before it; the
 * others fill in, and the note ends as the one-pass DOM. An outline request draws a heading's
 * chunk at once and hands back that heading (the right one of repeated headings).
 */
import '../setup';
import { act } from 'react';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { showTarget } from '../../../renderer/src/components/progressive-markdown';
import { splitForProgressive, type SplitOptions } from '../../../renderer/src/markdown/split-blocks';
import { headingId } from '../../../renderer/src/markdown/slug';

afterEach(cleanup);

const EVERY: SplitOptions = { minNoteSize: 0, chunkSize: 0 };
const NEVER: SplitOptions = { minNoteSize: Infinity, chunkSize: 0 };
const SECTIONS = 40;
const NOTE =
  Array.from(
    { length: SECTIONS },
    (_, i) => `## Section ${i}\n\nBody of section ${i} with **bold** text.\n\n${i % 10 === 0 ? '## Repeated\n\nagain\n\n' : ''}`,
  ).join('') + 'Last words ^late-block\n';

const ids = (body: HTMLElement) => [...body.querySelectorAll('[id]')].map((el) => el.id);

test.each([
  ['a late heading', headingId('Section 37')],
  ['a block id', 'block-late-block'],
])(
  'opened at %s, the first commit draws its chunk and none before it',
  async (_what, target) => {
    expect(splitForProgressive(NOTE, EVERY)!.length).toBeGreaterThan(SECTIONS);
    const view = renderMarkdown(NOTE, { view: { split: EVERY, targetId: target } });
    const first = ids(view.body());
    expect(first).toContain(target);
    expect(first).not.toContain(headingId('Section 0'));
    expect(first).not.toContain(headingId('Section 20'));
    expect(view.body().querySelectorAll('.progressive-placeholder').length).toBeGreaterThan(0);
    await waitFor(() => expect(view.body().getAttribute('aria-busy')).toBeNull(), { timeout: 60_000 });
    expect(view.body().querySelector('.progressive-placeholder')).toBeNull();
    const whole = renderMarkdown(NOTE, { view: { split: NEVER } });
    expect(view.body().innerHTML).toBe(whole.body().innerHTML);
  },
  90_000,
);

test('an outline request draws the heading asked for at once, the repeated one by its line', async () => {
  const view = renderMarkdown(NOTE, { view: { split: EVERY } });
  const lines = NOTE.split('\n');
  const repeated = lines.map((l, i) => (l === '## Repeated' ? i + 1 : -1)).filter((n) => n > 0);
  expect(repeated.length).toBe(4);
  let el: HTMLElement | null = null;
  act(() => {
    el = showTarget(view.container, headingId('Repeated'), repeated[2]);
  });
  expect(el).not.toBeNull();
  expect(el!.id).toBe(headingId('Repeated'));
  expect(ids(view.body())).not.toContain(headingId('Section 10'));
  await waitFor(() => expect(view.body().getAttribute('aria-busy')).toBeNull(), { timeout: 60_000 });
  // Drawn in full, the element handed back is still the third "Repeated" (the one after Section 20).
  expect(el!.isConnected).toBe(true);
  expect([...view.body().querySelectorAll(`[id="${headingId('Repeated')}"]`)].indexOf(el!)).toBe(2);
  expect(el!.previousElementSibling?.textContent).toContain('Body of section 20');
}, 90_000);
