import cytoscape from 'cytoscape';
import { measureSettled } from '../../../../renderer/src/graph/cytoscape-internals/measure-settled';
import { graphStyle, LIGHT } from '../../../../renderer/src/graph/graph-style';

const make = () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(LIGHT) } as cytoscape.CytoscapeOptions);
  cy.add([
    { group: 'nodes', data: { id: 'a', label: 'A', size: 10, colour: '#123456' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'b', label: 'B', size: 30, colour: '#654321' }, position: { x: 100, y: 20 }, classes: ['hub'] },
    { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
  ]);
  return cy;
};
const boxes = (cy: cytoscape.Core) => cy.elements().map((e) => [e.id(), e.boundingBox()]);
const proto = (cy: cytoscape.Core) => Object.getPrototypeOf(cy.elements()) as { emitAndNotify: unknown };

describe('measureSettled', () => {
  it('caches the same boxes as boundingBox() and leaves emitAndNotify as it was', () => {
    const plain = make();
    plain.elements().boundingBox();
    const settled = make();
    const emit = proto(settled).emitAndNotify;
    measureSettled(settled.elements());
    expect(proto(settled).emitAndNotify).toBe(emit);
    expect(boxes(settled)).toEqual(boxes(plain));
  });

  it('announces no bounds for first measurements, and still does for elements measured before', () => {
    const cy = make();
    const bounds: string[] = [];
    cy.on('bounds', (e) => bounds.push(e.target.id()));
    measureSettled(cy.elements());
    expect(bounds).toEqual([]);
    // Moving a node dirties its box and its edge's (announced by cytoscape itself, as before).
    cy.getElementById('a').position({ x: 10, y: 10 });
    expect(bounds.length).toBeGreaterThan(0);
    expect(cy.getElementById('ab').boundingBox().x1).toBeGreaterThan(0);
  });
});
