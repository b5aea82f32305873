/** The linked local graph: opened beside its note, it follows what the note's pane shows, and falls back to its own note when that pane closes. */
import { closePane, initialLayout, openInActive, type Layout, type View } from '../../../renderer/src/workspace/layout-model';
import { layoutProblems } from '../../../renderer/src/workspace/layout-check';
import { linkedNotePath, openLinkedLocalGraph, shownTabOf } from '../../../renderer/src/workspace/linked-graph';

const note = (path: string): View => ({ kind: 'note', route: { path, heading: null, block: null } });
const graphTab = (l: Layout) => (l.root.kind === 'split' ? shownTabOf(l, l.root.children[1].id) : null);

test('opens a local graph of the note in a new pane to its right; the note’s pane stays active', () => {
  const l = openLinkedLocalGraph(openInActive(initialLayout(), note('A.md')));
  expect(layoutProblems(l)).toEqual([]);
  expect(l.root.kind === 'split' && l.root.direction).toBe('row');
  expect(l.activePane).toBe('p0');
  expect(graphTab(l)?.entries).toEqual([{ kind: 'graph', local: 'A.md' }]);
  expect(graphTab(l)?.linkedPane).toBe('p0');
});

test('follows the note its linked pane shows', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note('A.md')));
  expect(linkedNotePath(l, graphTab(l))).toBe('A.md');
  l = openInActive(l, note('B.md'));
  expect(linkedNotePath(l, graphTab(l))).toBe('B.md');
});

test('with its linked pane closed it stays on its own note', () => {
  let l = openLinkedLocalGraph(openInActive(initialLayout(), note('A.md')));
  l = openInActive(l, note('B.md'));
  l = closePane(l, 'p0');
  expect(linkedNotePath(l, shownTabOf(l, l.activePane))).toBe('A.md');
});

test('without a note there is nothing to centre on: no change', () => {
  const l = initialLayout();
  expect(openLinkedLocalGraph(l)).toBe(l);
});
