import '../setup';
import cytoscape from 'cytoscape';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { buildElements, nodeSize, HUB_DEGREE } from '../../../renderer/src/graph/graph-elements';
import { colourForName, folderScheme, GHOST_COLOUR } from '../../../renderer/src/graph/graph-colours';
import { chainSnapshot } from './fixtures';

function build() {
  const model = new GraphModel(chainSnapshot());
  const scheme = folderScheme(model.nodes.values());
  const els = buildElements(model, { colourOf: scheme.colourOf, positionOf: () => ({ x: 1, y: 2 }) });
  const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: [...els.nodes, ...els.edges] });
  return { model, scheme, cy };
}

describe('buildElements', () => {
  it('marks placeholders as ghosts and attachments by kind', () => {
    const { cy } = build();
    const ghost = cy.getElementById('placeholder:missing');
    expect(ghost.hasClass('ghost')).toBe(true);
    expect(ghost.hasClass('placeholder')).toBe(true);
    expect(cy.getElementById('A.md').hasClass('ghost')).toBe(false);
    expect(cy.getElementById('assets/pic.png').hasClass('attachment')).toBe(true);
    expect(cy.nodes().length).toBe(9);
    expect(cy.edges().length).toBe(9);
  });

  it('sizes nodes by degree: more links, bigger node; hubs get the hub class', () => {
    const { cy } = build();
    const size = (id: string) => cy.getElementById(id).data('size') as number;
    expect(size('One/B.md')).toBeGreaterThan(size('A.md'));
    expect(size('A.md')).toBeGreaterThan(size('O.md'));
    expect(size('O.md')).toBe(nodeSize(0));
    expect(nodeSize(10_000)).toBeLessThanOrEqual(64);
    expect(cy.nodes('.hub').length).toBe(0);
    expect(nodeSize(HUB_DEGREE)).toBeGreaterThan(nodeSize(HUB_DEGREE - 1));
  });

  it('colours notes by top-level folder (legend largest first); placeholders grey; legend counts notes', () => {
    const { cy, scheme } = build();
    const colour = (id: string) => cy.getElementById(id).data('colour');
    expect(colour('One/B.md')).toBe(colour('One/C.md'));
    expect(colour('One/B.md')).not.toBe(colour('Two/D.md'));
    expect(colour('A.md')).toBe(colour('O.md')); // both at the root
    expect(colour('placeholder:missing')).toBe(GHOST_COLOUR);
    expect(scheme.legend.map((e) => [e.label, e.count])).toEqual([
      ['(root)', 2],
      ['One', 2],
      ['Two', 2],
      ['Hubs', 1],
    ]);
    expect(scheme.legend[0].colour).toBe(colourForName('(root)'));
  });

  it('a local build keeps only included nodes and the edges between them', () => {
    const model = new GraphModel(chainSnapshot());
    const els = buildElements(model, { include: new Set(['A.md', 'One/B.md', 'Two/E.md']), colourOf: () => '#000', positionOf: () => undefined });
    expect(els.nodes.map((n) => n.data.id).sort()).toEqual(['A.md', 'One/B.md', 'Two/E.md']);
    expect(els.edges.map((e) => e.data.id)).toEqual(['A.md->One/B.md']);
  });
});
