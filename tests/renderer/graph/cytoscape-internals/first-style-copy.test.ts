import cytoscape from 'cytoscape';
import { installFirstStyleCopy } from '../../../../renderer/src/graph/cytoscape-internals/first-style-copy';
import { installFirstStyleShortcut } from '../../../../renderer/src/graph/cytoscape-internals/first-style-shortcut';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

const EXTRA: cytoscape.StylesheetStyle[] = [
  { selector: 'edge.thick', style: { width: 6, 'line-color': '#ff0000' } },
  { selector: 'edge.mapped', style: { width: 'data(weight)' } },
  { selector: 'edge.curvy', style: { 'curve-style': 'bezier' } },
];

interface Internals {
  _private: Record<string, unknown> & { style: Record<string, unknown>; styleKeys: Record<string, unknown> };
}

const NODES = ['a', 'b', 'c', 'd'].map((id, i) => ({
  group: 'nodes' as const,
  data: { id, label: id, size: 10 + i, colour: '#888' },
  position: { x: i * 100, y: (i % 2) * 50 },
}));
const edge = (id: string, source: string, target: string, classes: string[] = [], weight = 2) => ({
  group: 'edges' as const,
  data: { id, source, target, weight },
  classes,
});
const EDGES = [
  edge('ab', 'a', 'b'),
  edge('bc', 'b', 'c'),
  edge('cd', 'c', 'd', ['thick']),
  edge('ad', 'a', 'd', ['thick']),
  edge('ac', 'a', 'c', ['mapped'], 3),
  edge('bd', 'b', 'd', ['mapped'], 5),
  edge('aa', 'a', 'a'),
  edge('db', 'd', 'b', ['curvy']),
  edge('ca', 'c', 'a', ['neighbour']),
  edge('dc', 'd', 'c', ['hidden']),
];

function make(copy: boolean) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [...graphStyle(LIGHT), ...EXTRA] } as cytoscape.CytoscapeOptions);
  installFirstStyleShortcut(cy);
  if (copy) expect(installFirstStyleCopy(cy)).toBe(true);
  cy.add(NODES);
  cy.add(EDGES);
  return cy;
}

const HINTS = [
  'styleKey',
  'labelDimsKey',
  'labelKey',
  'labelStyleKey',
  'sourceLabelKey',
  'sourceLabelStyleKey',
  'targetLabelKey',
  'targetLabelStyleKey',
  'styleCxtKey',
];
const PROPERTIES = ['width', 'line-color', 'opacity', 'curve-style', 'display', 'events', 'z-index', 'line-style', 'label', 'target-arrow-shape'];

/** What cytoscape computed for every edge: values, the objects behind them, its hash keys, visibility and box. */
function snapshot(cy: cytoscape.Core) {
  return cy.edges().map((e) => {
    const p = (e as unknown as Internals)._private;
    return {
      id: e.id(),
      values: Object.fromEntries(PROPERTIES.map((name) => [name, e.style(name)])),
      set: Object.keys(p.style).sort(),
      keys: Object.fromEntries(Object.entries(p.styleKeys).map(([k, v]) => [k, [...(v as number[])]])),
      hints: Object.fromEntries(HINTS.map((h) => [h, p[h]])),
      visible: e.visible(),
      box: e.boundingBox(),
    };
  });
}

describe('installFirstStyleCopy', () => {
  it('gives new edges exactly the styles and keys cytoscape computes, copying where it can', () => {
    const cy = make(true);
    // cytoscape's own styling ends each element with updateStyleHints: count the edges it styled.
    const style = cy.style() as unknown as { updateStyleHints(ele: cytoscape.SingularElementArgument): unknown };
    const hints = style.updateStyleHints;
    let styledByCytoscape = 0;
    style.updateStyleHints = function (ele) {
      if (ele.isEdge()) styledByCytoscape++;
      return hints.call(this, ele);
    };
    cy.add(Array.from({ length: 20 }, (_, i) => edge(`x${i}`, ['a', 'b'][i % 2], ['c', 'd'][i % 2], i % 3 ? [] : ['thick'])));
    cy.edges().forEach((e) => void e.style('width'));
    const reference = make(false);
    reference.add(Array.from({ length: 20 }, (_, i) => edge(`x${i}`, ['a', 'b'][i % 2], ['c', 'd'][i % 2], i % 3 ? [] : ['thick'])));
    expect(snapshot(cy)).toEqual(snapshot(reference));
    // Of 30 edges, cytoscape styled the first of each plain kind (ordinary, thick, neighbour,
    // hidden, curvy), the two mapped ones and the loop: 8. The other 22 are copies.
    expect(styledByCytoscape).toBe(8);
  });

  const steps: [string, (cy: cytoscape.Core) => void][] = [
    ['a class on a copied edge', (cy) => cy.getElementById('bc').addClass('thick')],
    ['and off again', (cy) => cy.getElementById('bc').removeClass('thick')],
    ['a bypass on a copied edge', (cy) => cy.getElementById('bc').style('width', 9)],
    ['a bypass before the first style', (cy) => cy.add(edge('late', 'a', 'b')).style('line-color', '#00ff00')],
    ['hiding a node', (cy) => cy.getElementById('a').addClass('hidden')],
    [
      'a new stylesheet',
      (cy) =>
        cy
          .style()
          .fromJson([...graphStyle(LIGHT, 20), ...EXTRA])
          .update(),
    ],
    ['edges after the new stylesheet', (cy) => cy.add([edge('n1', 'b', 'c'), edge('n2', 'c', 'd'), edge('n3', 'b', 'd', ['thick'])])],
    ['a mapped value changing', (cy) => cy.getElementById('ac').data('weight', 8)],
  ];

  it('matches cytoscape alone after every later change', () => {
    const cy = make(true);
    const reference = make(false);
    for (const [what, step] of steps) {
      step(cy);
      step(reference);
      expect({ what, edges: snapshot(cy) }).toEqual({ what, edges: snapshot(reference) });
    }
  });

  it('does nothing when the internals are not there', () => {
    expect(installFirstStyleCopy({ style: () => ({}) } as unknown as cytoscape.Core)).toBe(false);
  });
});
