import cytoscape, { type ElementDefinition } from 'cytoscape';
import { markCurrent, setPinned, withMarks } from '../../../renderer/src/graph/graph-marks';
import { graphStyle, LIGHT } from '../../../renderer/src/graph/graph-style';

const nodes: ElementDefinition[] = [
  { group: 'nodes', data: { id: 'a.md', size: 10, colour: '#888', label: 'a' }, classes: ['note'] },
  { group: 'nodes', data: { id: 'b.md', size: 10, colour: '#888', label: 'b' }, classes: ['note', 'hub'] },
  { group: 'nodes', data: { id: 'c.md', size: 10, colour: '#888', label: 'c' }, classes: 'note ghost' },
];

describe('withMarks', () => {
  it('marks the current note and pinned nodes in copies of their definitions only', () => {
    const marked = withMarks(nodes, 'b.md', new Set(['c.md', 'b.md']));
    expect(marked.map((n) => n.classes)).toEqual([['note'], ['note', 'hub', 'current', 'pinned'], ['note', 'ghost', 'pinned']]);
    expect(marked[0]).toBe(nodes[0]);
    expect(nodes[1].classes).toEqual(['note', 'hub']); // the input is left as it was
    expect(withMarks(nodes, null, new Set())).toBe(nodes);
  });

  it('builds a graph in which marking the same things again restyles nothing', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(LIGHT) } as cytoscape.CytoscapeOptions);
    cy.add(withMarks(nodes, 'a.md', new Set(['b.md'])));
    cy.add({ group: 'edges', data: { id: 'ab', source: 'a.md', target: 'b.md' } });
    cy.elements().forEach((e) => void e.style('z-index'));
    let restyled = 0;
    cy.on('style', () => restyled++);
    markCurrent(cy, 'a.md');
    setPinned(cy, new Set(['b.md']));
    expect(restyled).toBe(0);
    expect(cy.getElementById('a.md').style('z-index')).toBe('10');
    markCurrent(cy, 'b.md');
    expect(restyled).toBeGreaterThan(0);
    expect(cy.nodes('.current').map((n) => n.id())).toEqual(['b.md']);
    markCurrent(cy, null);
    expect(cy.nodes('.current')).toHaveLength(0);
  });
});
