import { findShortestPaths, shortestPaths } from '../../../main/core/analysis';
import { pathGraph, placeholder, snapshotOf, twoCliquesWithBridge } from './snapshot-builder';

describe('shortestPaths', () => {
  it('walks a path graph end to end, either way when undirected', () => {
    const g = pathGraph(5);
    expect(shortestPaths(g, 'n0', 'n4')).toEqual([['n0', 'n1', 'n2', 'n3', 'n4']]);
    expect(shortestPaths(g, 'n4', 'n0')).toEqual([['n4', 'n3', 'n2', 'n1', 'n0']]);
  });

  it('follows link direction only when directed', () => {
    const g = pathGraph(3);
    expect(shortestPaths(g, 'n0', 'n2', { directed: true })).toEqual([['n0', 'n1', 'n2']]);
    expect(shortestPaths(g, 'n2', 'n0', { directed: true })).toEqual([]);
  });

  it('directed paths can be longer than undirected ones', () => {
    // a->b, c->b, a->d, d->e, e->c: undirected a-b-c is 2 hops, directed a->d->e->c is 3.
    const g = snapshotOf(['a>b', 'c>b', 'a>d', 'd>e', 'e>c']);
    expect(shortestPaths(g, 'a', 'c')).toEqual([['a', 'b', 'c']]);
    expect(shortestPaths(g, 'a', 'c', { directed: true })).toEqual([['a', 'd', 'e', 'c']]);
  });

  it('returns every tied path in lexicographic order, capped by max', () => {
    // Diamond-of-diamonds: s -> {x,y} -> m -> {p,q} -> t gives 4 shortest paths.
    const g = snapshotOf(['s>x', 's>y', 'x>m', 'y>m', 'm>p', 'm>q', 'p>t', 'q>t', 's>z', 'z>z2', 'z2>z3', 'z3>z4', 'z4>t']);
    expect(shortestPaths(g, 's', 't')).toEqual([
      ['s', 'x', 'm', 'p', 't'],
      ['s', 'x', 'm', 'q', 't'],
      ['s', 'y', 'm', 'p', 't'],
      ['s', 'y', 'm', 'q', 't'],
    ]);
    expect(shortestPaths(g, 's', 't', { max: 2 })).toEqual([
      ['s', 'x', 'm', 'p', 't'],
      ['s', 'x', 'm', 'q', 't'],
    ]);
    expect(shortestPaths(g, 's', 't', { max: 0 })).toEqual([]);
  });

  it('goes through the bridge between two cliques', () => {
    const paths = shortestPaths(twoCliquesWithBridge(), 'a4', 'b4');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).toHaveLength(5); // a4 - a_i - bridge - b_j - b4
      expect(path[2]).toBe('bridge');
    }
    expect(paths).toHaveLength(5); // 3 * 3 = 9 ties, capped at the default 5
    expect(findShortestPaths(twoCliquesWithBridge(), 'a4', 'b4').total).toBe(9);
  });

  it('counts every shortest path even when it lists only the first few', () => {
    const diamonds = snapshotOf(['s>x', 's>y', 'x>m', 'y>m', 'm>p', 'm>q', 'p>t', 'q>t', 's>z', 'z>z2', 'z2>z3', 'z3>z4', 'z4>t']);
    expect(findShortestPaths(diamonds, 's', 't', { max: 1 })).toEqual({ paths: [['s', 'x', 'm', 'p', 't']], total: 4 });
    expect(findShortestPaths(diamonds, 's', 'nope')).toEqual({ paths: [], total: 0 });
    expect(findShortestPaths(diamonds, 's', 's')).toEqual({ paths: [['s']], total: 1 });
    // 20 diamonds in a row: 2^20 shortest paths, counted without listing them (or recursing 20 deep per path).
    const edges: string[] = [];
    for (let i = 0; i < 20; i++) edges.push(`h${i}>a${i}`, `h${i}>b${i}`, `a${i}>h${i + 1}`, `b${i}>h${i + 1}`);
    const result = findShortestPaths(snapshotOf(edges), 'h0', 'h20');
    expect(result.total).toBe(2 ** 20);
    expect(result.paths).toHaveLength(5);
  });

  it('is empty for disconnected or unknown nodes, and [[id]] from a node to itself', () => {
    const g = snapshotOf(['a>b', 'c>d']);
    expect(shortestPaths(g, 'a', 'd')).toEqual([]);
    expect(shortestPaths(g, 'a', 'nope')).toEqual([]);
    expect(shortestPaths(g, 'a', 'a')).toEqual([['a']]);
  });

  it('may pass through a placeholder two notes both link to, but not out of one when directed', () => {
    const ph = placeholder('Missing');
    const g = snapshotOf([`a>${ph.id}`, `b>${ph.id}`], [ph]);
    expect(shortestPaths(g, 'a', 'b')).toEqual([['a', ph.id, 'b']]);
    expect(shortestPaths(g, 'a', 'b', { directed: true })).toEqual([]);
  });
});
