import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { animateGraph, revealedBy, revealOrder, UNREVEALED } from '../../../renderer/src/graph/graph-animate';
import { LIGHT } from '../../../renderer/src/graph/graph-style';

describe('revealOrder', () => {
  it('orders by creation time, oldest first, ties by id, nodes without a time last by id', () => {
    const times = { c: 30, a: 10, b: 30, d: 5 };
    expect(revealOrder(['ph:x', 'c', 'a', 'b', 'd', 'ph:w'], times)).toEqual(['d', 'a', 'b', 'c', 'ph:w', 'ph:x']);
  });

  it('gives an empty order for no nodes', () => {
    expect(revealOrder([], { a: 1 })).toEqual([]);
  });
});

describe('revealedBy', () => {
  it('grows from one node on the first frame to all at the end, never past', () => {
    expect(revealedBy(100, 0, 4000)).toBe(1);
    expect(revealedBy(100, 2000, 4000)).toBe(50);
    expect(revealedBy(100, 5000, 4000)).toBe(100);
    expect(revealedBy(0, 100, 4000)).toBe(0);
  });
});

describe('animateGraph', () => {
  const node = (id: string, classes: string[] = []) => ({
    data: { id, label: id, size: 8, colour: '#888', kind: 'note', degree: 1 },
    position: { x: 0, y: 0 },
    classes,
  });

  it('hides the shown nodes, reveals them in creation order, leaves filtered ones hidden, and ends with all shown', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('a'), node('b'), node('c'), node('f', ['hidden'])], [{ data: { id: 'e', source: 'a', target: 'b' } }], () => {});
    const run = animateGraph(c.cy, { a: 3, b: 1, c: 2, f: 0 }, 50);
    expect(
      c.cy
        .nodes(`.${UNREVEALED}`)
        .map((n) => n.id())
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(c.cy.getElementById('e').visible()).toBe(false);
    await run.done;
    const { revealLog } = await import('../../../renderer/src/graph/graph-animate');
    expect(revealLog).toEqual(['b', 'c', 'a']);
    expect(c.cy.nodes(`.${UNREVEALED}`).length).toBe(0);
    expect(c.cy.getElementById('f').hasClass('hidden')).toBe(true);
    // Headless, styles are recomputed when read: read them before asking what is visible.
    c.cy.elements().forEach((el) => void el.style('display'));
    expect(c.cy.getElementById('e').visible()).toBe(true);
    c.destroy();
  });

  it('stop shows every node at once', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('a'), node('b')], [], () => {});
    const run = animateGraph(c.cy, { a: 1, b: 2 }, 60_000);
    run.stop();
    await run.done;
    expect(c.cy.nodes(`.${UNREVEALED}`).length).toBe(0);
    c.destroy();
  });
});
