/**
 * A huge note (8 MB) enters the full-text index without holding the event loop: its body is
 * reduced to its distinct tokens in slices. A probe timer measures the longest gap between its
 * ticks while the note is indexed; nothing times the whole run. Search answers stay the same.
 */
import { SearchIndex } from '../../../main/service/search/search-index';
import { bigNote } from '../../cli/big-note';
import { vp } from '../../support/vault-path';

jest.setTimeout(120_000);

/** Runs `work` while a 5 ms timer ticks; resolves with the longest gap between ticks (ms). */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
    // One more tick after the work, so a stall at its very end is measured too.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    clearInterval(probe);
  }
  return longest;
}

// Unsliced, indexing this note took 2-3 s on an idle 2-core machine and 17 s under load.
const STALL_BOUND_MS = 500;

test('indexing an 8 MB note never stalls the event loop beyond the bound, and its words are found', async () => {
  const index = new SearchIndex();
  index.upsert(vp('Small.md'), 'Small', [], 'nothing much');
  const body = `${bigNote()}\nA last line with zebra-crossing`;
  const stall = await longestStall(async () => {
    index.upsert(vp('Big.md'), 'Big', [], body);
    expect(index.has(vp('Big.md'))).toBe(true);
    await index.settled();
  });
  expect(stall).toBeLessThan(STALL_BOUND_MS);
  expect(index.notesContaining('words here')).toEqual(['Big.md']);
  expect(index.notesContaining('zebra')).toEqual(['Big.md']);
  expect(index.notesContaining('nothing')).toEqual(['Small.md']);
  expect(new Set(index.candidates({ kind: 'word', value: 'crossi', inNames: false }, () => []))).toEqual(new Set(['Big.md']));
});

test('an update or removal that comes while a huge note is being reduced wins over it', async () => {
  const index = new SearchIndex();
  index.upsert(vp('Big.md'), 'Big', [], `${bigNote(1_000_000)} oldword`);
  index.upsert(vp('Big.md'), 'Big', [], 'newword only');
  await index.settled();
  expect(index.notesContaining('oldword')).toEqual([]);
  expect(index.notesContaining('newword')).toEqual(['Big.md']);
  index.upsert(vp('Gone.md'), 'Gone', [], `${bigNote(1_000_000)} goneword`);
  index.remove(vp('Gone.md'));
  await index.settled();
  expect(index.has(vp('Gone.md'))).toBe(false);
  expect(index.notesContaining('goneword')).toEqual([]);
});
