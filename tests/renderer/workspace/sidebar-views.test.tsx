/** Outline and All tags in the right sidebar, and their pure tree builders. */
import '../setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { outlineTree, tagTree } from '../../../renderer/src/components/outline-tree';
import { renderApp, sampleVault, showSidebarView } from '../render-app';

test('outlineTree nests headings under the nearest shallower one', () => {
  const h = (text: string, level: number) => ({ text, level, line: 0 });
  const tree = outlineTree([h('A', 1), h('B', 2), h('C', 3), h('D', 2), h('E', 1), h('F', 3)]);
  const show = (nodes: ReturnType<typeof outlineTree>): string =>
    nodes.map((n) => n.heading.text + (n.children.length ? `(${show(n.children)})` : '')).join(' ');
  expect(show(tree)).toBe('A(B(C) D) E(F)');
});

test('tagTree nests by "/", counts nested tags into their parents, sorts by name or count', () => {
  const tags = [
    { tag: 'b', count: 1 },
    { tag: 'a/x', count: 2 },
    { tag: 'a/y', count: 3 },
    { tag: 'c', count: 4 },
  ];
  const show = (nodes: ReturnType<typeof tagTree>): string =>
    nodes.map((n) => `${n.name}:${n.total}${n.children.length ? `(${show(n.children)})` : ''}`).join(' ');
  expect(show(tagTree(tags, 'name'))).toBe('a:5(x:2 y:3) b:1 c:4');
  expect(show(tagTree(tags, 'count'))).toBe('a:5(y:3 x:2) c:4 b:1');
  expect(tagTree(tags, 'name')[0].count).toBeNull();
});

test('the outline lists the open note’s headings as a tree and follows the active tab; a click scrolls to the heading', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  showSidebarView('Outline');
  const outline = screen.getByRole('region', { name: 'Outline' });
  await within(outline).findByRole('button', { name: 'Details' });
  const details = inNote().getByRole('heading', { name: 'Details' });
  const scrolled = jest.fn();
  details.scrollIntoView = scrolled;
  fireEvent.click(within(outline).getByRole('button', { name: 'Details' }));
  expect(scrolled).toHaveBeenCalled();
  expect(within(outline).getByRole('button', { name: 'Details' })).toHaveAttribute('aria-current', 'location');
  // Nested: Details (##) sits in the list under Welcome (#).
  expect(within(outline).getByRole('button', { name: 'Welcome' }).closest('li')).toContainElement(within(outline).getByRole('button', { name: 'Details' }));
  fireEvent.click(within(screen.getByRole('navigation', { name: 'File explorer' })).getByRole('link', { name: 'Plexus' }), { ctrlKey: true });
  await within(outline).findByRole('button', { name: 'Goals' });
  expect(within(outline).queryByRole('button', { name: 'Details' })).toBeNull();
});

test('all tags lists every tag with its count; sorting and clicking a tag lists its notes', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  showSidebarView('Tags');
  const panel = screen.getByRole('region', { name: 'All tags' });
  await within(panel).findByRole('button', { name: '#project, 1 note' });
  const names = () =>
    within(panel)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
  expect(names()).toEqual(['#intro, 1 note', '#project, 1 note', '#start, 1 note']);
  fireEvent.change(within(panel).getByRole('combobox', { name: 'Sort tags' }), { target: { value: 'count' } });
  fireEvent.click(within(panel).getByRole('button', { name: '#project, 1 note' }));
  const search = await screen.findByRole('searchbox', { name: 'Search the vault' });
  expect(search).toHaveValue('tag:#project');
  await waitFor(() => expect(within(screen.getByRole('region', { name: 'Search' })).getByText('Plexus')).toBeInTheDocument());
});
