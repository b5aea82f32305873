import { ROOM_PER_DIAMETER, separateDiscs, spreadDiscs, type Disc } from '../../../renderer/src/graph/node-spread';

const disc = (x: number, y: number, r = 5, fixed = false): Disc => ({ x, y, r, fixed });
const overlaps = (ds: Disc[]) => {
  let n = 0;
  for (let i = 0; i < ds.length; i++)
    for (let j = i + 1; j < ds.length; j++) if (Math.hypot(ds[i].x - ds[j].x, ds[i].y - ds[j].y) < ds[i].r + ds[j].r - 1e-6) n++;
  return n;
};

describe('separateDiscs', () => {
  it('pushes overlapping discs apart, even ones on the same spot, and leaves apart ones alone', () => {
    const ds = [disc(0, 0), disc(3, 0), disc(0, 0), disc(100, 100)];
    separateDiscs(ds);
    expect(overlaps(ds)).toBe(0);
    expect(ds[3]).toEqual(disc(100, 100));
  });

  it('never moves a fixed disc', () => {
    const ds = [disc(0, 0, 10, true), disc(2, 1)];
    separateDiscs(ds);
    expect(ds[0]).toEqual(disc(0, 0, 10, true));
    expect(Math.hypot(ds[1].x, ds[1].y)).toBeCloseTo(15);
  });
});

describe('spreadDiscs', () => {
  const blob = () => Array.from({ length: 100 }, (_, i) => disc((i % 10) * 2, Math.floor(i / 10) * 2, 5));

  it('scales a packed layout until each node has its room, with no overlaps left', () => {
    const ds = blob();
    spreadDiscs(ds);
    expect(overlaps(ds)).toBe(0);
    const xs = ds.map((d) => d.x);
    // 100 nodes of 10 px, ROOM_PER_DIAMETER of that each: about ten rooms across.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(8 * ROOM_PER_DIAMETER * 10);
  });

  it('never shrinks a layout that is already spread', () => {
    const ds = Array.from({ length: 20 }, (_, i) => disc(i * 100, 0));
    spreadDiscs(ds);
    expect(ds.map((d) => d.x)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
  });

  it('keeps a pinned node in its place while the others spread', () => {
    const ds = [...blob(), disc(9, 9, 5, true)];
    spreadDiscs(ds);
    expect(ds[100]).toEqual(disc(9, 9, 5, true));
    expect(overlaps(ds)).toBe(0);
  });
});
