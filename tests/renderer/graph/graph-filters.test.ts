import '../setup';
import cytoscape from 'cytoscape';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { buildElements } from '../../../renderer/src/graph/graph-elements';
import { applyFilters, DEFAULT_FILTERS, definitionCounts, graphAriaLabel, visibleCounts } from '../../../renderer/src/graph/graph-filters';
import { chainSnapshot } from './fixtures';

function setup() {
  const model = new GraphModel(chainSnapshot());
  const els = buildElements(model, { colourOf: () => '#000', positionOf: () => ({ x: 0, y: 0 }) });
  return cytoscape({ headless: true, layout: { name: 'preset' }, elements: [...els.nodes, ...els.edges] });
}
const ids = (cy: cytoscape.Core, sel: string) =>
  cy
    .nodes(sel)
    .map((n) => n.id())
    .sort();
const undimmed = (cy: cytoscape.Core) =>
  cy
    .nodes()
    .filter((n) => !n.hasClass('dimmed'))
    .map((n) => n.id())
    .sort();

describe('graph filters', () => {
  it('counts only notes and visible edges', () => {
    const cy = setup();
    applyFilters(cy, DEFAULT_FILTERS);
    expect(visibleCounts(cy)).toEqual({ notes: 7, links: 9 });
    expect(graphAriaLabel(visibleCounts(cy))).toBe('Graph: 7 notes, 9 links');
  });

  it("counts the links cytoscape does not hold yet (a big load's, edge-fill.ts), not those of hidden nodes", () => {
    const model = new GraphModel(chainSnapshot());
    const els = buildElements(model, { colourOf: () => '#000', positionOf: () => ({ x: 0, y: 0 }) });
    const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: [...els.nodes, ...els.edges.slice(0, 3)] });
    expect(visibleCounts(cy, els.edges.slice(3))).toEqual({ notes: 7, links: 9 });
    applyFilters(cy, { ...DEFAULT_FILTERS, showPlaceholders: false });
    expect(visibleCounts(cy, els.edges.slice(3))).toEqual({ notes: 7, links: 8 });
  });

  it('toggles hide placeholders, attachments and orphans, with their edges', () => {
    const cy = setup();
    applyFilters(cy, { ...DEFAULT_FILTERS, showPlaceholders: false });
    expect(ids(cy, '.hidden')).toEqual(['placeholder:missing']);
    expect(visibleCounts(cy)).toEqual({ notes: 7, links: 8 });
    applyFilters(cy, { ...DEFAULT_FILTERS, showAttachments: false, showOrphans: false });
    expect(ids(cy, '.hidden')).toEqual(['O.md', 'assets/pic.png']);
    expect(visibleCounts(cy)).toEqual({ notes: 6, links: 8 });
    applyFilters(cy, DEFAULT_FILTERS);
    expect(cy.nodes('.hidden').length).toBe(0);
  });

  it('hides the notes and attachments of excluded folders, with their links, and shows them again', () => {
    const cy = setup();
    applyFilters(cy, DEFAULT_FILTERS, ['Two', 'assets']);
    expect(ids(cy, '.hidden')).toEqual(['Two/D.md', 'Two/E.md', 'assets/pic.png']);
    expect(visibleCounts(cy).notes).toBe(5);
    // A folder's name is a whole folder: 'Tw' excludes nothing.
    applyFilters(cy, DEFAULT_FILTERS, ['Tw']);
    expect(cy.nodes('.hidden').length).toBe(0);
  });

  it('dims what does not match a name, #tag or folder: query', () => {
    const cy = setup();
    applyFilters(cy, { ...DEFAULT_FILTERS, query: 'h' });
    expect(undimmed(cy)).toEqual(['Hubs/H.md']);
    applyFilters(cy, { ...DEFAULT_FILTERS, query: '#topic' });
    expect(undimmed(cy)).toEqual(['A.md', 'One/B.md']); // nested tag topic/sub matches
    applyFilters(cy, { ...DEFAULT_FILTERS, query: 'folder:Two' });
    expect(undimmed(cy)).toEqual(['Two/D.md', 'Two/E.md']);
    expect(cy.getElementById('Two/D.md->Two/E.md').hasClass('dimmed')).toBe(false);
    expect(cy.getElementById('One/C.md->Two/D.md').hasClass('dimmed')).toBe(true);
  });

  it('reports an invalid query instead of matching nothing silently', () => {
    const cy = setup();
    expect(applyFilters(cy, { ...DEFAULT_FILTERS, query: 'colour:red' })).toMatch(/Unknown field/);
    expect(cy.nodes('.dimmed').length).toBe(0);
  });

  it('definitionCounts says what visibleCounts will once the definitions are built, for every toggle combination', () => {
    const model = new GraphModel(chainSnapshot());
    const els = buildElements(model, { colourOf: () => '#888', positionOf: () => ({ x: 0, y: 0 }) });
    for (let mask = 0; mask < 8; mask++) {
      const filters = { ...DEFAULT_FILTERS, showOrphans: (mask & 1) === 0, showPlaceholders: (mask & 2) === 0, showAttachments: (mask & 4) === 0 };
      const cy = cytoscape({ headless: true, elements: [...els.nodes, ...els.edges] });
      applyFilters(cy, filters);
      expect(definitionCounts(els.nodes, els.edges, filters)).toEqual(visibleCounts(cy));
      cy.destroy();
    }
    expect(definitionCounts(els.nodes, els.edges, DEFAULT_FILTERS)).toEqual({ notes: 7, links: 9 });
  });
});
