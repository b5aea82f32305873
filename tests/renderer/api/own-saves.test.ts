/** What a window keeps of its own saves, and which events make it let go (renderer/src/api/own-saves.ts). */
import type { FileChange } from '../../../main/contract/api-contract';
import { OwnSaves } from '../../../renderer/src/api/own-saves';

const entry = (path: string, hash?: string): FileChange => ({ path, kind: 'note', title: path, size: 1, mtimeMs: 1, hash });

test('a save is known until an event says the disk holds something else', () => {
  const saves = new OwnSaves();
  const seen: string[] = [];
  saves.subscribe((note) => seen.push(note.content));
  saves.record('A.md', saves.begin('A.md'), 'mine', 'h1', 5);
  expect(saves.known('A.md')).toMatchObject({ content: 'mine', hash: 'h1', mtimeMs: 5 });
  expect(seen).toEqual(['mine']);
  // The watcher's echo of that write: still ours.
  saves.observe({ type: 'files', added: [], removed: [], changed: [entry('A.md', 'h1')] });
  expect(saves.known('A.md')?.hash).toBe('h1');
  // Another window's save (same path, other bytes), or an echo without a hash: not ours.
  saves.observe({ type: 'files', added: [], removed: [], changed: [entry('A.md', 'h2')] });
  expect(saves.known('A.md')).toBeNull();
  saves.record('A.md', saves.begin('A.md'), 'again', 'h3', 6);
  saves.observe({ type: 'files', added: [], removed: [], changed: [entry('A.md')] });
  expect(saves.known('A.md')).toBeNull();
});

test('an outside change, a removal, an outside rename and a reconnect each let go', () => {
  const saves = new OwnSaves();
  const save = (path: string) => saves.record(path, saves.begin(path), path, `h-${path}`, 1);
  ['A.md', 'B.md', 'C.md', 'D.md'].forEach(save);
  saves.observe({ type: 'external-change', path: 'A.md', hash: 'x', deleted: false });
  saves.observe({ type: 'files', added: [], removed: ['B.md'], changed: [] });
  saves.observe({ type: 'external-rename', from: 'C.md', to: 'E.md', affected: 0 });
  expect(['A.md', 'B.md', 'C.md'].map((p) => saves.known(p))).toEqual([null, null, null]);
  expect(saves.known('D.md')).not.toBeNull();
  saves.forgetAll();
  expect(saves.known('D.md')).toBeNull();
});

test('an answer that arrives after an event named the note is not trusted', () => {
  const saves = new OwnSaves();
  const token = saves.begin('A.md');
  saves.observe({ type: 'external-change', path: 'A.md', hash: 'theirs', deleted: false });
  saves.record('A.md', token, 'mine', 'h1', 1);
  expect(saves.known('A.md')).toBeNull();
  // Events were missed while the write was out (a reconnect): the same.
  const later = saves.begin('A.md');
  saves.forgetAll();
  saves.record('A.md', later, 'mine', 'h1', 1);
  expect(saves.known('A.md')).toBeNull();
  // Another note's events do not matter.
  const mine = saves.begin('A.md');
  saves.observe({ type: 'files', added: [], removed: [], changed: [entry('B.md', 'hb')] });
  saves.record('A.md', mine, 'mine', 'h1', 1);
  expect(saves.known('A.md')?.content).toBe('mine');
});
