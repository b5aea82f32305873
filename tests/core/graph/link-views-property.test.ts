/**
 * The graph keeps a note's parsed links beside their resolutions and builds ResolvedLinks only
 * when asked. Whichever way it was built (load, loadResolved, one change at a time), every
 * answer equals resolving each link on its own, and the links it hands out are copies: changing
 * one never changes the graph.
 */
import fc from 'fast-check';
import { FileIndex } from '../../../main/core/resolve/file-index';
import { resolveLinkTarget } from '../../../main/core/resolve/resolve-link';
import { VaultGraph } from '../../../main/core/graph/vault-graph';
import type { ParsedNote, ResolvedLink, VaultPath } from '../../../main/core/types';
import { makeNote, type LinkSpec } from './make-note';
import { vp } from '../../support/vault-path';

const TARGETS = ['A', 'a', 'Dup', 'x/Dup', 'X/dup.md', 'pic.png', 'x/pic.png', '../A', './Dup', 'Missing', 'img/Note', 'x/', ''];
const NOTE_PATHS = ['A.md', 'Dup.md', 'x/Dup.md', 'X/dup.md', 'y/z/Dup.md', 'x/A.md', 'Note.md', 'img/Note.md', 'b.md'];
const ATTACHMENTS = ['pic.png', 'x/pic.png', 'X/PIC.png', 'img/Note', 'y/z/Dup'];

const linkArb: fc.Arbitrary<LinkSpec> = fc.record({
  target: fc.constantFrom(...TARGETS),
  kind: fc.constantFrom('wiki' as const, 'markdown' as const),
});
const vaultArb = fc.record({
  notes: fc.uniqueArray(fc.record({ path: fc.constantFrom(...NOTE_PATHS), links: fc.array(linkArb, { maxLength: 6 }) }), {
    minLength: 1,
    maxLength: NOTE_PATHS.length,
    selector: (n) => n.path,
  }),
  attachments: fc.uniqueArray(fc.constantFrom(...ATTACHMENTS), { maxLength: 3 }),
});

/** Each link resolved on its own, as a whole new object (what the graph answered before it stopped copying links). */
function reference(notes: ParsedNote[], attachments: VaultPath[]): Map<VaultPath, ResolvedLink[]> {
  const index = new FileIndex();
  for (const path of [...attachments, ...notes.map((n) => n.path)]) index.add(path);
  const out = new Map<VaultPath, ResolvedLink[]>();
  for (const note of notes) {
    out.set(
      note.path,
      note.links.map((link) => ({ ...link, source: note.path, ...resolveLinkTarget(index, note.path, link.kind, link.target) })),
    );
  }
  return out;
}

function builds(notes: ParsedNote[], attachments: VaultPath[], expected: Map<VaultPath, ResolvedLink[]>): [string, VaultGraph][] {
  const loaded = new VaultGraph();
  loaded.load({ upsertNotes: notes, addAttachments: attachments });
  // As a warm start does: the notes' links are the stored ResolvedLinks themselves.
  const stored = new Map([...expected].map(([path, links]) => [path, links.map((l) => ({ ...l }))]));
  const fromCache = new VaultGraph();
  fromCache.loadResolved({ upsertNotes: notes.map((n) => ({ ...n, links: stored.get(n.path)! })), addAttachments: attachments }, stored);
  const stepwise = new VaultGraph();
  for (const note of notes) stepwise.applyChanges({ upsertNotes: [note] });
  stepwise.applyChanges({ addAttachments: attachments });
  return [
    ['load', loaded],
    ['loadResolved', fromCache],
    ['applyChanges', stepwise],
  ];
}

function check(graph: VaultGraph, expected: Map<VaultPath, ResolvedLink[]>): void {
  const paths = [...expected.keys()].sort();
  const all = paths.flatMap((path) => expected.get(path)!);
  for (const path of paths) {
    expect(graph.outgoing(path)).toEqual(expected.get(path));
    expect(graph.resolutionsOf(path).map((r) => ({ resolved: r.resolved, candidates: r.candidates }))).toEqual(
      expected.get(path)!.map((l) => ({ resolved: l.resolved, candidates: l.candidates })),
    );
    // Self-links are no edges, so a note is not its own backlink.
    expect(graph.backlinks(path)).toEqual(all.filter((l) => l.resolved === path && l.source !== path));
  }
  expect(graph.allLinks()).toEqual(all);
  expect(graph.unresolvedLinks()).toEqual(all.filter((l) => l.resolved === null));
  expect(graph.ambiguousLinks()).toEqual(all.filter((l) => l.candidates.length > 1));
  const stats = graph.stats();
  expect([stats.links, stats.unresolved, stats.ambiguous]).toEqual([
    all.length,
    all.filter((l) => l.resolved === null).length,
    all.filter((l) => l.candidates.length > 1).length,
  ]);
}

test('every way of building the graph answers as resolving each link on its own', () => {
  fc.assert(
    fc.property(vaultArb, ({ notes: specs, attachments }) => {
      const notes = specs.map((s) => makeNote(vp(s.path), s.links));
      const expected = reference(notes, attachments.map(vp));
      for (const [, graph] of builds(notes, attachments.map(vp), expected)) check(graph, expected);
    }),
    { numRuns: 100 },
  );
});

test('changing a link the graph handed out changes nothing in the graph', () => {
  fc.assert(
    fc.property(vaultArb, ({ notes: specs, attachments }) => {
      const notes = specs.map((s) => makeNote(vp(s.path), s.links));
      const expected = reference(notes, attachments.map(vp));
      for (const [, graph] of builds(notes, attachments.map(vp), expected)) {
        const before = graph.snapshot();
        for (const link of [...graph.allLinks(), ...notes.flatMap((n) => [...graph.outgoing(n.path), ...graph.backlinks(n.path)])]) {
          link.resolved = vp('elsewhere.md');
          link.target = 'Elsewhere';
        }
        check(graph, expected);
        expect(graph.snapshot()).toEqual(before);
      }
    }),
    { numRuns: 60 },
  );
});
