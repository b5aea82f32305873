/**
 * Watcher updates reach the full-text index in slices (search/sliced-updates.ts), so a checkout
 * of thousands of notes does not hold the event loop; a search waits for every update handed in
 * before it. And a batch of many paths is taken in chunks, with the event loop free between them.
 */
import type { VaultEvent } from '../../../main/contract/api-contract';
import { SearchIndex } from '../../../main/service/search/search-index';
import { openMemoryVault } from '../memory-vault';
import { vp } from '../../support/vault-path';

const NOTES = 3000;

test('updates handed in go in over several turns of the event loop, and a search waits for all of them', async () => {
  const index = new SearchIndex();
  for (let i = 0; i < NOTES; i++) index.upsertSoon(vp(`n${i}.md`), `N${i}`, [], `common text of note ${i} with unique${i}`);
  // Listed as indexed at once, applied later.
  expect(index.has(vp('n0.md'))).toBe(true);
  expect(index.size).toBe(0);
  const sizes: number[] = [];
  let done = false;
  const settled = index.settled().then(() => {
    done = true;
  });
  while (!done) {
    sizes.push(index.size);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await settled;
  // Some turn of the event loop ran with part of the updates in.
  expect(sizes.some((size) => size > 0 && size < NOTES)).toBe(true);
  expect(index.notesContaining('common')).toHaveLength(NOTES);
  expect(index.notesContaining(`unique${NOTES - 1}`)).toEqual([`n${NOTES - 1}.md`]);
});

test('the newest update of a note wins, whether it waits for a slice or is applied at once', async () => {
  const index = new SearchIndex();
  index.upsertSoon(vp('a.md'), 'A', [], 'oldword');
  index.upsertSoon(vp('a.md'), 'A', [], 'newword');
  index.upsertSoon(vp('b.md'), 'B', [], 'goneword');
  index.removeSoon(vp('b.md'));
  expect(index.has(vp('b.md'))).toBe(false);
  index.upsertSoon(vp('c.md'), 'C', [], 'queuedword');
  index.upsert(vp('c.md'), 'C', [], 'directword');
  await index.settled();
  expect(index.notesContaining('oldword')).toEqual([]);
  expect(index.notesContaining('newword')).toEqual(['a.md']);
  expect(index.notesContaining('goneword')).toEqual([]);
  expect(index.notesContaining('queuedword')).toEqual([]);
  expect(index.notesContaining('directword')).toEqual(['c.md']);
});

test('one watcher batch of a thousand notes is taken in chunks, a timer running between them; then every note is found', async () => {
  const vault = await openMemoryVault({ 'a.md': 'a' }, { service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });
  try {
    await vault.service.whenWatching();
    await vault.service.settled();
    const added: number[] = [];
    let ticksBeforeLast = 0;
    vault.service.onEvent((event: VaultEvent) => {
      if (event.type !== 'files') return;
      added.push(event.added.length);
      // Counts only while chunks are still to come.
      if (vault.service.vaultState.notes.size < 1001) setImmediate(() => ticksBeforeLast++);
    });
    for (let i = 0; i < 1000; i++) vault.fs.writeFileSync(vault.abs(`many/n${i}.md`), `checkout text ${i}`);
    await vault.fs.reported();
    await vault.service.settled();
    expect(added.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(added.length).toBeGreaterThan(1);
    expect(ticksBeforeLast).toBeGreaterThan(0);
    const found = await vault.service.search('checkout');
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.total).toBe(1000);
  } finally {
    await vault.close();
  }
});
