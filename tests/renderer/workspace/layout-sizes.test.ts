/** Resizing splits: the separator moves within its pair and its bounds, and the sizes survive splitting and closing panes. */
import { closePane, initialLayout, openInActive, splitActive, type Layout, type Split, type View } from '../../../renderer/src/workspace/layout-model';
import { layoutProblems } from '../../../renderer/src/workspace/layout-check';
import { MIN_SHARE, resizeSplit, separatorRange } from '../../../renderer/src/workspace/layout-sizes';
import { shares } from '../../../renderer/src/workspace/layout-tree';
import { parseStoredLayout } from '../../../renderer/src/workspace/workspace-store';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const note = (path: VaultPath): View => ({ kind: 'note', route: { path, heading: null, block: null } });
const rootSplit = (l: Layout): Split => {
  if (l.root.kind !== 'split') throw new Error('expected a split at the root');
  return l.root;
};
const round = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
/** Three panes side by side: row(p0 | p2 | p5), split s3. */
const three = () => splitActive(splitActive(openInActive(initialLayout(), note(vp('A'))), 'right'), 'right');

test('a new split shares its space equally and the separator sits in the middle', () => {
  const split = rootSplit(splitActive(openInActive(initialLayout(), note(vp('A'))), 'right'));
  expect(shares(split)).toEqual([0.5, 0.5]);
  expect(separatorRange(split, 0)).toEqual({ position: 0.5, min: MIN_SHARE, max: 1 - MIN_SHARE });
});

test('splitting a pane again halves that pane, leaving its neighbour as it was', () => {
  expect(round(shares(rootSplit(three())))).toEqual([0.5, 0.25, 0.25]);
});

describe('resizeSplit', () => {
  test.each([
    ['moves the separator; only its two neighbours change', 0, 0.3, [0.3, 0.45, 0.25]],
    ['clamps so the left neighbour keeps its minimum', 0, -1, [MIN_SHARE, 0.65, 0.25]],
    ['clamps so the right neighbour keeps its minimum', 0, 0.9, [0.65, MIN_SHARE, 0.25]],
    ['the second separator moves between the second and third', 1, 0.6, [0.5, 0.1, 0.4]],
  ])('%s', (_name, index, to, want) => {
    const out = resizeSplit(three(), 's3', index, to);
    expect(round(shares(rootSplit(out)))).toEqual(round(want));
    expect(layoutProblems(out)).toEqual([]);
  });

  test.each([
    ['an unknown split', 'nope', 0, 0.3],
    ['an index past the last separator', 's3', 2, 0.3],
    ['a position that is not a number', 's3', 0, Number.NaN],
    ['the position it already has', 's3', 0, 0.5],
  ])('%s leaves the layout as it is', (_name, id, index, to) => {
    const l = three();
    expect(resizeSplit(l, id, index, to)).toBe(l);
  });
});

test('closing a pane gives its space to the others in proportion', () => {
  const l = closePane(resizeSplit(three(), 's3', 0, 0.2), 'p5'); // [0.2, 0.55, 0.25] without the last
  expect(round(shares(rootSplit(l)))).toEqual(round([0.2 / 0.75, 0.55 / 0.75]));
  expect(layoutProblems(l)).toEqual([]);
});

test('sizes are stored and restored with the layout; sizes that do not fit are rejected', () => {
  const l = resizeSplit(three(), 's3', 0, 0.3);
  expect(parseStoredLayout(JSON.stringify(l))).toEqual(l);
  const bad = { ...l, root: { ...rootSplit(l), sizes: [1, 2] } };
  expect(layoutProblems(bad)).toEqual(['split s3 sizes [1,2] do not fit its 3 children']);
  expect(parseStoredLayout(JSON.stringify(bad))).toBeNull();
  expect(parseStoredLayout(JSON.stringify({ ...l, root: { ...rootSplit(l), sizes: ['x', 1, 1] } }))).toBeNull();
});
