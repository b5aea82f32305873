import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildTree } from '../../renderer/src/components/file-tree';
import { renderApp, sampleVault } from './render-app';
import { vp } from '../support/vault-path';

const explorer = () => screen.getByRole('navigation', { name: 'File explorer' });

test('buildTree nests folders, counts notes recursively and sorts folders first', () => {
  const files = Object.keys(sampleVault.notes).map((path) => ({ path: vp(path), kind: 'note' as const, title: path, size: 1, mtimeMs: 1 }));
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

test('a folder of attachments only shows how many files it holds, not 0 notes', async () => {
  const files = [
    { path: vp('assets/a.png'), kind: 'attachment' as const, title: 'a.png', size: 1, mtimeMs: 1 },
    { path: vp('assets/deep/b.pdf'), kind: 'attachment' as const, title: 'b.pdf', size: 1, mtimeMs: 1 },
    { path: vp('Mixed/n.md'), kind: 'note' as const, title: 'n', size: 1, mtimeMs: 1 },
    { path: vp('Mixed/c.png'), kind: 'attachment' as const, title: 'c.png', size: 1, mtimeMs: 1 },
  ];
  const tree = buildTree(files);
  expect(tree.children.map((c) => c.kind === 'folder' && [c.name, c.noteCount, c.fileCount])).toEqual([
    ['assets', 0, 2],
    ['Mixed', 1, 2],
  ]);

  renderApp(
    {
      notes: { 'Welcome.md': '# Welcome', 'Mixed/n.md': '# n' },
      attachments: {
        'assets/a.png': 'data:image/png;base64,AA==',
        'assets/deep/b.pdf': 'data:application/pdf;base64,AA==',
        'Mixed/c.png': 'data:image/png;base64,AA==',
      },
    },
    '#/note/Welcome.md',
  );
  const nav = explorer();
  const assets = await within(nav).findByRole('button', { name: /^assets/ });
  expect(within(assets).getByLabelText('2 files')).toHaveTextContent('2 files');
  expect(within(within(nav).getByRole('button', { name: /^deep/ })).getByLabelText('1 file')).toHaveTextContent('1 file');
  // A folder with notes keeps its note count.
  expect(within(within(nav).getByRole('button', { name: /^Mixed/ })).getByLabelText('1 notes')).toHaveTextContent('1');
});

/** `count` notes spread over nested folders, plus the open note deep inside one of them. */
function bigVault(count: number) {
  const notes: Record<string, string> = { 'Area 3/Topic 2/Open.md': '# Open' };
  for (let i = 0; i < count - 1; i++) notes[`Area ${i % 5}/Topic ${i % 3}/Note ${i}.md`] = `# Note ${i}`;
  return { notes };
}

test("a vault of over 200 files starts with folders folded, except the open note's", async () => {
  renderApp(bigVault(201), `#/note/${encodeURIComponent('Area 3/Topic 2/Open.md')}`);
  const nav = explorer();
  const area0 = await within(nav).findByRole('button', { name: /^Area 0/ });
  // The tree folds in an effect after the list first renders.
  await waitFor(() => expect(area0).toHaveAttribute('aria-expanded', 'false'));
  expect(within(nav).getByRole('button', { name: /^Area 3/ })).toHaveAttribute('aria-expanded', 'true');
  expect(within(nav).getByRole('link', { name: 'Open' })).toHaveAttribute('aria-current', 'page');
  // Inside the open chain, sibling folders stay folded too.
  const area3Topics = within(nav).getAllByRole('button', { name: /^Topic 0/ });
  expect(area3Topics.every((b) => b.getAttribute('aria-expanded') === 'false')).toBe(true);
  expect(within(nav).queryByRole('link', { name: 'Note 0' })).toBeNull();
  fireEvent.click(area0);
  expect(area0).toHaveAttribute('aria-expanded', 'true');
});

test('a vault of 200 files or fewer starts unfolded', async () => {
  renderApp(bigVault(200), '#/note/Welcome.md');
  const nav = explorer();
  const area0 = await within(nav).findByRole('button', { name: /^Area 0/ });
  expect(area0).toHaveAttribute('aria-expanded', 'true');
  expect(within(nav).getByRole('link', { name: 'Note 0' })).toBeInTheDocument();
});

describe('a long list renders only the rows in view', () => {
  // 3,000 notes in one folder, plus a few at the root: the folder starts folded (over FOLD_ABOVE_FILES).
  const big = (): typeof sampleVault => {
    const notes: Record<string, string> = { 'Welcome.md': '# Welcome\n', 'Zed.md': '# Zed\n' };
    for (let i = 0; i < 3000; i++) notes[`Inbox/Note ${i}.md`] = `# Note ${i}\n`;
    return { notes };
  };
  const rowsInDom = () => explorer().querySelectorAll('[data-row]').length;

  test('expanding a 3,000-note folder adds a window of rows, not 3,000', async () => {
    renderApp(big(), '#/note/Welcome.md');
    const folder = await within(explorer()).findByRole('button', { name: /Inbox/ });
    expect(folder).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(folder);
    expect(folder).toHaveAttribute('aria-expanded', 'true');
    await within(explorer()).findByRole('link', { name: 'Note 0' });
    expect(rowsInDom()).toBeGreaterThan(20);
    expect(rowsInDom()).toBeLessThan(200);
    expect(within(explorer()).queryByRole('link', { name: 'Note 2999' })).toBeNull();
  });

  test('scrolling renders the rows scrolled to, and arrow keys walk past the rendered window', async () => {
    renderApp(big(), '#/note/Welcome.md');
    fireEvent.click(await within(explorer()).findByRole('button', { name: /Inbox/ }));
    const list = explorer().querySelector<HTMLElement>('.tree')!;
    list.scrollTop = 26 * 2000;
    fireEvent.scroll(list);
    await within(explorer()).findByRole('link', { name: 'Note 1999' });
    expect(within(explorer()).queryByRole('link', { name: 'Note 0' })).toBeNull();
    // Total height is kept by the spacers, so the scrollbar stays true to the list's length.
    const spacers = [...explorer().querySelectorAll<HTMLElement>('.tree-spacer')].map((s) => parseFloat(s.style.height));
    expect(spacers.reduce((a, b) => a + b, 0) + rowsInDom() * 26).toBe(26 * 3003);

    list.scrollTop = 0;
    fireEvent.scroll(list);
    const first = await within(explorer()).findByRole('link', { name: 'Note 0' });
    first.focus();
    const rendered = rowsInDom();
    for (let i = 0; i < rendered + 5; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toHaveAttribute('data-row');
    // Rows sort by number (numeric collation), Inbox is row 0, so row k is Note k-1.
    expect(document.activeElement).toHaveTextContent(new RegExp(`^Note ${rendered + 5}$`));
  });

  test('the open note deep in a long folder is scrolled into view', async () => {
    renderApp(big(), `#/note/${encodeURIComponent('Inbox/Note 2500.md')}`);
    const current = await within(explorer()).findByRole('link', { name: 'Note 2500' });
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(rowsInDom()).toBeLessThan(200);
  });
});
