/** The side-by-side preview's scroll position for an editor line: interpolated between the rendered blocks' source lines. */
import { previewScrollFor } from '../../../../renderer/src/components/note-actions/scroll-sync';

const anchors = [
  { line: 1, top: 0 },
  { line: 5, top: 100 },
  { line: 9, top: 300 },
];

describe('previewScrollFor', () => {
  test.each([
    ['the first line', 1, 0],
    ['a block start', 5, 100],
    ['halfway between two blocks', 7, 200],
    ['a fraction into a line', 5.5, 125],
    ['past the last block, toward the end', 10, 300 + (1000 - 300) / 2],
    ['the end', 11, 1000],
  ])('%s', (_what, line, top) => {
    expect(previewScrollFor(anchors, line, 10, 1000)).toBeCloseTo(top);
  });

  test('anchors in any order; a block above its predecessor (drawn out of order) is left out', () => {
    const shuffled = [anchors[2], { line: 7, top: 50 }, anchors[0], anchors[1]];
    expect(previewScrollFor(shuffled, 7, 10, 1000)).toBeCloseTo(200);
  });

  test('no anchors: proportional to the note', () => {
    expect(previewScrollFor([], 6, 10, 1000)).toBeCloseTo(500);
  });
});
