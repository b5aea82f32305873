import '../setup';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleVault, showSidebarView } from '../render-app';

const panel = () => screen.getByRole('region', { name: 'Bookmarks' });
const titles = () =>
  within(panel())
    .queryAllByRole('button')
    .filter((b) => b.hasAttribute('data-bookmark'))
    .map((b) => b.textContent?.trim());

test('bookmark the note from the star, a heading from the outline and a search; open them; they survive a reload of the vault', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  fireEvent.click(screen.getByRole('button', { name: 'Bookmark this note' }));
  expect(screen.getByRole('button', { name: 'Bookmark this note' })).toHaveAttribute('aria-pressed', 'true');
  showSidebarView('Outline');
  fireEvent.click(await screen.findByRole('button', { name: 'Bookmark heading Details' }));
  fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
  fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: 'tag:#project' } });
  fireEvent.click(screen.getByRole('button', { name: 'Bookmark this search' }));
  showSidebarView('Bookmarks');
  await waitFor(() => expect(titles()).toEqual(['Welcome', 'Welcome › Details', 'tag:#project']));

  window.location.hash = '#/note/Ideas.md';
  await inNote().findByRole('heading', { name: 'Ideas' });
  expect(screen.getByRole('button', { name: 'Bookmark this note' })).toHaveAttribute('aria-pressed', 'false');
  fireEvent.click(within(panel()).getByRole('button', { name: 'Welcome › Details' }));
  await waitFor(() => expect(window.location.hash).toMatch(/^#\/note\/Welcome\.md.*Details/));

  // Alt+Down moves the focused bookmark one place down.
  const first = within(panel())
    .getAllByRole('button')
    .find((b) => b.getAttribute('data-bookmark') && /Welcome$/.test(b.textContent ?? ''))!;
  fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
  await waitFor(() => expect(titles()).toEqual(['Welcome › Details', 'Welcome', 'tag:#project']));

  // The same vault opened again (same root) shows the same bookmarks; localStorage is the store.
  const stored = Object.keys(window.localStorage).filter((k) => k.startsWith('plexus.bookmarks:'));
  expect(stored).toHaveLength(1);
  const saved = window.localStorage.getItem(stored[0]);
  cleanup();
  window.localStorage.setItem(stored[0], saved!);
  window.location.hash = '#/note/Ideas.md';
  // renderApp clears storage: mount again by hand with the saved value in place.
  const { render } = await import('@testing-library/react');
  const { App } = await import('../../../renderer/src/app');
  const { MemoryApi } = await import('../support/memory-api');
  render(<App api={new MemoryApi(sampleVault).api()} />);
  showSidebarView('Bookmarks');
  await waitFor(() => expect(titles()).toEqual(['Welcome › Details', 'Welcome', 'tag:#project']));
  fireEvent.click(within(panel()).getByRole('button', { name: 'Remove bookmark tag:#project' }));
  expect(titles()).toEqual(['Welcome › Details', 'Welcome']);
});

test('a bookmarked note renamed in the app keeps its bookmark, which opens it at its new path', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas', level: 1 });
  fireEvent.click(screen.getByRole('button', { name: 'Bookmark this note' }));
  showSidebarView('Bookmarks');
  await within(panel()).findByRole('button', { name: 'Ideas' });
  fireEvent.click(inNote().getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'New path' }), { target: { value: 'Archive/Thoughts' } });
  const rename = within(dialog).getByRole('button', { name: 'Rename' });
  await waitFor(() => expect(rename).toBeEnabled());
  fireEvent.click(rename);
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Rename note' })).toBeNull());
  window.location.hash = '#/note/Welcome.md';
  await inNote().findByRole('heading', { name: 'Welcome', level: 1 });
  fireEvent.click(within(panel()).getByRole('button', { name: 'Ideas' }));
  await waitFor(() => expect(decodeURIComponent(window.location.hash)).toBe('#/note/Archive/Thoughts.md'));
});
