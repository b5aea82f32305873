import cytoscape from 'cytoscape';
import {
  drawPlainEdge,
  edgeStyleVisible,
  isPlainEdge,
  nodeShowsEdges,
  plainEdgeStroke,
  strokeBox,
} from '../../../../renderer/src/graph/cytoscape-internals/plain-edge-draw';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

/** A headless graph styled as the view's; the canvas renderer's edge geometry is filled in by hand. */
function edgeWith(classes: string[] = [], extraStyle: cytoscape.StylesheetStyle[] = []) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [...graphStyle(LIGHT), ...extraStyle] } as cytoscape.CytoscapeOptions);
  cy.add([
    { data: { id: 'a', size: 10, colour: '#888', label: 'a' }, position: { x: 0, y: 0 } },
    { data: { id: 'b', size: 10, colour: '#888', label: 'b' }, position: { x: 100, y: 0 } },
    { data: { id: 'ab', source: 'a', target: 'b' }, classes },
  ]);
  const edge = cy.getElementById('ab');
  Object.assign((edge as unknown as { _private: { rscratch: object } })._private.rscratch, { edgeType: 'haystack', allpts: [1, 2, 98, 3], badLine: false });
  return edge;
}

/** A 2D context that logs what is set and drawn. */
function recordingContext() {
  const log: string[] = [];
  const target: Record<string, unknown> = {};
  const cxt = new Proxy(target, {
    set(_, key, value) {
      log.push(`${String(key)}=${Array.isArray(value) ? `[${value}]` : value}`);
      return true;
    },
    get(_, key) {
      return (...args: unknown[]) => log.push(`${String(key)}(${args.map((a) => (Array.isArray(a) ? `[${a}]` : a)).join(',')})`);
    },
  });
  return { cxt: cxt as unknown as CanvasRenderingContext2D, log };
}

describe('isPlainEdge', () => {
  it('accepts the view’s edges, ordinary and highlighted', () => {
    expect(isPlainEdge(edgeWith())).toBe(true);
    expect(isPlainEdge(edgeWith(['neighbour']))).toBe(true);
    expect(isPlainEdge(edgeWith(['path']))).toBe(true);
  });

  const notPlain: [string, cytoscape.StylesheetStyle][] = [
    ['an arrow', { selector: 'edge', style: { 'target-arrow-shape': 'triangle' } }],
    ['a label', { selector: 'edge', style: { label: 'x' } }],
    ['a dashed line', { selector: 'edge', style: { 'line-style': 'dashed' } }],
    ['an outline', { selector: 'edge', style: { 'line-outline-width': 2 } }],
    ['an overlay', { selector: 'edge', style: { 'overlay-opacity': 0.2 } }],
    ['an underlay', { selector: 'edge', style: { 'underlay-opacity': 0.2 } }],
    ['a gradient', { selector: 'edge', style: { 'line-fill': 'linear-gradient' } }],
    ['a ghost', { selector: 'edge', style: { ghost: 'yes' } }],
  ];
  it.each(notPlain)('leaves an edge with %s to cytoscape', (_, rule) => {
    expect(isPlainEdge(edgeWith([], [rule]))).toBe(false);
  });

  it('leaves curved edges to cytoscape', () => {
    const edge = edgeWith();
    (edge as unknown as { _private: { rscratch: { edgeType: string } } })._private.rscratch.edgeType = 'bezier';
    expect(isPlainEdge(edge)).toBe(false);
  });
});

describe('drawPlainEdge', () => {
  it('strokes the points with the line colour at opacity × line-opacity, as drawEdge does', () => {
    const { cxt, log } = recordingContext();
    drawPlainEdge(cxt, edgeWith());
    // LIGHT.edge #b9bcc4 = rgb(185,188,196); the stylesheet's edge opacity is 0.7.
    expect(log).toEqual([
      'lineJoin=round',
      'lineWidth=1',
      'lineCap=butt',
      'strokeStyle=rgba(185,188,196,0.7)',
      'setLineDash([])',
      'beginPath()',
      'moveTo(1,2)',
      'lineTo(98,3)',
      'stroke()',
      'lineCap=butt',
    ]);
  });

  it('draws nothing for a hidden edge or one without valid points', () => {
    const hidden = recordingContext();
    drawPlainEdge(hidden.cxt, edgeWith(['hidden']));
    expect(hidden.log).toEqual([]);
    const bad = edgeWith();
    (bad as unknown as { _private: { rscratch: { allpts: number[] } } })._private.rscratch.allpts = [Number.NaN, 0, 1, 1];
    const none = recordingContext();
    drawPlainEdge(none.cxt, bad);
    expect(none.log).toEqual([]);
  });
});

describe('edgeStyleVisible and nodeShowsEdges', () => {
  const cases: [string, string[], string[], cytoscape.StylesheetStyle[]][] = [
    ['an ordinary edge', [], [], []],
    ['a hidden edge', ['hidden'], [], []],
    ['an edge of a hidden node', [], ['hidden'], []],
    ['an edge with visibility: hidden', ['x'], [], [{ selector: 'edge.x', style: { visibility: 'hidden' } }]],
    ['an edge at opacity 0', ['x'], [], [{ selector: 'edge.x', style: { opacity: 0 } }]],
    ['an edge of width 0', ['x'], [], [{ selector: 'edge.x', style: { width: 0 } }]],
    ['an edge of a node of width 0', [], ['x'], [{ selector: 'node.x', style: { width: 0 } }]],
    ['an edge of a node of height 0', [], ['x'], [{ selector: 'node.x', style: { height: 0 } }]],
    // A node's own visibility and opacity do not hide its edges in cytoscape.
    ['an edge of an invisible node', [], ['x'], [{ selector: 'node.x', style: { visibility: 'hidden', opacity: 0 } }]],
  ];
  it.each(cases)('agree with cytoscape’s visible() for %s', (_, edgeClasses, nodeClasses, extraStyle) => {
    const edge = edgeWith(edgeClasses, extraStyle);
    for (const c of nodeClasses) edge.source().addClass(c);
    const ours = edgeStyleVisible(edge) && nodeShowsEdges(edge.source()) && nodeShowsEdges(edge.target());
    expect(ours).toBe(edge.visible());
  });

  it('let the caller decide visibility for drawPlainEdge', () => {
    const { cxt, log } = recordingContext();
    drawPlainEdge(cxt, edgeWith(), undefined, false);
    expect(log).toEqual([]);
    drawPlainEdge(cxt, edgeWith(), undefined, true);
    expect(log).toContain('stroke()');
  });
});

describe('strokeBox and plainEdgeStroke', () => {
  it('box the stroke: the points widened by half the width', () => {
    const edge = edgeWith();
    expect(strokeBox(edge, 2)).toEqual({ x1: 0, y1: 1, x2: 99, y2: 4, w: 99, h: 3 });
    (edge as unknown as { _private: { rscratch: { allpts: number[] } } })._private.rscratch.allpts = [Number.NaN, 0, 1, 1];
    expect(strokeBox(edge, 2)).toBeNull();
  });

  it('give the stroke cytoscape would use, shareable by edges of the same style', () => {
    expect(plainEdgeStroke(edgeWith())).toEqual({ width: 1, cap: 'butt', colour: 'rgba(185,188,196,0.7)' });
    expect(plainEdgeStroke(edgeWith(['path']))).toEqual({ width: 4, cap: 'butt', colour: 'rgba(232,116,59,1)' });
  });
});
