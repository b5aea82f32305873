import cytoscape from 'cytoscape';
import { drawPlainNode, isPlainNodeStyle, nodeVisible, plainNodeFill } from '../../../../renderer/src/graph/cytoscape-internals/plain-node-draw';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

/** A node styled as the view's, with these classes and extra rules; the label threshold is 20 px. */
function nodeWith(classes: string[] = [], extraStyle: cytoscape.StylesheetStyle[] = [], data: Record<string, unknown> = {}) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [...graphStyle(LIGHT, 20), ...extraStyle] } as cytoscape.CytoscapeOptions);
  cy.add({ data: { id: 'n', label: 'Note', size: 12, colour: '#336699', ...data }, position: { x: 40, y: -10 }, classes });
  return cy.getElementById('n');
}

/** A 2D context that logs what is set and drawn. */
function recordingContext() {
  const log: string[] = [];
  const cxt = new Proxy({} as Record<string, unknown>, {
    set(_, key, value) {
      log.push(`${String(key)}=${value}`);
      return true;
    },
    get(_, key) {
      return (...args: unknown[]) => log.push(`${String(key)}(${args.join(',')})`);
    },
  });
  return { cxt: cxt as unknown as CanvasRenderingContext2D, log };
}

describe('isPlainNodeStyle', () => {
  // Level -2 is scale 1/4: an 11 px label is 2.75 px there, under the 20 px threshold; at level 1 it is 22 px.
  const cases: [string, boolean, () => cytoscape.NodeSingular, number][] = [
    ['an ordinary node, label too small to show', true, () => nodeWith(), -2],
    ['an ordinary node at a level where its label shows', false, () => nodeWith(), 1],
    ['a hub (label always on)', false, () => nodeWith(['hub']), -2],
    ['the current note (border)', false, () => nodeWith(['current']), -2],
    ['a placeholder (dashed border, no fill)', false, () => nodeWith(['ghost']), -2],
    ['an attachment (rounded rectangle)', false, () => nodeWith(['attachment']), -2],
    ['a pinned node (double border)', false, () => nodeWith(['pinned']), -2],
    ['a node with a pie', false, () => nodeWith(['x'], [{ selector: 'node.x', style: { 'pie-1-background-size': 50 } }]), -2],
    ['a node with an image', false, () => nodeWith(['x'], [{ selector: 'node.x', style: { 'background-image': 'data:image/png;base64,iVBORw0KGgo=' } }]), -2],
    ['a node with an outline', false, () => nodeWith(['x'], [{ selector: 'node.x', style: { 'outline-width': 2 } }]), -2],
    ['a node with an overlay', false, () => nodeWith(['x'], [{ selector: 'node.x', style: { 'overlay-opacity': 0.2 } }]), -2],
    ['a faded node (opacity only)', true, () => nodeWith(['faded']), -2],
  ];
  it.each(cases)('%s: %s', (_, plain, make, lvl) => {
    expect(isPlainNodeStyle(make(), lvl)).toBe(plain);
  });
});

describe('plainNodeFill and nodeVisible', () => {
  it('fill with the background colour at background-opacity × opacity', () => {
    expect(plainNodeFill(nodeWith())).toBe('rgba(51,102,153,1)');
    expect(plainNodeFill(nodeWith(['faded']))).toBe('rgba(51,102,153,0.1)');
    expect(plainNodeFill(nodeWith(['x'], [{ selector: 'node.x', style: { 'background-opacity': 0.5 } }]))).toBe('rgba(51,102,153,0.5)');
  });

  const visibility: [string, string[], cytoscape.StylesheetStyle[], Record<string, unknown>][] = [
    ['an ordinary node', [], [], {}],
    ['a hidden node', ['hidden'], [], {}],
    ['visibility: hidden', ['x'], [{ selector: 'node.x', style: { visibility: 'hidden' } }], {}],
    ['opacity 0', ['x'], [{ selector: 'node.x', style: { opacity: 0 } }], {}],
    ['size 0', [], [], { size: 0 }],
  ];
  it.each(visibility)('agree with cytoscape’s visible() for %s', (_, classes, extra, data) => {
    const node = nodeWith(classes, extra, data);
    expect(nodeVisible(node)).toBe(node.visible());
  });
});

describe('drawPlainNode', () => {
  it('fills an ellipse of the node’s size at its position', () => {
    const { cxt, log } = recordingContext();
    drawPlainNode(cxt, nodeWith(), 'rgba(1,2,3,1)');
    expect(log).toEqual(['fillStyle=rgba(1,2,3,1)', 'beginPath()', `ellipse(40,-10,6,6,0,0,${2 * Math.PI})`, 'closePath()', 'fill()']);
  });
});
