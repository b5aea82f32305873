import cytoscape from 'cytoscape';
import { installFirstStyleShortcut } from '../../../../renderer/src/graph/cytoscape-internals/first-style-shortcut';
import { installLabelTriggerShortcut, labelProperties } from '../../../../renderer/src/graph/cytoscape-internals/label-trigger-shortcut';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

function make(shortcut: boolean) {
  let threshold = 9;
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(LIGHT, () => threshold) } as cytoscape.CytoscapeOptions);
  if (shortcut) expect(installLabelTriggerShortcut(cy)).toBe(true);
  installFirstStyleShortcut(cy);
  cy.add([
    { group: 'nodes', data: { id: 'a', label: 'A', size: 10, colour: '#123456' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'b', label: 'B', size: 30, colour: '#654321' }, position: { x: 100, y: 0 }, classes: ['hub'] },
    { group: 'nodes', data: { id: 'c', label: 'C', size: 20, colour: '#222222' }, position: { x: 50, y: 80 } },
    { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
    { group: 'edges', data: { id: 'bc', source: 'b', target: 'c' } },
  ]);
  return { cy, setThreshold: (t: number) => (threshold = t) };
}

const PROPS = ['font-size', 'min-zoomed-font-size', 'color', 'label', 'text-outline-width', 'display', 'width', 'opacity', 'z-index'];
const snapshot = (cy: cytoscape.Core) =>
  cy.elements().map((e) => ({
    id: e.id(),
    ...Object.fromEntries(PROPS.map((p) => [p, e.style(p)])),
    visible: e.visible(),
    interactive: (e as unknown as { interactive(): boolean }).interactive(),
    bb: e.boundingBox(),
  }));

type Step = [string, (m: ReturnType<typeof make>) => void];
const steps: Step[] = [
  [
    'a new label threshold for every node',
    ({ cy, setThreshold }) => {
      setThreshold(30);
      (cy.nodes() as unknown as { updateStyle(): void }).updateStyle();
    },
  ],
  ['a font-size bypass on the hub', ({ cy }) => cy.getElementById('b').style('font-size', 48)],
  ['its label text', ({ cy }) => cy.getElementById('b').data('label', 'A much longer label')],
  ['hiding a node (not a label property)', ({ cy }) => cy.getElementById('c').addClass('hidden')],
  ['and showing it again', ({ cy }) => cy.getElementById('c').removeClass('hidden')],
  ['the hover class: border, outline, z-index and labels at once', ({ cy }) => cy.getElementById('a').addClass('hover')],
  ['the font-size bypass removed', ({ cy }) => cy.getElementById('b').removeStyle('font-size')],
];

describe('installLabelTriggerShortcut', () => {
  it('knows cytoscape’s label properties', () => {
    const labels = labelProperties(make(false).cy);
    for (const name of ['font-size', 'min-zoomed-font-size', 'color', 'label', 'text-outline-width', 'text-opacity']) expect(labels.has(name)).toBe(true);
    for (const name of ['display', 'visibility', 'opacity', 'width', 'events', 'curve-style']) expect(labels.has(name)).toBe(false);
  });

  it('gives the same styles, visibility and boxes as cytoscape alone after every change', () => {
    const ours = make(true);
    const reference = make(false);
    for (const [what, step] of steps) {
      step(ours);
      step(reference);
      expect({ what, eles: snapshot(ours.cy) }).toEqual({ what, eles: snapshot(reference.cy) });
    }
  });

  it('leaves the connected edges’ derived state alone on a label change, and clears it on a visibility change', () => {
    const { cy } = make(true);
    snapshot(cy); // every style and derived value computed
    const cacheOf = (id: string) => (cy.getElementById(id) as unknown as { _private: { styleCache: unknown } })._private.styleCache;
    expect(cacheOf('ab')).not.toBeNull();
    cy.getElementById('b').style('font-size', 40);
    expect(cy.getElementById('b').style('font-size')).toBe('40px');
    expect(cacheOf('ab')).not.toBeNull();
    expect(cacheOf('bc')).not.toBeNull();
    cy.getElementById('b').addClass('hidden');
    expect(cy.getElementById('b').style('display')).toBe('none');
    expect(cacheOf('ab')).toBeNull();
    expect(cy.getElementById('ab').visible()).toBe(false);
  });

  it('does nothing when the internals are not there', () => {
    expect(installLabelTriggerShortcut({ style: () => ({}) } as unknown as cytoscape.Core)).toBe(false);
  });
});
