import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { checkVault } from '../../../main/core/query/check-vault';
import { makeNote } from '../graph/make-note';
import { vp } from '../../support/vault-path';

function graphOf(...notes: ReturnType<typeof makeNote>[]): VaultGraph {
  const graph = new VaultGraph();
  graph.applyChanges({ upsertNotes: notes });
  return graph;
}

const target = makeNote(vp('T.md'), [], {
  headings: [
    { text: 'Intro', level: 1, line: 1 },
    { text: 'Deep  Part', level: 2, line: 3 },
  ],
  blockIds: [
    { id: 'abc', line: 5 },
    { id: 'dup', line: 6 },
    { id: 'DUP', line: 9 },
  ],
});

describe('checkVault', () => {
  test('a clean vault has no broken links', () => {
    const report = checkVault(
      graphOf(
        target,
        makeNote(vp('S.md'), ['T', { target: 'T', heading: 'intro' }, { target: 'T', heading: 'Intro#deep part' }, { target: 'T', block: 'ABC' }]),
      ),
    );
    expect(report.hasBrokenLinks).toBe(false);
    expect(report.missingAnchors).toEqual([]);
    expect(report.orphans).toEqual([]);
  });

  test('reports unresolved links, missing headings and blocks, duplicates, orphans', () => {
    const report = checkVault(
      graphOf(target, makeNote(vp('S.md'), ['Nowhere', { target: 'T', heading: 'Outro' }, { target: 'T', block: 'zzz' }]), makeNote(vp('Alone.md'))),
    );
    expect(report.hasBrokenLinks).toBe(true);
    expect(report.unresolved.map((l) => l.target)).toEqual(['Nowhere']);
    expect(report.missingAnchors.map((m) => [m.anchor, m.name])).toEqual([
      ['heading', 'Outro'],
      ['block', 'zzz'],
    ]);
    expect(report.duplicateBlockIds).toEqual([{ path: 'T.md', id: 'dup', lines: [6, 9] }]);
    expect(report.orphans).toEqual(['Alone.md']);
  });

  test('nested headings check the last part; the note itself answers [[#H]]', () => {
    const self = makeNote(
      vp('Self.md'),
      [
        { target: '', heading: 'Mine' },
        { target: '', heading: 'Gone' },
      ],
      { headings: [{ text: 'Mine', level: 1, line: 1 }] },
    );
    const report = checkVault(
      graphOf(
        target,
        self,
        makeNote(vp('S.md'), [
          { target: 'T', heading: 'Deep Part#Intro' },
          { target: 'T', heading: 'Intro#Nope' },
        ]),
      ),
    );
    expect(report.missingAnchors.map((m) => [m.link.source, m.name])).toEqual([
      ['S.md', 'Intro#Nope'],
      ['Self.md', 'Gone'],
    ]);
  });

  test('a path suffix that matches several notes is unresolved and lists them', () => {
    const report = checkVault(graphOf(makeNote(vp('a/y/D.md')), makeNote(vp('b/y/D.md')), makeNote(vp('S.md'), ['y/D'])));
    expect(report.unresolved.map((l) => l.candidates)).toEqual([['a/y/D.md', 'b/y/D.md']]);
    expect(report.ambiguous).toHaveLength(1);
    expect(report.hasBrokenLinks).toBe(true);
  });

  test('ambiguous links are reported but are not broken', () => {
    const report = checkVault(graphOf(makeNote(vp('a/D.md')), makeNote(vp('b/D.md')), makeNote(vp('S.md'), ['D'])));
    expect(report.ambiguous).toHaveLength(1);
    expect(report.ambiguous[0].candidates).toEqual(['a/D.md', 'b/D.md']);
    expect(report.hasBrokenLinks).toBe(false);
  });
});
