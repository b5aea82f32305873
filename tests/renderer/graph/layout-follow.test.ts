import cytoscape from 'cytoscape';
import { extentOfPairs, LayoutFollow, needsRefit } from '../../../renderer/src/graph/layout-follow';
import { withPositions, modelFromDefinitions } from '../../../renderer/src/graph/overview/overview-model';

describe('needsRefit', () => {
  const view = { x1: 0, y1: 0, x2: 100, y2: 100 };
  it('refits a graph that leaves the viewport or fills less than half of it, and leaves one that fits well', () => {
    expect(needsRefit({ x1: -5, y1: 10, x2: 90, y2: 90 }, view)).toBe(true);
    expect(needsRefit({ x1: 40, y1: 40, x2: 60, y2: 60 }, view)).toBe(true);
    expect(needsRefit({ x1: 10, y1: 30, x2: 90, y2: 70 }, view)).toBe(false);
  });
});

describe('LayoutFollow', () => {
  const cy = () => {
    const c = cytoscape({ headless: true, styleEnabled: true });
    // Headless cytoscape has no size: give it the size of a pane.
    Object.assign(c, { width: () => 800, height: () => 600 });
    return c;
  };

  it('keeps a spreading layout in view until the user moves the camera', () => {
    const c = cy();
    c.viewport({ zoom: 1, pan: { x: 400, y: 300 } });
    const follow = new LayoutFollow(() => c);
    follow.before(Float64Array.from([-1000, -1000, 1000, 1000]));
    const fitted = c.zoom();
    expect(fitted).toBeLessThan(0.4);
    const box = extentOfPairs(Float64Array.from([-1000, -1000, 1000, 1000]))!;
    expect(needsRefit(box, c.extent())).toBe(false);
    // The same spread again: the camera stays (a new camera means a new picture).
    follow.before(Float64Array.from([-990, -990, 990, 990]));
    expect(c.zoom()).toBe(fitted);
    // The user zooms in: a graph spreading further is no reason to take the camera back.
    c.zoom(2);
    follow.before(Float64Array.from([-5000, -5000, 5000, 5000]));
    expect(c.zoom()).toBe(2);
    expect(follow.userMoved).toBe(true);
    follow.reset();
    expect(follow.userMoved).toBe(false);
    c.destroy();
  });
});

describe('withPositions', () => {
  it('moves the listed nodes in new arrays, leaves the others and the old model as they were', () => {
    const model = modelFromDefinitions(
      [
        { data: { id: 'a' }, position: { x: 1, y: 1 } },
        { data: { id: 'b' }, position: { x: 2, y: 2 } },
      ],
      [{ data: { id: 'e', source: 'a', target: 'b' } }],
    );
    const next = withPositions(model, ['b', 'zz'], Float64Array.from([20, 30, 99, 99]));
    expect([...next.x]).toEqual([1, 20]);
    expect([...next.y]).toEqual([1, 30]);
    expect(next.fromLayout).toBe(true);
    expect([...model.x]).toEqual([1, 2]);
    expect(model.fromLayout).toBeUndefined();
    expect(next.edges).toBe(model.edges);
  });
});
