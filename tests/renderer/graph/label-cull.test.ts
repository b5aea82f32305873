import type { ElementDefinition } from 'cytoscape';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { CULL_MAX_NODES, CULLED, cullLabels, installLabelCulling } from '../../../renderer/src/graph/label-cull';
import { LIGHT } from '../../../renderer/src/graph/graph-style';

const node = (id: string, x: number, y: number, degree: number, classes: string[] = []): ElementDefinition => ({
  data: { id, label: `Note ${id}`, size: 8, colour: '#888888', kind: 'note', degree },
  position: { x, y },
  classes,
});

async function controllerWith(nodes: ElementDefinition[]) {
  const c = new GraphController(null, LIGHT, 'canvas');
  await c.load(nodes, [], () => {});
  c.cy.viewport({ zoom: 2, pan: { x: 0, y: 0 } }); // every ordinary label is drawn at this zoom
  return c;
}

const culled = (c: GraphController) =>
  c.cy
    .nodes(`.${CULLED}`)
    .map((n) => n.id())
    .sort();

describe('cullLabels in the graph', () => {
  it('hides the label of the less connected of two nodes whose labels overlap; apart, both show', async () => {
    const c = await controllerWith([node('a', 0, 0, 1), node('b', 10, 4, 3), node('far', 400, 0, 0)]);
    expect(cullLabels(c.cy)).toBe(1);
    expect(culled(c)).toEqual(['a']);
    c.cy.getElementById('a').position({ x: 0, y: 300 });
    cullLabels(c.cy);
    expect(culled(c)).toEqual([]);
    c.destroy();
  });

  it('never culls the current note, which blocks the others instead', async () => {
    const c = await controllerWith([node('busy', 0, 0, 9), node('cur', 10, 4, 0, ['current']), node('hub', 12, 2, 20, ['hub'])]);
    cullLabels(c.cy);
    expect(culled(c)).toEqual(['busy', 'hub']);
    c.destroy();
  });

  it('places hubs before better-connected ordinary nodes, and culls a hub that covers a bigger hub', async () => {
    const c = await controllerWith([
      node('busy', 0, 0, 50),
      node('hub', 10, 4, 12, ['hub']),
      node('big', 300, 0, 30, ['hub']),
      node('small', 305, 3, 13, ['hub']),
    ]);
    cullLabels(c.cy);
    expect(culled(c)).toEqual(['busy', 'small']);
    c.destroy();
  });

  it('labels not drawn at this zoom neither block nor get culled', async () => {
    const c = await controllerWith([node('a', 0, 0, 1), node('b', 10, 4, 3)]);
    c.cy.zoom(0.05);
    expect(cullLabels(c.cy)).toBe(0);
    expect(culled(c)).toEqual([]);
    c.destroy();
  });

  it('does nothing past CULL_MAX_NODES nodes', async () => {
    const many = Array.from({ length: CULL_MAX_NODES + 1 }, (_, i) => node(`n${i}`, (i % 50) * 2, Math.floor(i / 50) * 2, i % 7));
    const c = await controllerWith(many);
    expect(cullLabels(c.cy)).toBe(0);
    c.destroy();
  });

  it('runs by itself shortly after the view changes', async () => {
    const c = await controllerWith([node('a', 0, 0, 1), node('b', 10, 4, 3)]);
    c.cy.emit('viewport');
    await new Promise<void>((resolve) => {
      const check = () => (culled(c).length > 0 ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(culled(c)).toEqual(['a']);
    c.destroy();
  });
});

describe('installLabelCulling while held (the overview draws)', () => {
  /** Resolves once `done()` holds, checking every few milliseconds. */
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : setTimeout(check, 5));
      check();
    });

  it('skips the runs while held and makes up for them once, on refresh', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('a', 0, 0, 1), node('b', 10, 4, 3)], [], () => {});
    c.cy.viewport({ zoom: 2, pan: { x: 0, y: 0 } });
    let held = true;
    let runs = 0;
    const culling = installLabelCulling(c.cy, () => held, 1);
    // The culling's effect is the class: count how often the class is written.
    c.cy.on('class', () => runs++);
    for (let i = 0; i < 5; i++) c.cy.emit('viewport');
    // A timer of the same delay set after those events runs after any they would have set.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(culled(c)).toEqual([]);
    held = false;
    culling.refresh();
    await until(() => culled(c).length > 0);
    expect(culled(c)).toEqual(['a']);
    expect(runs).toBe(1);
    culling();
    c.destroy();
  });

  it('refresh does nothing when no run was skipped', async () => {
    const c = await controllerWith([node('a', 0, 0, 1), node('b', 10, 4, 3)]);
    const culling = installLabelCulling(c.cy, () => false, 1);
    culling.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(culled(c)).toEqual([]);
    culling();
    c.destroy();
  });

  it('past CULL_MAX_NODES, only clears what was culled when the graph was smaller', async () => {
    const many = Array.from({ length: CULL_MAX_NODES + 1 }, (_, i) => node(`n${i}`, i * 500, 0, 0));
    const c = await controllerWith(many);
    c.cy.getElementById('n1').addClass(CULLED);
    expect(cullLabels(c.cy)).toBe(0);
    expect(culled(c)).toEqual([]);
    c.destroy();
  });
});
