/** Which part of a pane a dragged tab is over: the outer quarter of each side, else the centre. */
import { zoneAt } from '../../../renderer/src/workspace/pane-drop-zones';

test.each([
  [0.1, 0.5, 'left'],
  [0.9, 0.5, 'right'],
  [0.5, 0.1, 'top'],
  [0.5, 0.9, 'bottom'],
  [0.5, 0.5, 'centre'],
  [0.26, 0.74, 'centre'],
  [0.05, 0.2, 'left'], // a corner: the nearer edge
  [0.2, 0.05, 'top'],
])('(%p, %p) is %p', (x, y, want) => expect(zoneAt(x, y)).toBe(want));
