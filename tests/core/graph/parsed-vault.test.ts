/** The graph, the link rule and the health report over notes produced by the real parser. */
import { VaultGraph, placeholderId } from '../../../main/core/graph/vault-graph';
import { parseNote } from '../../../main/core/parse/parse-note';
import { checkVault } from '../../../main/core/query/check-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const vault: Record<string, string> = {
  'Home.md':
    '---\ntags: [start]\n---\n# Home\nSee [[Loss]], [[loss#Gradient]] and [[Vectors]].\nAlso [m](How%20LLMs%20Work/My%20Note.md) and ![[diagram.png]] and [[#Home]].\n',
  'Loss.md': '# Loss\n## Gradient\nText ^blk\n',
  'notes/Loss.md': '# Other loss\n[[Loss#Nowhere]] [[Loss.md#^blk]]\n',
  'How LLMs Work/My Note.md': '# My Note\n[up](../Home.md) [[y/Twice]] `[[Not A Link]]`\n',
  'x/y/Twice.md': '',
  'z/y/Twice.md': '#solo',
};

test('a parsed vault resolves, reports and updates as the rule says', () => {
  const graph = new VaultGraph();
  graph.applyChanges({ upsertNotes: Object.entries(vault).map(([path, text]) => parseNote(vp(path), text)), addAttachments: [vp('assets/diagram.png')] });
  const targets = (path: VaultPath) => graph.outgoing(path).map((l) => [l.target, l.resolved]);
  expect(targets(vp('Home.md'))).toEqual([
    ['Loss', 'Loss.md'],
    ['loss', 'Loss.md'],
    ['Vectors', null],
    ['How LLMs Work/My Note.md', 'How LLMs Work/My Note.md'],
    ['diagram.png', 'assets/diagram.png'],
    ['', 'Home.md'],
  ]);
  expect(targets(vp('notes/Loss.md'))).toEqual([
    ['Loss', 'notes/Loss.md'],
    ['Loss.md', 'notes/Loss.md'],
  ]);
  expect(targets(vp('How LLMs Work/My Note.md'))).toEqual([
    ['../Home.md', 'Home.md'],
    ['y/Twice', null],
  ]);

  const report = checkVault(graph);
  expect(report.unresolved.map((l) => l.target)).toEqual(['Vectors', 'y/Twice']);
  expect(report.ambiguous.map((l) => [l.source, l.candidates])).toEqual([
    ['Home.md', ['Loss.md', 'notes/Loss.md']],
    ['Home.md', ['Loss.md', 'notes/Loss.md']],
    ['How LLMs Work/My Note.md', ['x/y/Twice.md', 'z/y/Twice.md']],
    ['notes/Loss.md', ['Loss.md', 'notes/Loss.md']],
    ['notes/Loss.md', ['Loss.md', 'notes/Loss.md']],
  ]);
  // notes/Loss.md links to itself (same folder wins), where neither anchor exists.
  expect(report.missingAnchors.map((m) => [m.link.source, m.anchor, m.name])).toEqual([
    ['notes/Loss.md', 'heading', 'Nowhere'],
    ['notes/Loss.md', 'block', 'blk'],
  ]);
  expect(report.orphans).toEqual(['notes/Loss.md', 'x/y/Twice.md', 'z/y/Twice.md']);
  expect(graph.tagCounts()).toEqual([
    { tag: 'solo', count: 1 },
    { tag: 'start', count: 1 },
  ]);
  expect(graph.backlinks(vp('Loss.md')).map((l) => l.context)).toEqual([
    'See [[Loss]], [[loss#Gradient]] and [[Vectors]].',
    'See [[Loss]], [[loss#Gradient]] and [[Vectors]].',
  ]);

  const delta = graph.applyChanges({ upsertNotes: [parseNote(vp('Math/Vectors.md'), '# Vectors\n')] });
  expect(delta.nodesRemoved).toEqual([placeholderId('Vectors')]);
  expect(delta.edgesAdded.map((e) => [e.source, e.target])).toEqual([['Home.md', 'Math/Vectors.md']]);
});
