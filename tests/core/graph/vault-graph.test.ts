import { VaultGraph, placeholderId } from '../../../main/core/graph/vault-graph';
import { makeNote } from './make-note';
import { vp } from '../../support/vault-path';

function build(...notes: ReturnType<typeof makeNote>[]): VaultGraph {
  const graph = new VaultGraph();
  graph.applyChanges({ upsertNotes: notes });
  return graph;
}

describe('VaultGraph', () => {
  test('an unresolved link becomes a placeholder that a new note turns into a real edge', () => {
    const graph = build(makeNote(vp('Embedding.md'), ['Vectors']), makeNote(vp('Other.md'), ['vectors']));
    const ghost = placeholderId('Vectors');
    expect(graph.snapshot().nodes.find((n) => n.id === ghost)).toMatchObject({ kind: 'placeholder', label: 'Vectors' });
    expect(graph.unresolvedLinks()).toHaveLength(2);

    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('Math/Vectors.md'))] });
    expect(delta.nodesRemoved).toEqual([ghost]);
    expect(delta.nodesAdded.map((n) => n.id)).toEqual(['Math/Vectors.md']);
    expect(delta.edgesAdded.map((e) => [e.source, e.target])).toEqual([
      ['Embedding.md', 'Math/Vectors.md'],
      ['Other.md', 'Math/Vectors.md'],
    ]);
    expect(delta.edgesRemoved).toHaveLength(2);
    expect(graph.unresolvedLinks()).toHaveLength(0);
    expect(graph.backlinks(vp('Math/Vectors.md')).map((l) => l.source)).toEqual(['Embedding.md', 'Other.md']);
  });

  test('a second Dup.md can change which file [[Dup]] means, and the link becomes ambiguous', () => {
    const graph = build(makeNote(vp('z/Dup.md')), makeNote(vp('Home.md'), ['Dup']));
    expect(graph.outgoing(vp('Home.md'))[0]).toMatchObject({ resolved: 'z/Dup.md', candidates: [] });
    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('Dup.md'))] });
    expect(graph.outgoing(vp('Home.md'))[0]).toMatchObject({ resolved: 'Dup.md', candidates: ['Dup.md', 'z/Dup.md'] });
    expect(delta.edgesAdded.map((e) => e.target)).toEqual(['Dup.md']);
    expect(delta.edgesRemoved).toHaveLength(1);
    expect(graph.ambiguousLinks()).toHaveLength(1);
  });

  test('edges count repeated links; a changed count is an edge change', () => {
    const graph = build(makeNote(vp('B.md')), makeNote(vp('A.md'), ['B', 'B']));
    expect(graph.snapshot().edges).toEqual([{ id: expect.any(String), source: 'A.md', target: 'B.md', count: 2 }]);
    const delta = graph.applyChanges({ upsertNotes: [makeNote(vp('A.md'), ['B'])] });
    expect(delta.edgesChanged).toMatchObject([{ source: 'A.md', target: 'B.md', count: 1 }]);
    expect(delta.nodesChanged).toEqual([]);
  });

  test('renaming a note (remove + upsert) re-points links and leaves a placeholder for old names', () => {
    const graph = build(makeNote(vp('Old.md')), makeNote(vp('A.md'), ['Old']));
    const old = graph.getNote(vp('Old.md'))!;
    const delta = graph.applyChanges({ removeNotes: [vp('Old.md')], upsertNotes: [{ ...old, path: vp('New.md'), title: 'New' }] });
    expect(delta.nodesAdded.map((n) => n.id).sort()).toEqual(['New.md', placeholderId('Old')].sort());
    expect(delta.nodesRemoved).toEqual(['Old.md']);
    expect(graph.outgoing(vp('A.md'))[0].resolved).toBeNull();
  });

  test('attachments are nodes only while they exist; self links are not edges', () => {
    const graph = build(
      makeNote(vp('A.md'), [
        { target: 'pic.png', embed: true },
        { target: '', heading: 'Intro' },
      ]),
    );
    expect(
      graph
        .snapshot()
        .nodes.map((n) => n.kind)
        .sort(),
    ).toEqual(['note', 'placeholder']);
    graph.applyChanges({ addAttachments: [vp('img/pic.png')] });
    expect(graph.snapshot().nodes.map((n) => n.id)).toEqual(['A.md', 'img/pic.png']);
    expect(graph.snapshot().edges).toHaveLength(1);
    expect(graph.outgoing(vp('A.md'))[1].resolved).toBe('A.md');
    graph.applyChanges({ removeAttachments: [vp('img/pic.png')] });
    expect(
      graph
        .snapshot()
        .nodes.map((n) => n.kind)
        .sort(),
    ).toEqual(['note', 'placeholder']);
  });

  test('orphans, tags and stats', () => {
    const graph = build(
      makeNote(vp('A.md'), ['B', 'Ghost'], { tags: ['ml', 'ml/attention'] }),
      makeNote(vp('B.md'), [], { tags: ['ML'] }),
      makeNote(vp('Lonely.md'), ['Ghost', { target: '', heading: 'x' }]),
    );
    expect(graph.orphans()).toEqual(['Lonely.md']);
    expect(graph.tagCounts()).toEqual([
      { tag: 'ml', count: 2 },
      { tag: 'ml/attention', count: 1 },
    ]);
    expect(graph.notesWithTag('#ML')).toEqual(['A.md', 'B.md']);
    expect(graph.stats()).toMatchObject({ notes: 3, placeholders: 1, links: 4, unresolved: 2, orphans: 1 });
  });

  test('a placeholder label is deterministic: the alphabetically first source spells it', () => {
    const one = build(makeNote(vp('b.md'), ['vectors']), makeNote(vp('a.md'), ['Vectors']));
    const two = new VaultGraph();
    two.applyChanges({ upsertNotes: [makeNote(vp('b.md'), ['vectors'])] });
    two.applyChanges({ upsertNotes: [makeNote(vp('a.md'), ['Vectors'])] });
    expect(one.snapshot()).toEqual(two.snapshot());
    expect(one.node(placeholderId('vectors'))?.label).toBe('Vectors');
  });

  test('backlinks carry the context snippet', () => {
    const graph = build(makeNote(vp('T.md')), makeNote(vp('S.md'), ['T']));
    expect(graph.backlinks(vp('T.md'))[0].context).toContain('[[T]]');
  });

  test('counts its changes (a reader over several turns of the event loop tells whether it saw one graph)', () => {
    const graph = new VaultGraph();
    expect(graph.changeCount()).toBe(0);
    graph.load({ upsertNotes: [makeNote(vp('A.md'))] });
    expect(graph.changeCount()).toBe(1);
    graph.applyChanges({});
    expect(graph.changeCount()).toBe(1);
    graph.applyChanges({ upsertNotes: [makeNote(vp('B.md'), ['A'])] });
    graph.applyChanges({ removeNotes: [vp('B.md')] });
    expect(graph.changeCount()).toBe(3);
  });
});
