import cytoscape from 'cytoscape';
import type { ElementDefinition } from 'cytoscape';
import { modelFromCore, modelFromDefinitions, sameModel, withPositions } from '../../../../renderer/src/graph/overview/overview-model';

const node = (id: string, x: number, y: number, colour: string, classes: string[] = [], size = 10): ElementDefinition => ({
  group: 'nodes',
  data: { id, colour, size },
  position: { x, y },
  classes,
});
const edge = (source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id: `${source}->${target}`, source, target } });

const NODES = [node('a', 0, 0, '#f00'), node('b', 10, 0, '#0f0', ['current']), node('c', 0, 10, '#f00', ['hidden']), node('d', 5, 5, '#00f', ['path'])];
const EDGES = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'a'), edge('a', 'missing')];

describe('modelFromDefinitions', () => {
  const m = modelFromDefinitions(NODES, EDGES);
  it('keeps every node, with centre, radius and a shared palette', () => {
    expect(m.ids).toEqual(['a', 'b', 'c', 'd']);
    expect([...m.x]).toEqual([0, 10, 0, 5]);
    expect([...m.radius]).toEqual([5, 5, 5, 5]);
    expect(m.palette).toEqual(['#f00', '#0f0', '#00f']);
    expect([...m.colour]).toEqual([0, 1, 0, 2]);
  });
  it('hidden nodes are not shown, and their edges and edges to unknown nodes are dropped', () => {
    expect([...m.shown]).toEqual([1, 1, 0, 1]);
    expect([...m.edges]).toEqual([0, 1, 3, 0]);
  });
  it('marks the current note and a path, not hidden ones', () => {
    expect(m.marked).toEqual([1, 3]);
  });
  it('a node without a position sits at the origin, as cytoscape puts it', () => {
    const bare = modelFromDefinitions([{ group: 'nodes', data: { id: 'z' } }], []);
    expect([bare.x[0], bare.y[0], bare.radius[0]]).toEqual([0, 0, 4]);
  });
});

describe('modelFromCore', () => {
  it('reads the same model from cytoscape as from the definitions it was given', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [...NODES, ...EDGES.slice(0, 4)] });
    try {
      expect(sameModel(modelFromCore(cy), modelFromDefinitions(NODES, EDGES))).toBe(true);
      // A filter (the hidden class) and a drag are seen on the next read.
      cy.getElementById('a').addClass('hidden');
      cy.getElementById('b').position({ x: 20, y: 0 });
      const after = modelFromCore(cy);
      expect([...after.shown]).toEqual([0, 1, 0, 1]);
      expect(after.x[1]).toBe(20);
      expect([...after.edges]).toEqual([]);
      expect(sameModel(after, modelFromDefinitions(NODES, EDGES))).toBe(false);
    } finally {
      cy.destroy();
    }
  });
});

describe('modelFromCore with links cytoscape does not hold yet (edge-fill.ts)', () => {
  it('draws them from their definitions after its own, as the whole graph would be drawn', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [...NODES, ...EDGES.slice(0, 1)] });
    try {
      expect(sameModel(modelFromCore(cy, EDGES.slice(1)), modelFromDefinitions(NODES, EDGES))).toBe(true);
      expect([...modelFromCore(cy).edges]).toEqual([0, 1]);
    } finally {
      cy.destroy();
    }
  });
});

describe('modelFromCore on a dense graph', () => {
  it('reads elements added in any order, skipping hidden links, without building a collection of every element', () => {
    // Fresh definitions (cytoscape keeps and moves a definition's position object); edges between nodes.
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        node('a', 0, 0, '#f00'),
        node('b', 10, 0, '#0f0', ['current']),
        edge('a', 'b'),
        node('d', 5, 5, '#00f', ['path']),
        edge('d', 'a'),
        node('c', 0, 10, '#f00', ['hidden']),
      ],
      layout: { name: 'preset' },
    });
    try {
      cy.getElementById('d->a').addClass('hidden');
      // cy.nodes(), cy.edges() and cy.elements() each index every element anew: the cost this read avoids on a dense graph.
      for (const name of ['nodes', 'edges', 'elements', '$', 'filter'] as const)
        jest.spyOn(cy, name).mockImplementation(() => {
          throw new Error(`cy.${name}() called`);
        });
      const m = modelFromCore(cy);
      expect(m.ids).toEqual(['a', 'b', 'd', 'c']);
      expect([...m.x]).toEqual([0, 10, 5, 0]);
      expect([...m.shown]).toEqual([1, 1, 1, 0]);
      expect(m.marked).toEqual([1, 2]);
      expect([...m.edges]).toEqual([0, 1]);
      expect(m.palette[m.colour[2]]).toBe('#00f');
    } finally {
      jest.restoreAllMocks();
      cy.destroy();
    }
  });
});

describe('withPositions', () => {
  it("draws a first open's hidden links once a layout placed the nodes, and a model with hidden links differs from one without", () => {
    const start = { ...modelFromDefinitions(NODES, EDGES), linksHidden: true };
    expect(sameModel(start, modelFromDefinitions(NODES, EDGES))).toBe(false);
    const placed = withPositions(start, ['a', 'd'], Float64Array.from([1, 2, 3, 4]));
    expect(placed.linksHidden).toBe(false);
    expect(placed.fromLayout).toBe(true);
    expect([placed.x[0], placed.y[0], placed.x[3], placed.y[3]]).toEqual([1, 2, 3, 4]);
    expect(start.x[0]).toBe(0);
  });
});
