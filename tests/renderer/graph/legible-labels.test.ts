import { legibleFontSize, LEGIBLE_SCREEN_PX } from '../../../renderer/src/graph/legible-labels';
import { GraphController } from '../../../renderer/src/graph/graph-controller';
import { HUB_FONT, LIGHT } from '../../../renderer/src/graph/graph-style';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('legibleFontSize', () => {
  it('leaves the stylesheet alone when the label is already readable', () => {
    expect(legibleFontSize(1, 14)).toBeNull();
    expect(legibleFontSize(LEGIBLE_SCREEN_PX / 14, 14)).toBeNull();
  });

  it('keeps labels LEGIBLE_SCREEN_PX tall on screen when zoomed out, up to a cap', () => {
    expect(legibleFontSize(0.25, 14)).toBe(48);
    expect(legibleFontSize(0.5, 14)).toBe(24);
    expect(legibleFontSize(0.02, 14)).toBe(90);
  });
});

describe('GraphController keeps hub and hovered labels legible', () => {
  const node = (id: string, x: number, classes = '') => ({
    group: 'nodes' as const,
    data: { id, label: id, size: 10, colour: '#888' },
    position: { x, y: 0 },
    classes,
  });

  it('enlarges hub labels at low zoom, drops the bypass when zoomed in, and follows class changes', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('hub', 0, 'hub'), node('plain', 100), node('other', 200)], [], () => {});
    const font = (id: string) => c.cy.getElementById(id).style('font-size');

    c.cy.zoom(0.25);
    await frame();
    expect(font('hub')).toBe('48px');
    expect(font('plain')).toBe('11px');

    c.cy.getElementById('plain').addClass('hover');
    await frame();
    expect(font('plain')).toBe('48px');
    c.cy.getElementById('plain').removeClass('hover');
    c.cy.getElementById('other').addClass('current');
    await frame();
    expect(font('plain')).toBe('11px');
    expect(font('other')).toBe('48px');

    c.cy.zoom(1);
    await frame();
    expect(font('hub')).toBe(`${HUB_FONT}px`);
    expect(font('other')).toBe('11px');
    c.destroy();
  });

  it('does not restyle anything while the zoom stays within one size step', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('hub', 0, 'hub'), node('plain', 100)], [], () => {});
    c.cy.zoom(0.25);
    await frame();
    let restyles = 0;
    c.cy.on('style', () => restyles++);
    for (const zoom of [0.26, 0.27, 0.3, 0.33]) {
      c.cy.zoom(zoom);
      await frame();
    }
    expect(restyles).toBe(0);
    expect(c.cy.getElementById('hub').style('font-size')).toBe('48px');
    c.cy.zoom(0.5); // the next step
    await frame();
    expect(restyles).toBeGreaterThan(0);
    expect(c.cy.getElementById('hub').style('font-size')).toBe('24px');
    c.destroy();
  });

  it('gives a hub added later its size at once, and adding ordinary nodes updates nothing', async () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    await c.load([node('hub', 0, 'hub'), node('plain', 100)], [], () => {});
    c.cy.zoom(0.25);
    await frame();
    // A full update re-reads every node's classes through a selector on the core.
    const scans: string[] = [];
    const nodes = c.cy.nodes.bind(c.cy);
    c.cy.nodes = ((selector?: string) => {
      if (selector) scans.push(selector);
      return nodes(selector);
    }) as typeof c.cy.nodes;
    c.cy.add(node('later', 300, 'hub'));
    expect(c.cy.getElementById('later').style('font-size')).toBe('48px');
    c.cy.add([node('p1', 400), node('p2', 500)]);
    await frame();
    expect(scans).toEqual([]);
    expect(c.cy.getElementById('p1').style('font-size')).toBe('11px');
    // Once the zoom moved, an added hub waits for the full update of the next frame.
    c.cy.zoom(0.5);
    c.cy.add(node('after-zoom', 600, 'hub'));
    await frame();
    expect(scans.length).toBeGreaterThan(0);
    expect(c.cy.getElementById('after-zoom').style('font-size')).toBe('24px');
    expect(c.cy.getElementById('hub').style('font-size')).toBe('24px');
    c.destroy();
  });

  it('gives hubs a big build adds their legible size as they go in, before any frame', () => {
    const c = new GraphController(null, LIGHT, 'canvas');
    const positions = Array.from({ length: 3000 }, (_, i) => ({ x: (i % 60) * 40, y: Math.floor(i / 60) * 40 }));
    const nodes = positions.map((position, i) => ({
      group: 'nodes' as const,
      data: { id: `n${i}`, label: `n${i}`, size: 10, colour: '#888' },
      position,
      classes: i % 500 === 7 ? 'hub' : '',
    }));
    const edges = Array.from({ length: 1500 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } }));
    const sizes: string[] = [];
    // The first chunk's progress report comes before any yield, so before any frame could run.
    let first = true;
    const done = c.load(nodes, edges, () => {
      if (!first) return;
      first = false;
      sizes.push(c.cy.getElementById('n7').style('font-size'));
    });
    expect(c.cy.zoom()).toBeLessThan(0.5); // fitted to the positions before the first chunk
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).not.toBe(`${HUB_FONT}px`);
    return done.then(() => c.destroy());
  });
});

describe('installLegibleLabels while held (the overview draws, cytoscape draws no label)', () => {
  it('restyles nothing while held, and catches up on refresh', async () => {
    const cytoscape = (await import('cytoscape')).default;
    const { installLegibleLabels } = await import('../../../renderer/src/graph/legible-labels');
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { 'font-size': 11 } }],
      elements: [{ group: 'nodes', data: { id: 'hub' }, classes: 'hub' }],
    });
    let held = true;
    const legible = installLegibleLabels(cy, HUB_FONT, () => held);
    const font = () => cy.getElementById('hub').style('font-size');
    try {
      cy.zoom(0.25);
      await frame();
      expect(font()).toBe('11px');
      held = false;
      legible.refresh();
      await frame();
      expect(font()).toBe('48px');
    } finally {
      legible();
      cy.destroy();
    }
  });
});
