/**
 * Any sequence of incremental updates yields the same graph as a fresh index of the final
 * files, and the deltas, applied to a mirror of the previous snapshot, give the new snapshot.
 */
import fc from 'fast-check';
import { VaultGraph } from '../../../main/core/graph/vault-graph';
import type { GraphDelta, GraphEdge, GraphSnapshot, ParsedNote } from '../../../main/core/types';
import { makeNote, type LinkSpec } from './make-note';
import { vp } from '../../support/vault-path';

const NAMES = [
  'A',
  'b',
  'Dup',
  'dup',
  'Vectors',
  'x/Dup',
  'X/dup.md',
  'x/A',
  'z/Dup',
  'y/z/Dup',
  'pic.png',
  'PIC.png',
  'x/pic.png',
  'x/../A',
  '../A',
  '../Dup.md',
  './Dup',
  'Note.md',
  'img/Note',
  'x/',
];
const FOLDERS = ['', 'x/', 'y/z/', 'X/'];
const TITLES = ['A', 'B', 'Dup', 'Vectors', 'Note', 'a'];

const linkArb: fc.Arbitrary<LinkSpec> = fc.record({
  target: fc.constantFrom(...NAMES, ''),
  kind: fc.constantFrom('wiki' as const, 'markdown' as const),
});
const notePathArb = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...TITLES)).map(([f, t]) => `${f}${t}.md`);
const attachmentArb = fc.constantFrom('pic.png', 'x/pic.png', 'X/PIC.png', 'A', 'img/Note', 'y/z/Dup');

type Op =
  | { op: 'upsert'; path: string; links: LinkSpec[]; tags: string[] }
  | { op: 'remove'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'attach'; path: string }
  | { op: 'detach'; path: string }
  | { op: 'batch'; upserts: { path: string; links: LinkSpec[] }[]; removes: string[]; attach: string[]; detach: string[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('upsert' as const),
      path: notePathArb,
      links: fc.array(linkArb, { maxLength: 4 }),
      tags: fc.array(fc.constantFrom('t', 'T', 'u/v'), { maxLength: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), path: notePathArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), from: notePathArb, to: notePathArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('attach' as const), path: attachmentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('detach' as const), path: attachmentArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('batch' as const),
      upserts: fc.uniqueArray(fc.record({ path: notePathArb, links: fc.array(linkArb, { maxLength: 3 }) }), { maxLength: 3, selector: (u) => u.path }),
      removes: fc.array(notePathArb, { maxLength: 3 }),
      attach: fc.array(attachmentArb, { maxLength: 2 }),
      detach: fc.array(attachmentArb, { maxLength: 2 }),
    }),
  },
);

function applyDelta(mirror: GraphSnapshot, delta: GraphDelta): GraphSnapshot {
  const nodes = new Map(mirror.nodes.map((n) => [n.id, n]));
  const edges = new Map(mirror.edges.map((e) => [e.id, e]));
  for (const id of delta.nodesRemoved) expect(nodes.delete(id)).toBe(true);
  for (const id of delta.edgesRemoved) expect(edges.delete(id)).toBe(true);
  for (const n of delta.nodesAdded) {
    expect(nodes.has(n.id)).toBe(false);
    nodes.set(n.id, n);
  }
  for (const n of delta.nodesChanged) {
    expect(nodes.has(n.id)).toBe(true);
    nodes.set(n.id, n);
  }
  for (const e of delta.edgesAdded) {
    expect(edges.has(e.id)).toBe(false);
    edges.set(e.id, e);
  }
  for (const e of delta.edgesChanged) {
    expect(edges.has(e.id)).toBe(true);
    edges.set(e.id, e);
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const bySourceThenTarget = (a: GraphEdge, b: GraphEdge) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
  return { nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(bySourceThenTarget) };
}

test('incremental updates equal a fresh index, and deltas are exact', () => {
  fc.assert(
    fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
      const graph = new VaultGraph();
      const files = new Map<string, ParsedNote>();
      const attachments = new Set<string>();
      let mirror = graph.snapshot();
      for (const op of ops) {
        let delta: GraphDelta;
        if (op.op === 'upsert') {
          const note = makeNote(vp(op.path), op.links, { tags: op.tags });
          files.set(op.path, note);
          delta = graph.applyChanges({ upsertNotes: [note] });
        } else if (op.op === 'remove') {
          const note = files.get(op.path);
          files.delete(op.path);
          // Sometimes remove and re-add in one batch (an atomic save seen as unlink + add).
          if (note && op.path.length % 2 === 0) {
            files.set(op.path, note);
            delta = graph.applyChanges({ removeNotes: [vp(op.path)], upsertNotes: [note] });
          } else delta = graph.applyChanges({ removeNotes: [vp(op.path)] });
        } else if (op.op === 'rename') {
          const note = files.get(op.from);
          if (!note || files.has(op.to)) continue;
          files.delete(op.from);
          const moved = makeNote(
            vp(op.to),
            note.links.map((l) => ({ target: l.target, kind: l.kind })),
            { tags: note.tags },
          );
          files.set(op.to, moved);
          delta = graph.applyChanges({ removeNotes: [vp(op.from)], upsertNotes: [moved] });
        } else if (op.op === 'attach') {
          attachments.add(op.path);
          delta = graph.applyChanges({ addAttachments: [vp(op.path)] });
        } else if (op.op === 'detach') {
          attachments.delete(op.path);
          delta = graph.applyChanges({ removeAttachments: [vp(op.path)] });
        } else {
          // One call with everything at once: removals first, then upserts (a path in both is a save).
          const upserts = op.upserts.map((u) => makeNote(vp(u.path), u.links));
          for (const path of op.removes) files.delete(path);
          for (const note of upserts) files.set(note.path, note);
          const detach = op.detach.filter((p) => !op.attach.includes(p));
          for (const path of detach) attachments.delete(path);
          for (const path of op.attach) attachments.add(path);
          delta = graph.applyChanges({
            upsertNotes: upserts,
            removeNotes: op.removes.map(vp),
            addAttachments: op.attach.map(vp),
            removeAttachments: detach.map(vp),
          });
        }
        mirror = applyDelta(mirror, delta);
        expect(mirror).toEqual(graph.snapshot());
        // Counted after each step, so later steps meet counts kept from an earlier one.
        graph.tagCounts();
      }
      const fresh = new VaultGraph();
      fresh.applyChanges({ upsertNotes: [...files.values()], addAttachments: [...attachments].map(vp) });
      expect(graph.snapshot()).toEqual(fresh.snapshot());
      expect(graph.allLinks()).toEqual(fresh.allLinks());
      expect(graph.tagCounts()).toEqual(fresh.tagCounts());
      expect(graph.notePaths()).toEqual(fresh.notePaths());
    }),
    { numRuns: 600 },
  );
});
