/**
 * A real cytoscape instance with its canvas renderer, in jsdom: jsdom has no 2D context, so
 * canvases get a stand-in that accepts every call (drawing is not what these tests check,
 * only which internals the renderer builds).
 */
import cytoscape from 'cytoscape';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

function fakeContext(): CanvasRenderingContext2D {
  const made: Record<string | symbol, unknown> = {};
  return new Proxy(made, {
    get(target, key) {
      if (!(key in target) && typeof key === 'string' && /^[a-z]/.test(key)) target[key] = () => ({ width: 0, data: new Uint8ClampedArray(4) });
      return target[key];
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

export function withFakeCanvas(): () => void {
  const proto = HTMLCanvasElement.prototype as unknown as { getContext: unknown };
  const original = proto.getContext;
  proto.getContext = function () {
    return fakeContext();
  };
  return () => {
    proto.getContext = original;
  };
}

/** A canvas-rendered core with two nodes and an edge, styled, measured and projected. */
export function realCanvasCore(): cytoscape.Core {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const cy = cytoscape({
    container,
    layout: { name: 'preset' },
    style: graphStyle(LIGHT, () => 8),
    elements: [
      { data: { id: 'a', label: 'A', size: 6, colour: '#888888' }, position: { x: 0, y: 0 } },
      { data: { id: 'b', label: 'B', size: 6, colour: '#888888' }, position: { x: 100, y: 40 } },
      { data: { id: 'e', source: 'a', target: 'b' } },
    ],
  } as cytoscape.CytoscapeOptions);
  cy.elements().boundingBox();
  return cy;
}
