/** Which packs a compaction step rewrites: mostly dead ones, small ones together, bounded, oldest first. */
import { planCompaction } from '../../../main/service/snapshots/pack-compaction';

const MB = 1024 * 1024;
const pack = (name: string, size: number, dead = 0) => ({ name, size, dead });
const names = (group: { name: string }[]) => group.map((p) => p.name);

test('a mostly dead pack is rewritten; a mostly live big one is left', () => {
  expect(names(planCompaction([pack('b', 8 * MB, 5 * MB), pack('a', 8 * MB, 1 * MB)], 8 * MB, MB))).toEqual(['b']);
});

test('small packs are merged, oldest first, but a lone small one with nothing dead is left', () => {
  expect(names(planCompaction([pack('c', 100), pack('a', 200), pack('b', 300)], 8 * MB, MB))).toEqual(['a', 'b', 'c']);
  expect(planCompaction([pack('a', 200)], 8 * MB, MB)).toEqual([]);
  expect(names(planCompaction([pack('a', 200, 150)], 8 * MB, MB))).toEqual(['a']);
});

test('one step takes about one pack of live bytes', () => {
  const many = Array.from({ length: 6 }, (_, i) => pack(`p${i}`, 6 * MB, 4 * MB));
  // 2 MB live each: four fit in 8 MB.
  expect(names(planCompaction(many, 8 * MB, MB))).toEqual(['p0', 'p1', 'p2', 'p3']);
});
