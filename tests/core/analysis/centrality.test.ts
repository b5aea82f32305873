import { centrality, rankHubs } from '../../../main/core/analysis';
import { pathGraph, placeholder, snapshotOf, star } from './snapshot-builder';

describe('centrality', () => {
  it('counts in, out and undirected neighbours', () => {
    const scores = centrality(snapshotOf(['a>b', 'b>a', 'a>c']));
    expect(scores.get('a')).toMatchObject({ inDegree: 1, outDegree: 2, degree: 3, neighbours: 2 });
    expect(scores.get('c')).toMatchObject({ inDegree: 1, outDegree: 0, degree: 1, neighbours: 1 });
  });

  it('gives a star hub the highest PageRank; ranks sum to 1', () => {
    const g = star(6);
    const scores = centrality(g);
    const hub = scores.get('hub')!;
    for (let i = 0; i < 6; i++) expect(hub.pagerank).toBeGreaterThan(scores.get(`l${i}`)!.pagerank * 3);
    const total = [...scores.values()].reduce((s, c) => s + c.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(hub).toMatchObject({ inDegree: 6, degree: 6, neighbours: 6 });
  });

  it('matches the closed form for a 2-node link with damping 0.85', () => {
    // a -> b, b dangling (its rank spreads uniformly): pr(a) = (1-d)/2 + d*pr(b)/2 and
    // pr(b) = pr(a) + d*pr(a); with pr(a) + pr(b) = 1 that gives pr(a) = 1 / (2 + d).
    const scores = centrality(snapshotOf(['a>b']));
    expect(scores.get('a')!.pagerank).toBeCloseTo(1 / 2.85, 5);
    expect(scores.get('b')!.pagerank).toBeCloseTo(1.85 / 2.85, 5);
  });

  it('is symmetric on a path graph and deterministic', () => {
    const g = pathGraph(5);
    const a = centrality(g);
    expect(a.get('n2')!.neighbours).toBe(2);
    expect(a.get('n0')!.neighbours).toBe(1);
    expect([...centrality(g)]).toEqual([...a]);
  });

  it('returns an empty map for an empty snapshot', () => {
    expect(centrality({ nodes: [], edges: [] }).size).toBe(0);
  });
});

describe('rankHubs', () => {
  it('puts the star hub first and never ranks placeholders', () => {
    const ph = placeholder('Ghost');
    const g = snapshotOf(['l0>hub', 'l1>hub', 'l2>hub', `l0>${ph.id}`, `l1>${ph.id}`, `l2>${ph.id}`, `hub>${ph.id}`], [ph]);
    const hubs = rankHubs(g, 2);
    expect(hubs.map((h) => h.id)).toEqual(['hub', 'l0']);
    expect(rankHubs(g, 100).some((h) => h.id === ph.id)).toBe(false);
  });

  it('breaks ties by id', () => {
    expect(rankHubs(snapshotOf(['b>a', 'a>b', 'c>d', 'd>c']), 4).map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('honours limit 0', () => {
    expect(rankHubs(star(3), 0)).toEqual([]);
  });
});
