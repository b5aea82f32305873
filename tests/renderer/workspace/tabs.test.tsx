/** Tabs and splits in the whole app: Ctrl/Cmd+click and middle-click open tabs, the tab hotkeys, per-tab history, the empty state, and no text lost when switching tabs. */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { renderApp, sampleVault } from '../render-app';
import { vp } from '../../support/vault-path';

const explorer = () => screen.getByRole('navigation', { name: 'File explorer' });
const panes = () => screen.getAllByRole('region', { name: 'Note' });
const tabNames = (pane = panes()[0]) =>
  within(pane)
    .getAllByRole('tab')
    .map((t) => t.textContent);
const selectedTab = (pane = panes()[0]) =>
  within(pane)
    .getAllByRole('tab')
    .find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;
const key = (init: KeyboardEventInit) => fireEvent.keyDown(window, init);

async function start() {
  const app = renderApp(sampleVault, '#/note/Welcome.md');
  await app.inNote().findByRole('heading', { name: 'Details' });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome']));
  return app;
}

test('Ctrl+click on an explorer entry opens it in a new tab named by its title; the hash follows the active tab', async () => {
  const { inNote } = await start();
  fireEvent.click(within(explorer()).getByRole('link', { name: 'Ideas' }), { ctrlKey: true });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'Ideas']));
  expect(selectedTab()).toBe('Ideas');
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  await waitFor(() => expect(window.location.hash).toBe('#/note/Ideas.md'));
  fireEvent.click(within(panes()[0]).getByRole('tab', { name: 'Welcome' }));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  await inNote().findByRole('heading', { name: 'Details' });
});

test('middle-click on a backlink and Cmd+click on a rendered link open new tabs', async () => {
  const { inNote } = await start();
  const backlinks = screen.getByRole('complementary', { name: 'Backlinks' });
  const fromIdeas = await within(backlinks).findByRole('link', { name: 'Ideas' });
  fireEvent(fromIdeas, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'Ideas']));
  fireEvent.click(within(panes()[0]).getByRole('tab', { name: 'Welcome' }));
  await inNote().findByRole('heading', { name: 'Details' });
  fireEvent.click(await inNote().findByRole('link', { name: 'the goals' }), { metaKey: true });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'Plexus', 'Ideas']));
  expect(selectedTab()).toBe('Plexus');
});

test('Ctrl+T, Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+1..9 and Ctrl+W; closing the last tab shows the empty state', async () => {
  const { inNote } = await start();
  key({ key: 't', ctrlKey: true });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'New tab']));
  expect(selectedTab()).toBe('New tab');
  await waitFor(() => expect(window.location.hash).toBe(''));
  // A link followed in the empty tab opens there.
  fireEvent.click(within(explorer()).getByRole('link', { name: 'Old' }));
  act(() => {
    window.location.hash = '#/note/Projects%2FArchive%2FOld.md';
  });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'Old']));
  key({ key: 'Tab', ctrlKey: true });
  expect(selectedTab()).toBe('Welcome');
  key({ key: 'Tab', ctrlKey: true, shiftKey: true });
  expect(selectedTab()).toBe('Old');
  key({ key: '1', code: 'Digit1', ctrlKey: true });
  expect(selectedTab()).toBe('Welcome');
  key({ key: '9', code: 'Digit9', ctrlKey: true });
  expect(selectedTab()).toBe('Old');
  key({ key: 'w', ctrlKey: true });
  await waitFor(() => expect(tabNames()).toEqual(['Welcome']));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  key({ key: 'w', ctrlKey: true });
  await waitFor(() => expect(within(panes()[0]).queryAllByRole('tab')).toHaveLength(0));
  expect(inNote().getByText(/No note open/)).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('each tab has its own back/forward history', async () => {
  await start();
  act(() => {
    window.location.hash = '#/note/Ideas.md';
  });
  await waitFor(() => expect(tabNames()).toEqual(['Ideas']));
  fireEvent.click(within(explorer()).getByRole('link', { name: 'Old' }), { ctrlKey: true });
  await waitFor(() => expect(selectedTab()).toBe('Old'));
  const back = screen.getByRole('button', { name: 'Back' });
  expect(back).toBeDisabled();
  key({ key: '1', code: 'Digit1', ctrlKey: true });
  await waitFor(() => expect(back).toBeEnabled());
  fireEvent.click(back);
  await waitFor(() => expect(tabNames()).toEqual(['Welcome', 'Old']));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
});

test('the close button closes its tab; a split pane shows its own tabs and closes with its last tab', async () => {
  await start();
  fireEvent.click(within(panes()[0]).getByRole('button', { name: 'Split right' }));
  await waitFor(() => expect(panes()).toHaveLength(2));
  expect(tabNames(panes()[1])).toEqual(['Welcome']);
  // One main landmark: the active pane's note; the other pane shows its note read-only.
  expect(screen.getAllByRole('main', { name: 'Note' })).toHaveLength(1);
  await within(panes()[0]).findByRole('heading', { name: 'Details' });
  fireEvent.click(within(panes()[1]).getByRole('button', { name: 'Close Welcome' }));
  await waitFor(() => expect(panes()).toHaveLength(1));
  expect(tabNames()).toEqual(['Welcome']);
});

test('switching tabs while editing saves the typed text', async () => {
  const { fake, inNote } = await start();
  fireEvent.click(within(explorer()).getByRole('link', { name: 'Ideas' }), { ctrlKey: true });
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  key({ key: 'e', ctrlKey: true });
  await waitFor(() => expect(screen.getByTestId('note-editor-host').querySelector('.cm-editor')).not.toBeNull());
  const view = EditorView.findFromDOM(screen.getByTestId('note-editor-host').querySelector('.cm-editor') as HTMLElement)!;
  await waitFor(() => expect(view.state.doc.toString()).toContain('Back to'));
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'typed in a tab' }, userEvent: 'input.type' }));
  fireEvent.click(within(panes()[0]).getByRole('tab', { name: 'Welcome' }));
  await waitFor(() => expect(fake.notes.get(vp('Ideas.md'))).toContain('typed in a tab'));
});
