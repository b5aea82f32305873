import cytoscape from 'cytoscape';
import { installFirstStyleShortcut } from '../../../../renderer/src/graph/cytoscape-internals/first-style-shortcut';
import { graphStyle, HUB_FONT, LABEL_FONT, LIGHT } from '../../../../renderer/src/graph/graph-style';

const make = (shortcut: boolean) => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(LIGHT) } as cytoscape.CytoscapeOptions);
  if (shortcut) expect(installFirstStyleShortcut(cy)).toBe(true);
  cy.add([
    { group: 'nodes', data: { id: 'a', label: 'A', size: 10, colour: '#123456' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'b', label: 'B', size: 30, colour: '#654321' }, position: { x: 100, y: 0 }, classes: ['hub'] },
    { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
  ]);
  return cy;
};

/** Every property the stylesheet can set, as cytoscape reports it. */
const snapshot = (cy: cytoscape.Core) =>
  cy.elements().map((e) => ({
    id: e.id(),
    ...Object.fromEntries(
      [
        'width',
        'background-color',
        'label',
        'font-size',
        'text-outline-width',
        'border-width',
        'opacity',
        'z-index',
        'curve-style',
        'line-color',
        'display',
      ].map((p) => [p, e.style(p)]),
    ),
    visible: e.visible(),
    bb: e.boundingBox(),
  }));

describe('installFirstStyleShortcut', () => {
  it('styles new elements exactly as cytoscape does without it', () => {
    expect(snapshot(make(true))).toEqual(snapshot(make(false)));
    const b = make(true).getElementById('b');
    expect(b.style('font-size')).toBe(`${HUB_FONT}px`);
    expect(make(true).getElementById('a').style('font-size')).toBe(`${LABEL_FONT}px`);
  });

  // Headless cytoscape measures no labels, so bounding boxes follow node sizes only here.
  const steps: [string, (cy: cytoscape.Core) => void][] = [
    ['hide a node', (cy) => cy.getElementById('a').addClass('hidden')],
    ['show it again', (cy) => cy.getElementById('a').removeClass('hidden')],
    ['grow it', (cy) => cy.getElementById('a').data('size', 40)],
    ['make it a hub', (cy) => cy.getElementById('a').addClass('hub')],
    [
      'hide it, then swap the stylesheet',
      (cy) => {
        cy.getElementById('a').addClass('hidden');
        cy.style().fromJson(graphStyle(LIGHT, 20)).update();
      },
    ],
    ['show it after the swap', (cy) => cy.getElementById('a').removeClass('hidden')],
    [
      'add a node and an edge to it',
      (cy) =>
        cy.add([
          { group: 'nodes', data: { id: 'c', label: 'C', size: 12, colour: '#000000' }, position: { x: 0, y: 50 } },
          { group: 'edges', data: { id: 'bc', source: 'b', target: 'c' } },
        ]),
    ],
    ['shrink the hub', (cy) => cy.getElementById('b').data('size', 8)],
  ];

  it('gives the same styles, visibility and bounding boxes as cytoscape alone after every later change', () => {
    const cy = make(true);
    const reference = make(false);
    for (const [what, step] of steps) {
      step(cy);
      step(reference);
      expect({ what, eles: snapshot(cy) }).toEqual({ what, eles: snapshot(reference) });
    }
    expect(cy.getElementById('a').boundingBox().w).toBeGreaterThanOrEqual(40); // the grown size reached the box
  });

  it('does nothing when the internals are not there', () => {
    const fake = { style: () => ({}) } as unknown as cytoscape.Core;
    expect(installFirstStyleShortcut(fake)).toBe(false);
  });
});
