import { VaultGraph, placeholderId } from '../../../main/core/graph/vault-graph';
import { makeNote } from './make-note';
import { vp } from '../../support/vault-path';

function build(...notes: ReturnType<typeof makeNote>[]): VaultGraph {
  const graph = new VaultGraph();
  graph.applyChanges({ upsertNotes: notes });
  return graph;
}

describe('VaultGraph details', () => {
  test('a tag change is a node change and nothing else', () => {
    const graph = build(makeNote(vp('A.md'), [], { tags: ['x'] }));
    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('A.md'), [], { tags: ['x', 'y'] })] });
    expect(delta).toEqual({
      nodesAdded: [],
      nodesRemoved: [],
      nodesChanged: [{ id: 'A.md', kind: 'note', label: 'A', path: 'A.md', tags: ['x', 'y'] }],
      edgesAdded: [],
      edgesRemoved: [],
      edgesChanged: [],
    });
  });

  test('re-saving an unchanged note yields an empty delta', () => {
    const graph = build(makeNote(vp('A.md'), ['B', 'Ghost']), makeNote(vp('B.md')));
    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('A.md'), ['B', 'Ghost'])] });
    expect(Object.values(delta).every((list) => list.length === 0)).toBe(true);
  });

  test('placeholders: case and .md variants share one node, folders are kept, labels come from the first source', () => {
    const graph = build(makeNote(vp('b.md'), ['ghost.md', 'Math/Ghost']), makeNote(vp('a.md'), [{ target: 'x' }, { target: 'GHOST' }]));
    const ids = graph
      .snapshot()
      .nodes.filter((n) => n.kind === 'placeholder')
      .map((n) => [n.id, n.label]);
    expect(ids).toEqual([
      [placeholderId('Ghost'), 'GHOST'],
      ['placeholder:math/ghost', 'Math/Ghost'],
      ['placeholder:x', 'x'],
    ]);
    expect(graph.snapshot().edges.find((e) => e.source === 'b.md' && e.target === placeholderId('ghost'))?.count).toBe(1);
  });

  test('the placeholder label follows the earliest link by offset, and changes when the first source goes', () => {
    const graph = build(makeNote(vp('b.md'), ['ghost']), makeNote(vp('a.md'), [{ target: 'gHost' }, { target: 'GHOST' }]));
    expect(graph.node(placeholderId('ghost'))?.label).toBe('gHost');
    const delta = graph.applyChanges({ removeNotes: [vp('a.md')] });
    expect(delta.nodesChanged).toEqual([{ id: placeholderId('ghost'), kind: 'placeholder', label: 'ghost', path: null, tags: [] }]);
    const gone = graph.applyChanges({ upsertNotes: [makeNote(vp('b.md'))] });
    expect(gone.nodesRemoved).toEqual([placeholderId('ghost')]);
    expect(graph.stats().placeholders).toBe(0);
  });

  test('a path suffix that stops being unique turns an edge into a placeholder with candidates', () => {
    const graph = build(makeNote(vp('x/y/T.md')), makeNote(vp('S.md'), ['y/T']));
    expect(graph.outgoing(vp('S.md'))[0]).toMatchObject({ resolved: 'x/y/T.md', candidates: [] });
    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('z/y/T.md'))] });
    expect(graph.outgoing(vp('S.md'))[0]).toMatchObject({ resolved: null, candidates: ['x/y/T.md', 'z/y/T.md'] });
    expect(delta.nodesAdded.map((n) => n.id).sort()).toEqual(['placeholder:y/t', 'z/y/T.md']);
    expect(delta.edgesRemoved).toHaveLength(1);
    expect(graph.unresolvedLinks()).toHaveLength(1);
    expect(graph.ambiguousLinks()).toHaveLength(1);
  });

  test('moving a note to another folder re-resolves links to its old and new name', () => {
    const graph = build(makeNote(vp('a/N.md')), makeNote(vp('b/N.md')), makeNote(vp('a/S.md'), ['N']), makeNote(vp('T.md'), ['b/N']));
    expect(graph.outgoing(vp('a/S.md'))[0].resolved).toBe('a/N.md');
    const note = graph.getNote(vp('a/N.md'))!;
    graph.applyChanges({ removeNotes: [vp('a/N.md')], upsertNotes: [{ ...note, path: vp('c/N.md') }] });
    expect(graph.outgoing(vp('a/S.md'))[0]).toMatchObject({ resolved: 'b/N.md', candidates: ['b/N.md', 'c/N.md'] });
    expect(graph.backlinks(vp('b/N.md')).map((l) => l.source)).toEqual(['T.md', 'a/S.md']);
    expect(graph.notePaths()).toEqual(['T.md', 'a/S.md', 'b/N.md', 'c/N.md']);
  });

  test('a link to an attachment is not an orphan link; links to placeholders and self are', () => {
    const graph = build(makeNote(vp('A.md'), ['pic.png']), makeNote(vp('B.md'), ['B', 'nothing']));
    graph.applyChanges({ addAttachments: [vp('pic.png')] });
    expect(graph.orphans()).toEqual(['B.md']);
    expect(graph.attachmentPaths()).toEqual(['pic.png']);
    expect(graph.stats()).toEqual({ notes: 2, attachments: 1, placeholders: 1, links: 3, resolved: 2, unresolved: 1, ambiguous: 0, orphans: 1 });
  });

  test('backlinks list every link from other notes, with positions and context, but not self-links', () => {
    const graph = build(makeNote(vp('T.md'), ['T']), makeNote(vp('S.md'), ['T', 'other', { target: 'T', heading: 'H' }]));
    const back = graph.backlinks(vp('T.md'));
    expect(back.map((l) => [l.source, l.line, l.heading])).toEqual([
      ['S.md', 1, null],
      ['S.md', 3, 'H'],
    ]);
    expect(back[1].context).toBe('line 3 mentions [[T#H]]');
  });

  test('resolve() answers for any note, even one not in the vault yet', () => {
    const graph = build(makeNote(vp('a/Dup.md')), makeNote(vp('b/Dup.md')));
    expect(graph.resolve(vp('b/New.md'), 'dup')).toEqual({ resolved: 'b/Dup.md', candidates: ['a/Dup.md', 'b/Dup.md'] });
    expect(graph.resolve(vp('New.md'), 'Nope')).toEqual({ resolved: null, candidates: [] });
  });

  test('removing a file that is not there changes nothing', () => {
    const graph = build(makeNote(vp('A.md')));
    const delta = graph.applyChanges({ removeNotes: [vp('B.md')], removeAttachments: [vp('x.png')] });
    expect(Object.values(delta).every((list) => list.length === 0)).toBe(true);
  });
});

describe('VaultGraph.loadResolved (a warm start from stored, resolved links)', () => {
  const notes = () => [
    makeNote(vp('A.md'), ['B', 'Ghost', 'img.png', 'Dup']),
    makeNote(vp('B.md'), ['A']),
    makeNote(vp('x/Dup.md')),
    makeNote(vp('y/Dup.md'), ['Dup']),
  ];

  test('equals a graph that resolved everything itself, and later changes behave the same', () => {
    const fresh = new VaultGraph();
    fresh.load({ upsertNotes: notes(), addAttachments: [vp('img.png')] });
    const stored = new Map(fresh.notePaths().map((path) => [path, fresh.outgoing(path)]));
    const warm = new VaultGraph();
    warm.loadResolved({ upsertNotes: notes(), addAttachments: [vp('img.png')] }, stored);
    expect(warm.snapshot()).toEqual(fresh.snapshot());
    expect(warm.stats()).toEqual(fresh.stats());
    for (const path of fresh.notePaths()) expect(warm.outgoing(path)).toEqual(fresh.outgoing(path));
    // Its file index is built on first use, and agrees from then on.
    const change = { upsertNotes: [makeNote(vp('Dup.md'))], removeAttachments: [vp('img.png')] };
    expect(warm.applyChanges(change)).toEqual(fresh.applyChanges(change));
    expect(warm.resolve(vp('A.md'), 'Dup')).toEqual(fresh.resolve(vp('A.md'), 'Dup'));
  });

  test('a note without a resolution for every link, or with links of another note, is a bug and throws; a non-empty graph refuses to load', () => {
    const source = new VaultGraph();
    source.load({ upsertNotes: [makeNote(vp('A.md'), ['B', 'C']), makeNote(vp('Z.md'), ['B', 'C'])] });
    const one = new Map([[vp('A.md'), source.outgoing(vp('A.md')).slice(0, 1)]]);
    expect(() => new VaultGraph().loadResolved({ upsertNotes: [makeNote(vp('A.md'), ['B', 'C'])] }, one)).toThrow(/no resolution for every link/);
    const foreign = new Map([[vp('A.md'), source.outgoing(vp('Z.md'))]]);
    expect(() => new VaultGraph().loadResolved({ upsertNotes: [makeNote(vp('A.md'), ['B', 'C'])] }, foreign)).toThrow(/claims another source/);
    const graph = new VaultGraph();
    graph.load({ upsertNotes: [makeNote(vp('A.md'))] });
    expect(() => graph.load({ upsertNotes: [makeNote(vp('B.md'))] })).toThrow(/not empty/);
  });
});

describe('VaultGraph tag counts', () => {
  /** A note whose tags are counted each time they are read. */
  function counted(path: string, tags: string[], reads: { n: number }): ReturnType<typeof makeNote> {
    const note = makeNote(vp(path), [], { tags });
    Object.defineProperty(note, 'tags', {
      get: () => {
        reads.n++;
        return tags;
      },
    });
    return note;
  }

  test('are kept until the notes change, then counted afresh', () => {
    const reads = { n: 0 };
    const graph = new VaultGraph();
    graph.applyChanges({ upsertNotes: [counted('b.md', ['ml'], reads), counted('a.md', ['ML', 'x'], reads)] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'ML', count: 2 },
      { tag: 'x', count: 1 },
    ]);
    const after = reads.n;
    const again = graph.tagCounts();
    expect(reads.n).toBe(after);
    again[0].count = 99;
    expect(graph.tagCounts()[0]).toEqual({ tag: 'ML', count: 2 });

    graph.applyChanges({ upsertNotes: [makeNote(vp('c.md'), [], { tags: ['x'] })], removeNotes: [vp('b.md')] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'ML', count: 1 },
    ]);
    expect(graph.notePaths()).toEqual(['a.md', 'c.md']);
  });

  test('an edit that leaves every tag as it was keeps the counts; a changed tag, a new or a removed note recounts', () => {
    const reads = { n: 0 };
    const graph = new VaultGraph();
    graph.applyChanges({ upsertNotes: [counted('a.md', ['ml'], reads), counted('b.md', ['x'], reads)] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'ml', count: 1 },
      { tag: 'x', count: 1 },
    ]);
    // The same tags, another link: the counts stand (only the comparison reads the tags).
    graph.applyChanges({ upsertNotes: [makeNote(vp('a.md'), ['b'], { tags: ['ml'] })] });
    const before = reads.n;
    expect(graph.tagCounts()).toEqual([
      { tag: 'ml', count: 1 },
      { tag: 'x', count: 1 },
    ]);
    expect(reads.n).toBe(before);
    // Another spelling is another tag list: recounted, and the shown spelling follows.
    graph.applyChanges({ upsertNotes: [counted('a.md', ['ML', 'x'], reads)] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'ML', count: 1 },
    ]);
    graph.applyChanges({ upsertNotes: [makeNote(vp('0.md'), [], { tags: ['Ml'] })] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'Ml', count: 2 },
      { tag: 'x', count: 2 },
    ]);
    expect(graph.notePaths()).toEqual(['0.md', 'a.md', 'b.md']);
    graph.applyChanges({ removeNotes: [vp('b.md')] });
    expect(graph.tagCounts()).toEqual([
      { tag: 'Ml', count: 2 },
      { tag: 'x', count: 1 },
    ]);
  });
});
