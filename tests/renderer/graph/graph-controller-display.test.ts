import type { ElementDefinition } from 'cytoscape';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { DEFAULT_DISPLAY } from '../../../renderer/src/graph/graph-forces';
import { DARK, LIGHT, MIN_ZOOMED_FONT } from '../../../renderer/src/graph/graph-style';
import { activeAccelerations } from '../../../renderer/src/graph/cytoscape-internals';

const node = (id: string, x: number, size = 10): ElementDefinition => ({
  data: { id, label: id, size, colour: '#888888', kind: 'note', degree: 1 },
  position: { x, y: 0 },
});

async function controller() {
  const c = new GraphController(null, LIGHT, 'canvas');
  await c.load([node('a', 0), node('b', 100, 20)], [{ data: { id: 'e', source: 'a', target: 'b' } }], () => {});
  return c;
}

describe('GraphController.setDisplay (the graph settings display)', () => {
  it('node size multiplies every node size, link thickness every link width, both back at the defaults', async () => {
    const c = await controller();
    expect(c.cy.getElementById('b').width()).toBe(20);
    c.setDisplay({ ...DEFAULT_DISPLAY, nodeSize: 2.5, linkThickness: 3 });
    expect(c.cy.getElementById('a').width()).toBe(25);
    expect(c.cy.getElementById('b').height()).toBe(50);
    expect(c.cy.getElementById('e').style('width')).toBe('3px');
    c.setDisplay(DEFAULT_DISPLAY);
    expect(c.cy.getElementById('b').width()).toBe(20);
    expect(c.cy.getElementById('e').style('width')).toBe('1px');
    c.destroy();
  });

  it('arrows turn haystack lines into straight edges with a target arrow', async () => {
    const c = await controller();
    const e = () => c.cy.getElementById('e');
    expect([e().style('curve-style'), e().style('target-arrow-shape')]).toEqual(['haystack', 'none']);
    c.setDisplay({ ...DEFAULT_DISPLAY, arrows: true });
    expect([e().style('curve-style'), e().style('target-arrow-shape')]).toEqual(['straight', 'triangle']);
    c.destroy();
  });

  it('text fade scales the label threshold without a new stylesheet', async () => {
    const c = await controller();
    const style = c.cy.style();
    c.setDisplay({ ...DEFAULT_DISPLAY, textFade: 2 });
    expect(c.cy.getElementById('a').style('min-zoomed-font-size')).toBe(`${c.labelThreshold * 2.25}px`);
    expect(c.labelThreshold).toBeGreaterThanOrEqual(MIN_ZOOMED_FONT);
    expect(c.cy.style()).toBe(style);
    c.destroy();
  });

  it('keeps the Style object, so the accelerations installed on it stay active', async () => {
    const c = await controller();
    const before = activeAccelerations(c.cy)
      .filter((a) => a.active)
      .map((a) => a.name);
    const checkTriggers = (c.cy.style() as unknown as { checkTriggers: unknown }).checkTriggers;
    c.setDisplay({ ...DEFAULT_DISPLAY, nodeSize: 2, arrows: true });
    expect((c.cy.style() as unknown as { checkTriggers: unknown }).checkTriggers).toBe(checkTriggers);
    expect(
      activeAccelerations(c.cy)
        .filter((a) => a.active)
        .map((a) => a.name),
    ).toEqual(before);
    c.destroy();
  });
});

describe('GraphController.setTheme (the app theme switched with the graph open)', () => {
  it('redraws labels, links and ghosts in the new theme and back, keeping the Style object', async () => {
    const c = await controller();
    const style = c.cy.style();
    const colours = () => [c.cy.getElementById('a').style('color'), c.cy.getElementById('e').style('line-color')];
    const light = colours();
    c.setTheme(DARK);
    expect(colours()).not.toEqual(light);
    expect(colours()).toEqual(['rgb(220,221,225)', 'rgb(74,76,85)']);
    expect(c.cy.style()).toBe(style);
    c.setTheme(LIGHT);
    expect(colours()).toEqual(light);
    c.destroy();
  });

  it('keeps the display settings when the theme changes', async () => {
    const c = await controller();
    c.setDisplay({ ...DEFAULT_DISPLAY, nodeSize: 2 });
    c.setTheme(DARK);
    expect(c.cy.getElementById('b').width()).toBe(40);
    c.destroy();
  });
});
