import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildTree } from '../../renderer/src/components/file-tree';
import { renderApp, sampleVault } from './render-app';

const explorer = () => screen.getByRole('navigation', { name: 'File explorer' });

test('buildTree nests folders, counts notes recursively and sorts folders first', () => {
  const files = Object.keys(sampleVault.notes).map((path) => ({ path, kind: 'note' as const, title: path, size: 1, mtimeMs: 1 }));
  const tree = buildTree(files);
  expect(tree.noteCount).toBe(4);
  expect(tree.children.map((c) => c.name)).toEqual(['Projects', 'Ideas.md', 'Welcome.md']);
  const projects = tree.children[0];
  expect(projects.kind === 'folder' && projects.noteCount).toBe(2);
});

test('explorer shows the tree with counts, highlights the open note, and filters', async () => {
  renderApp(sampleVault, `#/note/${encodeURIComponent('Projects/Plexus.md')}`);
  const nav = explorer();
  const current = await within(nav).findByRole('link', { name: 'Plexus' });
  expect(current).toHaveAttribute('aria-current', 'page');
  expect(within(nav).getByRole('link', { name: 'Welcome' })).not.toHaveAttribute('aria-current');
  expect(within(nav).getByRole('button', { name: /Projects/ })).toHaveTextContent('2');
  expect(within(nav).getByRole('link', { name: 'pic.png' })).toBeInTheDocument();

  fireEvent.change(within(nav).getByRole('searchbox', { name: 'Filter files' }), { target: { value: 'old' } });
  await waitFor(() => expect(within(nav).queryByRole('link', { name: 'Welcome' })).toBeNull());
  expect(within(nav).getByRole('link', { name: 'Old' })).toBeInTheDocument();
});

test('folders collapse by click and by arrow keys', async () => {
  renderApp(sampleVault, '#/note/Welcome.md');
  const nav = explorer();
  const folder = await within(nav).findByRole('button', { name: /Projects/ });
  expect(folder).toHaveAttribute('aria-expanded', 'true');
  fireEvent.click(folder);
  expect(folder).toHaveAttribute('aria-expanded', 'false');
  expect(within(nav).queryByRole('link', { name: 'Plexus' })).toBeNull();
  folder.focus();
  fireEvent.keyDown(folder, { key: 'ArrowRight' });
  expect(folder).toHaveAttribute('aria-expanded', 'true');
  fireEvent.keyDown(folder, { key: 'ArrowDown' });
  expect(document.activeElement).toHaveTextContent('Archive');
});

test('with no address the Welcome note opens by default', async () => {
  const { inNote } = renderApp(sampleVault, '');
  await inNote().findByRole('heading', { name: 'Details' });
  expect(window.location.hash).toBe('#/note/Welcome.md');
});
