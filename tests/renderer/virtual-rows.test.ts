import { flattenTree, buildTree } from '../../renderer/src/components/file-tree';
import { WINDOW_ABOVE_ROWS, windowFor } from '../../renderer/src/components/virtual-rows';
import { vp } from '../support/vault-path';

test.each([
  // count, scrollTop, viewport, row px -> [start, end]
  [10, 0, 100, 20, [0, 10]],
  [WINDOW_ABOVE_ROWS, 5000, 100, 20, [0, WINDOW_ABOVE_ROWS]],
  [10_000, 0, 260, 26, [0, 30]],
  [10_000, 26 * 5000, 260, 26, [4980, 5030]],
  [10_000, 26 * 20_000, 260, 26, [9980, 10_000]],
  [10_000, -50, 260, 26, [0, 30]],
  [10_000, 0, 0, 26, [0, 80]],
])('windowFor(%i rows, scrollTop %i, viewport %i, row %i) = %j', (count, top, viewport, row, expected) => {
  const { start, end } = windowFor(count, top, viewport, row);
  expect([start, end]).toEqual(expected);
});

test('flattenTree lists folders before their contents, skips folded folders, and survives deep nesting', () => {
  const note = (path: string) => ({ path: vp(path), kind: 'note' as const, title: path, size: 1, mtimeMs: 1 });
  const tree = buildTree([note('a/b/c.md'), note('a/d.md'), note('e.md')]);
  expect(flattenTree(tree, new Set()).map((r) => `${r.depth}:${r.node.name}`)).toEqual(['0:a', '1:b', '2:c.md', '1:d.md', '0:e.md']);
  expect(flattenTree(tree, new Set(['a/b'])).map((r) => r.node.name)).toEqual(['a', 'b', 'd.md', 'e.md']);
  const deep = `${Array.from({ length: 5000 }, (_, i) => `f${i}`).join('/')}/n.md`;
  const rows = flattenTree(buildTree([note(deep)]), new Set());
  expect(rows).toHaveLength(5001);
  expect(rows[5000].depth).toBe(5000);
});
