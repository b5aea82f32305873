import { bridges, detectClusters } from '../../../main/core/analysis';
import { pathGraph, twoCliquesWithBridge } from './snapshot-builder';

describe('bridges(snapshot) without a clustering', () => {
  it('clusters the snapshot itself and finds the note joining two cliques', () => {
    const ranked = bridges(twoCliquesWithBridge());
    expect(ranked[0]).toMatchObject({ id: 'bridge', clusters: 2, score: 9 });
  });

  it('gives the same answer as passing the default clustering explicitly', () => {
    const g = pathGraph(12);
    expect(bridges(g)).toEqual(bridges(g, detectClusters(g)));
  });
});
