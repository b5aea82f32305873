/** Workspace restore: tabs, splits and the active tab come back per vault; a missing note is skipped with a notice; a corrupt store is ignored. */
import '../setup';
import { fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { FileEntry, VaultInfo } from '../../../main/contract/api-contract';
import { App } from '../../../renderer/src/app';
import { allPanes, currentView, initialLayout, openInActive, type Layout } from '../../../renderer/src/workspace/layout-model';
import { noteView, type Workspace } from '../../../renderer/src/workspace/use-workspace';
import { useWorkspaceRestore } from '../../../renderer/src/workspace/use-workspace-restore';
import { parseStoredLayout } from '../../../renderer/src/workspace/workspace-store';
import { MemoryApi } from '../support/memory-api';
import { sampleVault } from '../render-app';
import { vp } from '../../support/vault-path';

const panes = () => screen.getAllByRole('region', { name: 'Note' });
const tabNames = (pane: HTMLElement) =>
  within(pane)
    .getAllByRole('tab')
    .map((t) => t.textContent);

beforeEach(() => window.localStorage.clear());

test('open tabs, splits and the active tab are restored; a deleted note is skipped with a notice', async () => {
  const fake = new MemoryApi(sampleVault);
  await fake.ready;
  window.location.hash = '#/note/Welcome.md';
  const first = render(<App api={fake.api()} />);
  await screen.findByRole('tab', { name: 'Welcome' });
  const explorer = screen.getByRole('navigation', { name: 'File explorer' });
  fireEvent.click(within(explorer).getByRole('link', { name: 'Ideas' }), { ctrlKey: true });
  fireEvent.click(within(explorer).getByRole('link', { name: 'Old' }), { ctrlKey: true });
  await waitFor(() => expect(tabNames(panes()[0])).toEqual(['Welcome', 'Ideas', 'Old']));
  fireEvent.click(within(panes()[0]).getByRole('tab', { name: 'Ideas' }));
  fireEvent.click(within(panes()[0]).getByRole('button', { name: 'Split right' }));
  await waitFor(() => expect(panes()).toHaveLength(2));
  fireEvent.click(within(panes()[0]).getByRole('tab', { name: 'Welcome' }));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  first.unmount();

  fake.notes.delete(vp('Projects/Archive/Old.md'));
  await fake.settled();
  window.location.hash = '';
  render(<App api={fake.api()} />);
  await waitFor(() => expect(panes()).toHaveLength(2));
  expect(tabNames(panes()[0])).toEqual(['Welcome', 'Ideas']);
  expect(tabNames(panes()[1])).toEqual(['Ideas']);
  expect(panes()[0]).toHaveClass('is-active');
  await screen.findByText(/A note of the saved workspace no longer exists and was skipped: Projects\/Archive\/Old\.md/);
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
});

test('a stored value that is not a valid layout is ignored', () => {
  expect(parseStoredLayout('not json')).toBeNull();
  expect(parseStoredLayout('{"root":{"kind":"pane","id":"p0","tabs":[],"active":"t9"},"activePane":"p0","seq":1}')).toBeNull();
  expect(
    parseStoredLayout(
      '{"root":{"kind":"pane","id":"p0","tabs":[{"id":"t1","entries":[{"kind":"note","route":{"path":3}}],"index":0}],"active":"t1"},"activePane":"p0","seq":2}',
    ),
  ).toBeNull();
  const withPath = (path: string) =>
    `{"root":{"kind":"pane","id":"p0","tabs":[{"id":"t1","entries":[{"kind":"note","route":{"path":"${path}","heading":null,"block":null}}],"index":0}],"active":"t1"},"activePane":"p0","seq":2}`;
  expect(parseStoredLayout(withPath('x.md'))).not.toBeNull();
  expect(parseStoredLayout(withPath('../x.md'))).toBeNull();
  expect(parseStoredLayout('{"root":{"kind":"pane","id":"p0","tabs":[],"active":null},"activePane":"p0","seq":1}')).not.toBeNull();
});

test('the welcome note is opened only into a layout that is still empty when the update applies', () => {
  // The effect may run on a render that predates a note opened meanwhile (a hash change handled
  // between the commit and the effect): it must decide on the layout it is applied to.
  const files: FileEntry[] = [{ path: vp('Welcome.md'), kind: 'note', title: 'Welcome', size: 1, mtimeMs: 0 }];
  const vault = { root: '/v', name: 'v' } as VaultInfo;
  const updates: Array<(l: Layout) => Layout> = [];
  const nav = {
    layout: initialLayout(),
    update: (f: (l: Layout) => Layout) => updates.push(f),
    open: () => updates.push(() => initialLayout()),
  } as unknown as Workspace;
  renderHook(() => useWorkspaceRestore(nav, files, vault, () => {}));
  expect(updates).toHaveLength(1);
  const meanwhile = openInActive(initialLayout(), noteView({ path: vp('Ideas.md'), heading: null, block: null }));
  expect(updates[0](meanwhile)).toBe(meanwhile);
  const opened = updates[0](initialLayout());
  expect(allPanes(opened)[0].tabs.map((t) => currentView(t))).toEqual([noteView({ path: vp('Welcome.md'), heading: null, block: null })]);
});
