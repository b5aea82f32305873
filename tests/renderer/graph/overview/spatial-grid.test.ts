import { SpatialGrid } from '../../../../renderer/src/graph/overview/spatial-grid';
import { seededRandom } from '../../../../main/core/analysis';

function grid(points: Array<[number, number, number]>, shown?: number[]) {
  return new SpatialGrid({ x: points.map((p) => p[0]), y: points.map((p) => p[1]), radius: points.map((p) => p[2]), shown });
}

describe('SpatialGrid.nearest', () => {
  const points: Array<[number, number, number]> = [
    [0, 0, 5],
    [100, 0, 5],
    [0, 100, 20], // a hub
    [12, 100, 4], // a small node drawn over the hub's edge
    [-300, -300, 5],
  ];
  const g = grid(points);
  const cases: Array<[string, [number, number, number], number]> = [
    ['a point on a centre', [0, 0, 0], 0],
    ['a point inside a disc', [3, 3, 0], 0],
    ['just outside a disc, within the tolerance', [0, 7, 3], 0],
    ['just outside a disc, beyond the tolerance', [0, 9, 3], -1],
    ['between two nodes, nearer the second', [60, 0, 40], 1],
    ['inside both the hub and the small node: the closer centre wins', [11, 100, 0], 3],
    ['inside the hub only', [-10, 100, 0], 2],
    ['far from everything', [500, 500, 10], -1],
    ['a node far from the rest is still found', [-301, -299, 0], 4],
  ];
  it.each(cases)('%s', (_, [x, y, tolerance], expected) => {
    expect(g.nearest(x, y, tolerance)).toBe(expected);
  });

  it('leaves hidden nodes out', () => {
    const hidden = grid(points, [0, 1, 1, 1, 1]);
    expect(hidden.nearest(0, 0, 0)).toBe(-1);
    expect(hidden.size).toBe(4);
  });

  it('an empty grid finds nothing and counts nothing', () => {
    const empty = grid([]);
    expect(empty.nearest(0, 0, 100)).toBe(-1);
    expect(empty.countIn(-1, -1, 1, 1)).toBe(0);
  });

  it('agrees with a linear scan on random points', () => {
    const random = seededRandom(7);
    const pts: Array<[number, number, number]> = Array.from({ length: 3000 }, () => [random() * 2000 - 1000, random() * 1200, 2 + random() * 10]);
    const g2 = grid(pts);
    for (let q = 0; q < 500; q++) {
      const x = random() * 2400 - 1200;
      const y = random() * 1600 - 200;
      let best = -1;
      let bestGap = Infinity;
      let bestCentre = Infinity;
      pts.forEach(([px, py, r], i) => {
        const centre = Math.hypot(px - x, py - y);
        const gap = Math.max(0, centre - r);
        if (gap > 6) return;
        if (gap < bestGap || (gap === bestGap && centre < bestCentre)) [best, bestGap, bestCentre] = [i, gap, centre];
      });
      expect(g2.nearest(x, y, 6)).toBe(best);
    }
  });
});

describe('SpatialGrid.countIn', () => {
  const random = seededRandom(3);
  const pts: Array<[number, number, number]> = Array.from({ length: 5000 }, () => [random() * 1000, random() * 500, 4]);
  const g = grid(pts);
  const linear = (x1: number, y1: number, x2: number, y2: number) => pts.filter(([x, y]) => x >= x1 && x <= x2 && y >= y1 && y <= y2).length;
  const cases: Array<[string, [number, number, number, number]]> = [
    ['everything', [-10, -10, 2000, 2000]],
    ['the exact bounds', [0, 0, 1000, 500]],
    ['a corner', [0, 0, 100, 50]],
    ['a thin strip', [400, -100, 401, 900]],
    ['a middle window', [250, 125, 750, 375]],
    ['nothing (off to the side)', [2000, 2000, 3000, 3000]],
    ['an inverted rectangle', [10, 10, 0, 0]],
  ];
  it.each(cases)('%s', (_, [x1, y1, x2, y2]) => {
    expect(g.countIn(x1, y1, x2, y2)).toBe(linear(x1, y1, x2, y2));
  });
});
