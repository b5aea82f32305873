import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleVault } from './render-app';
import { vp } from '../support/vault-path';

test('an external change to the open note re-renders it (no wall-clock bound: timing is measured in npm run bench)', async () => {
  const { fake, inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByText(/Back to/);
  fake.notes.set(vp('Ideas.md'), '# Ideas\n\nRewritten elsewhere.\n');
  act(() => fake.emit({ type: 'external-change', path: vp('Ideas.md'), hash: 'x', deleted: false }));
  await waitFor(() => expect(inNote().getByText('Rewritten elsewhere.')).toBeInTheDocument(), { timeout: 3000 });
});

test('a graph delta adding a backlink refreshes the sidebar; other notes do not trigger reads', async () => {
  const { fake } = renderApp(sampleVault, '#/note/Projects%2FArchive%2FOld.md');
  const backlinks = screen.getByRole('complementary', { name: 'Backlinks' });
  await within(backlinks).findByText('No notes link here.');
  const reads = () => fake.calls.filter((c) => c.method === 'readNote').length;
  const before = reads();
  act(() => fake.emit({ type: 'external-change', path: vp('Ideas.md'), hash: 'x', deleted: false }));
  await new Promise((r) => setTimeout(r, 120));
  expect(reads()).toBe(before);
  fake.notes.set(vp('Ideas.md'), 'Now links [[Old]].');
  const edge = { id: 'Ideas.md->Projects/Archive/Old.md', source: 'Ideas.md', target: 'Projects/Archive/Old.md', count: 1 };
  act(() =>
    fake.emit({ type: 'graph', delta: { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [edge], edgesRemoved: [], edgesChanged: [] } }),
  );
  // The backlink snippet is readable text: the link shows as its title.
  expect(await within(backlinks).findByText((_, el) => el?.classList.contains('snippet') === true && el.textContent === 'Now links Old.')).toBeInTheDocument();
});

test('files events update the explorer; status shows indexing progress; errors show a banner', async () => {
  const { fake } = renderApp(sampleVault, '#/note/Welcome.md');
  const nav = screen.getByRole('navigation', { name: 'File explorer' });
  await within(nav).findByRole('link', { name: 'Ideas' });
  act(() =>
    fake.emit({ type: 'files', added: [{ path: vp('New.md'), kind: 'note', title: 'New', size: 1, mtimeMs: 1 }], removed: [vp('Ideas.md')], changed: [] }),
  );
  expect(await within(nav).findByRole('link', { name: 'New' })).toBeInTheDocument();
  expect(within(nav).queryByRole('link', { name: 'Ideas' })).toBeNull();
  act(() => fake.emit({ type: 'status', status: { state: 'indexing', done: 3200, total: 10000, etaMs: null } }));
  expect(await screen.findByText('Indexing 3,200 / 10,000')).toBeInTheDocument();
  act(() => fake.emit({ type: 'status', status: { state: 'indexing', done: 3300, total: 10000, etaMs: 12_400 } }));
  expect(await screen.findByText('Indexing 3,300 / 10,000 · about 12 s left')).toBeInTheDocument();
  act(() => fake.emit({ type: 'vault-error', message: 'Disk on fire' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Disk on fire');
});

test('an outside rename offers to update links, and reports the outcome', async () => {
  // Another program has renamed Ideas.md to Thoughts.md (the real handler checks that `from` is
  // gone and `to` is indexed); no note links to Ideas, so no link needs updating.
  const { fake } = renderApp({ notes: { 'Welcome.md': '# Welcome\n', 'Thoughts.md': '# Ideas, renamed\n' } }, '#/note/Welcome.md');
  await screen.findByRole('navigation', { name: 'File explorer' });
  act(() => fake.emit({ type: 'external-rename', from: vp('Ideas.md'), to: vp('Thoughts.md'), affected: 2 }));
  const button = await screen.findByRole('button', { name: 'Update links' });
  act(() => button.click());
  await waitFor(() => expect(fake.calls.some((c) => c.method === 'updateLinksAfterExternalRename' && c.args[1] === 'Thoughts.md')).toBe(true));
  expect(await screen.findByText('Updated links in 0 notes.')).toBeInTheDocument();
});
