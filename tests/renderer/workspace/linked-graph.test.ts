/** The linked local graph: opened beside its note, it follows what the note's pane shows, and falls back to its own note when that pane closes. */
import { activatePane, activePaneOf, closePane, initialLayout, openInActive, type Layout, type View } from '../../../renderer/src/workspace/layout-model';
import { layoutProblems } from '../../../renderer/src/workspace/layout-check';
import { closeGraphIn, linkedNotePath, openFromGraph, openLinkedLocalGraph, shownTabOf } from '../../../renderer/src/workspace/linked-graph';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const note = (path: VaultPath): View => ({ kind: 'note', route: { path, heading: null, block: null } });
const graphTab = (l: Layout) => (l.root.kind === 'split' ? shownTabOf(l, l.root.children[1].id) : null);

test('opens a local graph of the note in a new pane to its right; the note’s pane stays active', () => {
  const l = openLinkedLocalGraph(openInActive(initialLayout(), note(vp('A.md'))));
  expect(layoutProblems(l)).toEqual([]);
  expect(l.root.kind === 'split' && l.root.direction).toBe('row');
  expect(l.activePane).toBe('p0');
  expect(graphTab(l)?.entries).toEqual([{ kind: 'graph', local: 'A.md' }]);
  expect(graphTab(l)?.linkedPane).toBe('p0');
});

test('follows the note its linked pane shows', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note(vp('A.md'))));
  expect(linkedNotePath(l, graphTab(l))).toBe('A.md');
  l = openInActive(l, note(vp('B.md')));
  expect(linkedNotePath(l, graphTab(l))).toBe('B.md');
});

test('with its linked pane closed it stays on its own note', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note(vp('A.md'))));
  l = openInActive(l, note(vp('B.md')));
  l = closePane(l, 'p0');
  expect(linkedNotePath(l, shownTabOf(l, l.activePane))).toBe('A.md');
});

test('without a note there is nothing to centre on: no change', () => {
  const l = initialLayout();
  expect(openLinkedLocalGraph(l)).toBe(l);
});

test('a node clicked in a linked graph opens in the pane it follows, which becomes active', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note(vp('A.md'))));
  const graphPane = l.root.kind === 'split' ? l.root.children[1].id : '';
  l = openFromGraph(activatePane(l, graphPane), graphPane, vp('B.md'));
  expect(layoutProblems(l)).toEqual([]);
  expect(l.activePane).toBe('p0');
  expect(shownTabOf(l, 'p0')?.entries.map((v) => v.kind === 'note' && v.route.path)).toEqual(['A.md', 'B.md']);
  expect(graphTab(l)?.entries).toEqual([{ kind: 'graph', local: 'A.md' }]);
  expect(linkedNotePath(l, graphTab(l))).toBe('B.md');
});

test('a graph not linked, or whose linked pane closed, opens a clicked node in its own pane; closing it goes back or closes its tab', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note(vp('A.md'))));
  l = closePane(l, 'p0');
  const own = l.activePane;
  l = openFromGraph(l, own, vp('B.md'));
  expect(shownTabOf(l, own)?.entries.map((v) => v.kind)).toEqual(['graph', 'note']);
  l = openInActive(l, { kind: 'graph', local: null });
  l = closeGraphIn(l, own);
  expect(shownTabOf(l, own)?.entries[shownTabOf(l, own)!.index]).toEqual(note(vp('B.md')));
  const single = closeGraphIn(openInActive(initialLayout(), { kind: 'graph', local: null }), 'p0');
  expect(activePaneOf(single).tabs).toEqual([]);
});
