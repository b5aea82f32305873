import '../setup';
import cytoscape from 'cytoscape';
import type { GraphDelta } from '../../../main/core/types';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { buildElements, nodeSize } from '../../../renderer/src/graph/graph-elements';
import { applyDeltaToCy } from '../../../renderer/src/graph/apply-delta';
import { chainSnapshot, edge, note, placeholder } from './fixtures';
import { vp } from '../../support/vault-path';

const empty: GraphDelta = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] };

function setup() {
  const model = new GraphModel(chainSnapshot());
  let i = 0;
  const els = buildElements(model, { colourOf: () => '#123456', positionOf: () => ({ x: (i++ % 3) * 100, y: Math.floor(i / 3) * 100 }) });
  const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: [...els.nodes, ...els.edges] });
  const apply = (delta: GraphDelta, include?: Set<string>) =>
    applyDeltaToCy(cy, { ...empty, ...delta }, model.applyDelta({ ...empty, ...delta }), {
      model,
      include,
      colourOf: () => '#654321',
      rememberedPosition: () => undefined,
    });
  return { model, cy, apply };
}

describe('applyDeltaToCy', () => {
  it('adds a node next to its neighbour and updates degrees in place', () => {
    const { cy, apply } = setup();
    const before = cy.getElementById('Two/E.md').position();
    const added = apply({ ...empty, nodesAdded: [note(vp('Two/F.md'))], edgesAdded: [edge('Two/F.md', 'Two/E.md')] });
    expect(cy.nodes().length).toBe(10);
    expect(cy.edges().length).toBe(10);
    const p = added.get('Two/F.md')!;
    expect(Math.hypot(p.x - before.x, p.y - before.y)).toBeLessThan(100);
    expect(cy.getElementById('Two/E.md').data('degree')).toBe(3);
    expect(cy.getElementById('Two/E.md').data('size')).toBe(nodeSize(3));
    expect(cy.getElementById('Two/F.md').data('colour')).toBe('#654321');
  });

  it('removes nodes with their edges and shrinks the neighbours', () => {
    const { cy, apply } = setup();
    apply({ ...empty, nodesRemoved: ['Hubs/H.md'], edgesRemoved: ['A.md->Hubs/H.md', 'One/B.md->Hubs/H.md', 'One/C.md->Hubs/H.md'] });
    expect(cy.nodes().length).toBe(8);
    expect(cy.edges().length).toBe(6);
    expect(cy.getElementById('A.md').data('degree')).toBe(1);
  });

  it('a placeholder turning into a note changes its kind and drops the ghost look, keeping view classes', () => {
    const { cy, apply } = setup();
    const id = placeholder('Missing').id;
    cy.getElementById(id).addClass('dimmed');
    apply({ ...empty, nodesChanged: [{ id, kind: 'note', label: 'Missing', path: vp('Missing.md'), tags: [] }] });
    const n = cy.getElementById(id);
    expect(n.hasClass('ghost')).toBe(false);
    expect(n.hasClass('note')).toBe(true);
    expect(n.hasClass('dimmed')).toBe(true);
    expect(n.data('path')).toBe('Missing.md');
  });

  it('edge count changes update data; a local view ignores nodes outside it', () => {
    const { cy, apply } = setup();
    apply({ ...empty, edgesChanged: [edge('A.md', 'One/B.md', 4)] });
    expect(cy.getElementById('A.md->One/B.md').data('count')).toBe(4);
    apply({ ...empty, nodesAdded: [note(vp('Far.md'))], edgesAdded: [edge('Far.md', 'O.md')] }, new Set(['A.md', 'O.md']));
    expect(cy.getElementById('Far.md').empty()).toBe(true);
    expect(cy.edges().length).toBe(9);
  });
});
