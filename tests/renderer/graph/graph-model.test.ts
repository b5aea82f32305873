import '../setup';
import { GraphModel, neighbourhood } from '../../../renderer/src/graph/graph-model';
import { chainSnapshot, edge, note } from './fixtures';
import { vp } from '../../support/vault-path';

const sorted = (s: Set<string>) => [...s].sort();

describe('GraphModel', () => {
  it('counts undirected degree, ignoring direction and duplicate pairs', () => {
    const model = new GraphModel(chainSnapshot());
    expect(model.degree('Hubs/H.md')).toBe(3);
    expect(model.degree('One/B.md')).toBe(4);
    expect(model.degree('O.md')).toBe(0);
    model.applyDelta({ nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [edge('Hubs/H.md', 'A.md')], edgesRemoved: [], edgesChanged: [] });
    expect(model.degree('A.md')).toBe(2); // A<->H is still one neighbour pair
    model.applyDelta({ nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: ['A.md->Hubs/H.md'], edgesChanged: [] });
    expect(model.degree('A.md')).toBe(2); // H->A keeps them joined
    model.applyDelta({ nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: ['Hubs/H.md->A.md'], edgesChanged: [] });
    expect(model.degree('A.md')).toBe(1);
  });

  it('removing a node drops its edges and reports its neighbours as touched', () => {
    const model = new GraphModel(chainSnapshot());
    const touched = model.applyDelta({ nodesAdded: [], nodesRemoved: ['Hubs/H.md'], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] });
    expect(sorted(touched)).toEqual(['A.md', 'One/B.md', 'One/C.md']);
    expect([...model.edges.keys()].some((id) => id.includes('Hubs/H.md'))).toBe(false);
    expect(model.degree('One/C.md')).toBe(2);
  });

  it('local neighbourhoods grow with depth 1 to 3', () => {
    const model = new GraphModel(chainSnapshot());
    expect(sorted(neighbourhood(model, ['A.md'], 1))).toEqual(['A.md', 'Hubs/H.md', 'One/B.md']);
    expect(sorted(neighbourhood(model, ['A.md'], 2))).toEqual(['A.md', 'Hubs/H.md', 'One/B.md', 'One/C.md', 'assets/pic.png']);
    expect(sorted(neighbourhood(model, ['A.md'], 3))).toEqual(['A.md', 'Hubs/H.md', 'One/B.md', 'One/C.md', 'Two/D.md', 'assets/pic.png']);
    expect(sorted(neighbourhood(model, ['O.md'], 3))).toEqual(['O.md']);
    expect(neighbourhood(model, ['nope.md'], 2).size).toBe(0);
  });

  it('several centres (expanded nodes) union their neighbourhoods', () => {
    const model = new GraphModel(chainSnapshot());
    model.applyDelta({ nodesAdded: [note(vp('X.md'))], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] });
    expect(sorted(neighbourhood(model, ['Two/E.md', 'X.md'], 1))).toEqual(['Two/D.md', 'Two/E.md', 'X.md', 'placeholder:missing']);
  });
});
