/** The outline's current row is kept in sight with the least movement, and not moved while in view. */
import { nearestScrollTop } from '../../../renderer/src/components/keep-in-view';

test.each([
  // scrollTop, view height, row top, row bottom, expected
  [0, 100, 10, 30, 0], // in view: stays
  [50, 100, 10, 30, 10], // above the view: its top at the top
  [0, 100, 120, 140, 40], // below the view: its bottom at the bottom
  [0, 100, 120, 300, 120], // taller than the view: its top at the top
  [0, 100, 90, 110, 10], // half out below
  [40, 100, 30, 50, 30], // half out above
  [0, 0, 500, 520, 0], // no height yet (not laid out): left alone
])('scrollTop %d, height %d, row %d-%d -> %d', (scrollTop, height, top, bottom, want) => {
  expect(nearestScrollTop(scrollTop, height, top, bottom)).toBe(want);
});
