import fc from 'fast-check';
import {
  addBookmark,
  addGroup,
  allItems,
  EMPTY_BOOKMARKS,
  findBookmark,
  moveEntry,
  parseBookmarks,
  positionOf,
  removeEntry,
  renameEntry,
  renamePath,
  type Bookmarks,
  type BookmarkTarget,
} from '../../../renderer/src/bookmarks/bookmarks-model';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const note = (path: VaultPath, heading: string | null = null): BookmarkTarget => ({ kind: 'note', path, heading });

test('add, find, dedupe, group, move into a group, reorder, rename and remove', () => {
  let b = addBookmark(EMPTY_BOOKMARKS, note(vp('A.md')), 'A');
  b = addBookmark(b, note(vp('A.md')), 'A again');
  expect(allItems(b).map((i) => i.title)).toEqual(['A']);
  b = addBookmark(b, note(vp('A.md'), 'Goals'), 'A › Goals');
  b = addBookmark(b, { kind: 'search', query: 'tag:#x' }, 'tag:#x');
  b = addBookmark(b, { kind: 'graph', local: null }, 'Graph view');
  b = addGroup(b, 'Work');
  const group = b.entries[4].id;
  b = moveEntry(b, findBookmark(b, note(vp('A.md'), 'Goals'))!.id, group, 0);
  expect(positionOf(b, findBookmark(b, note(vp('A.md'), 'Goals'))!.id)).toEqual({ group, index: 0 });
  b = moveEntry(b, group, null, 0);
  expect(b.entries.map((e) => e.title)).toEqual(['Work', 'A', 'tag:#x', 'Graph view']);
  // Groups do not nest.
  expect(moveEntry(b, group, group, 0)).toBe(b);
  b = renameEntry(b, group, '  Projects ');
  expect(b.entries[0].title).toBe('Projects');
  expect(renameEntry(b, group, '   ')).toBe(b);
  b = renamePath(b, vp('A.md'), vp('Archive/A.md'));
  expect(
    allItems(b)
      .filter((i) => i.target.kind === 'note')
      .map((i) => (i.target as { path: VaultPath }).path),
  ).toEqual(['Archive/A.md', 'Archive/A.md']);
  b = removeEntry(b, group);
  expect(allItems(b).map((i) => i.title)).toEqual(['A', 'tag:#x', 'Graph view']);
});

test('stored bookmarks are validated: anything else opens as no bookmarks', () => {
  const good = addBookmark(EMPTY_BOOKMARKS, note(vp('A.md')), 'A');
  expect(parseBookmarks(JSON.stringify(good))).toEqual(good);
  for (const bad of [
    null,
    '',
    '{',
    '[]',
    '{"seq":1,"entries":[{"kind":"item","id":"b1","title":"A","target":{"kind":"note","path":3}}]}',
    '{"seq":1,"entries":[{"kind":"item","id":"b1","title":"A","target":{"kind":"note","path":"../A.md","heading":null}}]}',
    '{"seq":1,"entries":[{"kind":"item","id":"b1","title":"G","target":{"kind":"graph","local":"a//b.md"}}]}',
    '{"seq":"1","entries":[]}',
    '{"seq":1,"entries":[{"kind":"group","id":"g","title":"G","items":[{"kind":"group"}]}]}',
  ]) {
    expect(parseBookmarks(bad)).toEqual(EMPTY_BOOKMARKS);
  }
});

test('property: any sequence of operations keeps ids unique, every item reachable and the stored form parseable', () => {
  const op = fc.oneof(
    fc.record({ t: fc.constant('add' as const), path: fc.constantFrom('A.md', 'B.md', 'C.md'), heading: fc.option(fc.constantFrom('H1', 'H2')) }),
    fc.record({ t: fc.constant('group' as const) }),
    fc.record({ t: fc.constant('move' as const), pick: fc.nat(), target: fc.nat(), index: fc.integer({ min: -2, max: 12 }) }),
    fc.record({ t: fc.constant('remove' as const), pick: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      let b: Bookmarks = EMPTY_BOOKMARKS;
      for (const o of ops) {
        const ids = [...b.entries.map((e) => e.id), ...allItems(b).map((i) => i.id)].filter((v, i, a) => a.indexOf(v) === i);
        const groups = b.entries.filter((e) => e.kind === 'group').map((e) => e.id);
        if (o.t === 'add') b = addBookmark(b, note(vp(o.path), o.heading), o.path);
        else if (o.t === 'group') b = addGroup(b, 'G');
        else if (ids.length > 0 && o.t === 'remove') b = removeEntry(b, ids[o.pick % ids.length]);
        else if (ids.length > 0 && o.t === 'move')
          b = moveEntry(b, ids[o.pick % ids.length], o.target % (groups.length + 1) === 0 ? null : groups[(o.target % (groups.length + 1)) - 1], o.index);
      }
      const all = [
        ...b.entries.map((e) => e.id),
        ...allItems(b)
          .filter((i) => !b.entries.includes(i))
          .map((i) => i.id),
      ];
      expect(new Set(all).size).toBe(all.length);
      for (const e of b.entries) if (e.kind === 'group') expect(e.items.every((i) => i.kind === 'item')).toBe(true);
      const targets = allItems(b).map((i) => JSON.stringify(i.target));
      expect(new Set(targets).size).toBe(targets.length);
      expect(parseBookmarks(JSON.stringify(b))).toEqual(b);
    }),
    { numRuns: 300 },
  );
});
