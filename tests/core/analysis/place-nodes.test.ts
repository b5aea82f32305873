import { placeNewNodes } from '../../../main/core/analysis';
import { note, snapshotOf } from './snapshot-builder';

describe('placeNewNodes', () => {
  const g = snapshotOf(['a>b', 'new>a', 'new>b', 'chain>new', 'solo2>solo3'], [note('solo')]);
  const positions = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, far: { x: 1000, y: 0 } };

  it('puts a new node near the average of its placed neighbours', () => {
    const placed = placeNewNodes(positions, g, ['new'], { spread: 10 });
    const p = placed.new;
    expect(Math.hypot(p.x - 50, p.y - 0)).toBeLessThanOrEqual(10);
    expect(Math.hypot(p.x - 50, p.y - 0)).toBeGreaterThanOrEqual(5);
    expect(Object.keys(placed)).toEqual(['new']);
  });

  it('places nodes linked only to other new nodes after them', () => {
    const placed = placeNewNodes(positions, g, ['chain', 'new'], { spread: 10 });
    expect(Math.hypot(placed.chain.x - placed.new.x, placed.chain.y - placed.new.y)).toBeLessThanOrEqual(10);
  });

  it('sends nodes without placed neighbours to the periphery', () => {
    const placed = placeNewNodes(positions, g, ['solo', 'solo2', 'solo3'], { spread: 10 });
    // centroid (366.7, 0), farthest point 633.3 away: the ring starts 40 beyond that.
    for (const id of ['solo', 'solo2', 'solo3']) {
      const r = Math.hypot(placed[id].x - 1100 / 3, placed[id].y);
      expect(r).toBeGreaterThanOrEqual(1900 / 3 + 40 - 1e-9);
      expect(r).toBeLessThanOrEqual(1900 / 3 + 50 + 1e-9);
    }
  });

  it('is deterministic and independent of the order of newIds; the seed changes the jitter', () => {
    const one = placeNewNodes(positions, g, ['new', 'chain', 'solo']);
    const two = placeNewNodes(positions, g, ['solo', 'chain', 'new']);
    expect(two).toEqual(one);
    expect(placeNewNodes(positions, g, ['new'], { seed: 2 }).new).not.toEqual(one.new);
  });

  it('works on an empty canvas', () => {
    const placed = placeNewNodes({}, g, ['a', 'b']);
    expect(Object.keys(placed).sort()).toEqual(['a', 'b']);
    for (const p of Object.values(placed)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});
