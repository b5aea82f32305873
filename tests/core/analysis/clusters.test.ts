import { bridges, detectClusters } from '../../../main/core/analysis';
import { note, placeholder, snapshotOf, star, twoCliquesWithBridge } from './snapshot-builder';

describe('detectClusters', () => {
  it('finds the two cliques, named by their most central note, and keeps the bridge in one', () => {
    const g = twoCliquesWithBridge();
    const { clusters, clusterOf, modularity } = detectClusters(g, { seed: 7 });
    expect(clusters).toHaveLength(2);
    expect(modularity).toBeGreaterThan(0.3);
    const a = clusterOf.get('a0');
    const b = clusterOf.get('b0');
    expect(a).not.toBe(b);
    for (let i = 0; i < 5; i++) {
      expect(clusterOf.get(`a${i}`)).toBe(a);
      expect(clusterOf.get(`b${i}`)).toBe(b);
    }
    expect([a, b]).toContain(clusterOf.get('bridge'));
    // Largest first: the cluster holding the bridge has 6 members.
    expect(clusters[0].nodes).toContain('bridge');
    expect(clusters[0].nodes).toHaveLength(6);
    expect(clusters.map((c) => c.index)).toEqual([0, 1]);
    // In the clique edges go i -> j for i < j, so a4/b4 collect the most rank.
    expect(clusters.map((c) => c.name).sort()).toEqual(['a4', 'b4']);
  });

  it('is deterministic for a seed', () => {
    const g = snapshotOf(
      Array.from({ length: 60 }, (_, i) => `n${i}>n${(i * 7 + 3) % 60}`).concat(Array.from({ length: 60 }, (_, i) => `n${i}>n${(i + 1) % 60}`)),
    );
    const first = detectClusters(g, { seed: 42 });
    const second = detectClusters(g, { seed: 42 });
    expect(second.clusters).toEqual(first.clusters);
    expect([...second.clusterOf]).toEqual([...first.clusterOf]);
  });

  it('gives isolated nodes their own clusters, after the bigger ones', () => {
    const g = snapshotOf(['a>b', 'b>c'], [note('lonely'), note('alone')]);
    const { clusters, clusterOf } = detectClusters(g, { seed: 1 });
    expect(clusters.map((c) => c.nodes)).toEqual([['a', 'b', 'c'], ['alone'], ['lonely']]);
    expect(clusterOf.get('lonely')).toBe(2);
  });

  it('handles graphs with no edges and no nodes', () => {
    expect(detectClusters(snapshotOf([], [note('x'), note('y')])).clusters.map((c) => c.name)).toEqual(['x', 'y']);
    expect(detectClusters({ nodes: [], edges: [] }).clusters).toEqual([]);
  });

  it('names a cluster by a note, not by a more central placeholder', () => {
    const ph = placeholder('Wanted');
    const g = snapshotOf([`a>${ph.id}`, `b>${ph.id}`, `c>${ph.id}`], [ph]);
    const { clusters } = detectClusters(g, { seed: 3 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0].nodes).toContain(ph.id);
    expect(clusters[0].name).toBe('a');
  });
});

describe('bridges', () => {
  it('ranks the node joining two cliques first', () => {
    const g = twoCliquesWithBridge();
    const ranked = bridges(g, detectClusters(g, { seed: 7 }));
    expect(ranked[0]).toMatchObject({ id: 'bridge', clusters: 2, score: 9 });
    expect(ranked[0].perCluster.map((p) => p.neighbours)).toEqual([3, 3]);
    // The clique members touching the bridge see at most 4 x 1 cross-cluster pairs.
    for (const other of ranked.slice(1)) expect(other.score).toBeLessThanOrEqual(4);
  });

  it('prefers more clusters over a higher score, and ignores non-notes', () => {
    const clusterOf = new Map<string, number>([
      ['x1', 0],
      ['x2', 0],
      ['x3', 0],
      ['y1', 1],
      ['y2', 1],
      ['y3', 1],
      ['z1', 2],
      ['p', 0],
      ['q', 1],
      ['r', 2],
      ['wide', 0],
      ['deep', 0],
    ]);
    const ph = placeholder('Ph');
    const g = snapshotOf(['deep>x1', 'deep>x2', 'deep>x3', 'deep>y1', 'deep>y2', 'deep>y3', 'wide>p', 'wide>q', 'wide>r', `${ph.id}>p`, `${ph.id}>q`], [ph]);
    clusterOf.set(ph.id, 0);
    const ranked = bridges(g, { clusterOf });
    expect(ranked.map((b) => [b.id, b.clusters, b.score])).toEqual([
      ['wide', 3, 3],
      ['deep', 2, 9],
    ]);
    expect(bridges(g, { clusterOf }, 1).map((b) => b.id)).toEqual(['wide']);
  });

  it('finds none in a star whose nodes all share a cluster', () => {
    const g = star(5);
    expect(bridges(g, detectClusters(g, { seed: 1 }))).toEqual([]);
  });
});
