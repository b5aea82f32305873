/** What a window keeps of its own saves, and which events make it let go (renderer/src/api/own-saves.ts). */
import type { FileChange, VaultEvent } from '../../../main/contract/api-contract';
import { OwnSaves } from '../../../renderer/src/api/own-saves';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const entry = (path: VaultPath, hash?: string): FileChange => ({ path, kind: 'note', title: path, size: 1, mtimeMs: 1, hash });
const echo = (path: VaultPath, hash?: string): VaultEvent => ({ type: 'files', added: [], removed: [], changed: [entry(path, hash)] });

function saveNow(saves: OwnSaves, path: VaultPath, content: string, hash: string) {
  saves.record(saves.begin(path), content, hash, 5);
}

test('a save is known until an event says the disk holds something else', () => {
  const saves = new OwnSaves();
  const seen: string[] = [];
  saves.subscribe((note) => seen.push(note.content));
  saveNow(saves, vp('A.md'), 'mine', 'h1');
  expect(saves.known(vp('A.md'))).toMatchObject({ content: 'mine', hash: 'h1', mtimeMs: 5 });
  expect(seen).toEqual(['mine']);
  // The watcher's echo of that write: still ours.
  saves.observe(echo(vp('A.md'), 'h1'));
  expect(saves.known(vp('A.md'))?.hash).toBe('h1');
  // Another window's save (same path, other bytes), or an echo without a hash: not ours.
  saves.observe(echo(vp('A.md'), 'h2'));
  expect(saves.known(vp('A.md'))).toBeNull();
  saveNow(saves, vp('A.md'), 'again', 'h3');
  saves.observe(echo(vp('A.md')));
  expect(saves.known(vp('A.md'))).toBeNull();
});

test('an outside change, a removal, an outside rename and a reconnect each let go', () => {
  const saves = new OwnSaves();
  for (const path of ['A.md', 'B.md', 'C.md', 'D.md']) saveNow(saves, vp(path), path, `h-${path}`);
  saves.observe({ type: 'external-change', path: vp('A.md'), hash: 'x', deleted: false });
  saves.observe({ type: 'files', added: [], removed: [vp('B.md')], changed: [] });
  saves.observe({ type: 'external-rename', from: vp('C.md'), to: vp('E.md'), affected: 0 });
  expect(['A.md', 'B.md', 'C.md'].map((p) => saves.known(vp(p)))).toEqual([null, null, null]);
  expect(saves.known(vp('D.md'))).not.toBeNull();
  saves.forgetAll();
  expect(saves.known(vp('D.md'))).toBeNull();
});

test('an answer after an event about the note is not trusted, unless the event was this save’s own echo or the last one’s', () => {
  const saves = new OwnSaves();
  let flight = saves.begin(vp('A.md'));
  saves.observe({ type: 'external-change', path: vp('A.md'), hash: 'theirs', deleted: false });
  saves.record(flight, 'mine', 'h1', 1);
  expect(saves.known(vp('A.md'))).toBeNull();
  // Events were missed while the write was out (a reconnect): the same.
  flight = saves.begin(vp('A.md'));
  saves.forgetAll();
  saves.record(flight, 'mine', 'h1', 1);
  expect(saves.known(vp('A.md'))).toBeNull();
  // Another window saved other bytes meanwhile.
  flight = saves.begin(vp('A.md'));
  saves.observe(echo(vp('A.md'), 'other'));
  saves.record(flight, 'mine', 'h1', 1);
  expect(saves.known(vp('A.md'))).toBeNull();
  // The echo of this very write, come before its answer.
  flight = saves.begin(vp('A.md'));
  saves.observe(echo(vp('A.md'), 'h1'));
  saves.record(flight, 'mine', 'h1', 1);
  expect(saves.known(vp('A.md'))?.content).toBe('mine');
  // The late echo of the save before, then another note's events.
  flight = saves.begin(vp('A.md'));
  saves.observe(echo(vp('A.md'), 'h1'));
  saves.observe(echo(vp('B.md'), 'hb'));
  saves.record(flight, 'mine, more', 'h2', 2);
  expect(saves.known(vp('A.md'))?.content).toBe('mine, more');
});

test('a failed save leaves nothing behind', () => {
  const saves = new OwnSaves();
  saveNow(saves, vp('A.md'), 'mine', 'h1');
  const flight = saves.begin(vp('A.md'));
  saves.end(flight);
  saves.observe(echo(vp('A.md'), 'h1'));
  expect(saves.known(vp('A.md'))?.content).toBe('mine');
});

test('an event waiting for a save that is never answered goes on after the limit, and at a reconnect', async () => {
  jest.useFakeTimers();
  try {
    const saves = new OwnSaves();
    saves.begin(vp('A.md'));
    let released = 0;
    void saves.settled(vp('A.md'), 1_000).then(() => released++);
    await jest.advanceTimersByTimeAsync(999);
    expect(released).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(released).toBe(1);
    // Still not answered: a reconnect lets a later waiter go at once.
    void saves.settled(vp('A.md'), 60_000).then(() => released++);
    saves.forgetAll();
    await Promise.resolve();
    expect(released).toBe(2);
  } finally {
    jest.useRealTimers();
  }
});
