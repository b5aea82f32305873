/**
 * The scroll anchor's child at the view's top edge, over a body whose children carry fixed boxes
 * (jsdom lays nothing out). Each child is [top, bottom]; `null` is a child not laid out
 * (display: none), `'p'` marks a placeholder. The answer is the child's index, or null.
 */
import { childAtEdge, PLACEHOLDER_CLASS } from '../../../renderer/src/components/anchor-search';

type Box = [top: number, bottom: number, kind?: 'p'] | null;

function bodyOf(boxes: Box[]): HTMLElement {
  const body = document.createElement('div');
  for (const box of boxes) {
    const child = document.createElement('p');
    if (box?.[2] === 'p') child.className = PLACEHOLDER_CLASS;
    const rect = box === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, box[0], 100, box[1] - box[0]);
    child.getBoundingClientRect = () => rect;
    // A child's own descendants are further down the tree; only the body's children count.
    const inner = document.createElement('span');
    inner.getBoundingClientRect = () => new DOMRect(0, box ? box[0] : 0, 10, 1);
    child.append(inner);
    body.append(child);
  }
  return body;
}

const stack = (n: number, height = 20, gap = 0): [number, number][] => Array.from({ length: n }, (_, i) => [i * (height + gap), i * (height + gap) + height]);

test.each<[string, Box[], number, number | null]>([
  ['empty body', [], 10, null],
  ['all above the edge', stack(5), 500, null],
  ['all below the edge', stack(5).map(([t, b]): Box => [t + 1000, b + 1000]), 10, 0],
  ['edge inside the third', stack(5), 45, 2],
  ['edge exactly on a bottom: the next child', stack(5), 40, 2],
  ['edge one pixel above a bottom: that child', stack(5), 39, 1],
  ['edge exactly on the first top', stack(5), 0, 0],
  ['edge in a gap: the child below', stack(5, 20, 10), 25, 1],
  ['edge on the last child', stack(1000), 19_990, 999],
  [
    'edge on a placeholder: the drawn child after it',
    [
      [0, 20],
      [20, 500, 'p'],
      [500, 520],
    ],
    100,
    2,
  ],
  [
    'placeholders to the end',
    [
      [0, 20],
      [20, 500, 'p'],
    ],
    100,
    null,
  ],
  ['hidden children around the edge', [[0, 20], null, null, [20, 40], null, [40, 60]], 30, 3],
  ['hidden child at the probe, answer before it', [[0, 20], [20, 40], null, null, null, null, [40, 60]], 25, 1],
  ['only hidden children', [null, null, null], 10, null],
  [
    'nested: a tall child holding the edge, not its descendants',
    [
      [0, 20],
      [20, 2000],
      [2000, 2020],
    ],
    700,
    1,
  ],
])('%s', (_name, boxes, edge, want) => {
  const body = bodyOf(boxes);
  const found = childAtEdge(body, edge);
  expect(found === null ? null : [...body.children].indexOf(found)).toBe(want);
});

test('probes a few children of a long body, not each', () => {
  const body = bodyOf(stack(1024));
  let probes = 0;
  for (const child of body.children) {
    const own = child.getBoundingClientRect;
    child.getBoundingClientRect = () => {
      probes++;
      return own();
    };
  }
  expect([...body.children].indexOf(childAtEdge(body, 10_000)!)).toBe(500);
  expect(probes).toBeLessThan(30);
});
