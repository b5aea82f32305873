import type { FileChange, VaultEvent } from '../../../main/contract/api-contract';
import { edgeId } from '../../../main/core/graph/graph-diff';
import { staleParts } from '../../../renderer/src/hooks/live-updates';
import { vp } from '../../support/vault-path';

const NONE = { meta: false, links: false, names: false, tags: false };
const change = (extra: Partial<FileChange>): FileChange => ({ path: vp('A.md'), kind: 'note', title: 'A', size: 1, mtimeMs: 1, hash: 'h1', ...extra });
const files = (c: FileChange): VaultEvent => ({ type: 'files', added: [], removed: [], changed: [c] });
const graph = (delta: Partial<Extract<VaultEvent, { type: 'graph' }>['delta']>): VaultEvent => ({
  type: 'graph',
  delta: { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [], ...delta },
});

test('the echo of an own save re-reads what its parse changed, nothing for prose', () => {
  expect(staleParts(files(change({ derived: NONE })), vp('A.md'), 'h1')).toEqual([]);
  expect(staleParts(files(change({ derived: { ...NONE, meta: true, links: true } })), vp('A.md'), 'h1')).toEqual(['meta', 'outgoing']);
  expect(staleParts(files(change({ derived: { ...NONE, meta: true, names: true } })), vp('A.md'), 'h1')).toEqual(['meta', 'backlinks', 'unlinked']);
  // Tag counts follow the app's version: everything.
  expect(staleParts(files(change({ derived: { ...NONE, meta: true, tags: true } })), vp('A.md'), 'h1')).toBe('all');
});

test('any other change to the note re-reads all of it', () => {
  expect(staleParts(files(change({ derived: NONE })), vp('A.md'), null)).toBe('all');
  expect(staleParts(files(change({ derived: NONE })), vp('A.md'), 'other hash')).toBe('all');
  expect(staleParts(files(change({})), vp('A.md'), 'h1')).toBe('all');
  expect(staleParts({ type: 'external-change', path: vp('A.md'), hash: 'h2', deleted: false }, vp('A.md'), 'h1')).toBe('all');
  expect(staleParts(files(change({ path: vp('B.md') })), vp('A.md'), null)).toEqual([]);
});

test('an edge says which side changed: outgoing from the note, backlinks and mentions into it', () => {
  const edge = (source: string, target: string) => ({ id: edgeId(source, target), source, target, count: 1 });
  expect(staleParts(graph({ edgesAdded: [edge('A.md', 'B.md')] }), vp('A.md'), null)).toEqual(['outgoing']);
  expect(staleParts(graph({ edgesRemoved: [edgeId('B.md', 'A.md')] }), vp('A.md'), null)).toEqual(['backlinks', 'unlinked']);
  expect(staleParts(graph({ edgesChanged: [edge('A.md', 'A.md')] }), vp('A.md'), null)).toEqual(['outgoing', 'backlinks', 'unlinked']);
  expect(staleParts(graph({ edgesAdded: [edge('B.md', 'C.md')] }), vp('A.md'), null)).toEqual([]);
  expect(staleParts(graph({ nodesChanged: [{ id: 'A.md', kind: 'note', label: 'A', path: vp('A.md'), tags: ['t'] }] }), vp('A.md'), null)).toBe('all');
});
