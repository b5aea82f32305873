import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parseHash, formatHash } from '../../renderer/src/routing/hash-route';
import { renderApp, sampleVault } from './render-app';

test('hash routes round-trip paths with spaces, slashes, # and subpaths', () => {
  const route = { path: 'A folder/C# notes.md', heading: 'Part 2', block: null };
  expect(parseHash(formatHash(route))).toEqual(route);
  expect(parseHash('#/note/x.md#%5Eabc')).toEqual({ path: 'x.md', heading: null, block: 'abc' });
  expect(parseHash('#/other')).toBeNull();
  expect(parseHash('#/note/%E0%A4%A')).toBeNull();
  // The address bar is input: a path the guard refuses is no route of ours.
  expect(parseHash('#/note/..%2Fsecret.md')).toBeNull();
  expect(parseHash('#/note/a%2F%2Fb.md')).toBeNull();
  expect(parseHash('#/note/%2Fetc%2Fpasswd')).toBeNull();
});

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

test('back and forward move through opened notes (buttons and Alt+Arrows)', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  await go('#/note/Ideas.md');
  await waitFor(() => expect(inNote().getByRole('heading', { name: 'Ideas', level: 1 })).toBeInTheDocument());
  const back = screen.getByRole('button', { name: 'Back' });
  const forward = screen.getByRole('button', { name: 'Forward' });
  expect(forward).toBeDisabled();
  fireEvent.click(back);
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  await inNote().findByRole('heading', { name: 'Details' });
  expect(back).toBeDisabled();
  fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
  await waitFor(() => expect(window.location.hash).toBe('#/note/Ideas.md'));
  fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  // Visiting a new note drops the forward entries.
  await go('#/note/Projects%2FPlexus.md');
  await waitFor(() => expect(forward).toBeDisabled());
  expect(back).toBeEnabled();
});

test('quick switcher fuzzy-matches titles and aliases; arrows + Enter open', async () => {
  renderApp(sampleVault, '#/note/Ideas.md');
  fireEvent.keyDown(window, { key: 'o', ctrlKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Quick switcher' });
  const input = within(dialog).getByRole('combobox');
  fireEvent.change(input, { target: { value: 'plx' } });
  const options = await within(dialog).findAllByRole('option');
  expect(options[0]).toHaveTextContent('Plexus');
  fireEvent.change(input, { target: { value: 'hom' } });
  await waitFor(() => expect(within(dialog).getAllByRole('option')[0]).toHaveTextContent('Home → Welcome'));
  fireEvent.change(input, { target: { value: 'e' } });
  await waitFor(() => expect(within(dialog).getAllByRole('option').length).toBeGreaterThan(1));
  const second = within(dialog).getAllByRole('option')[1].textContent ?? '';
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  expect(within(dialog).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const path = decodeURIComponent(window.location.hash.replace('#/note/', ''));
  expect(second).toContain(path);
});

test('search renders snippet markers as <mark> text, never as HTML', async () => {
  const notes = { 'A.md': 'before <b>bold</b> needle after', 'B.md': 'nothing here' };
  renderApp({ notes }, '#/note/A.md');
  fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
  const box = await screen.findByRole('searchbox', { name: 'Search the vault' });
  fireEvent.change(box, { target: { value: 'needle' } });
  const panel = screen.getByRole('region', { name: 'Search' });
  const mark = await within(panel).findByText('needle', { selector: 'mark' });
  expect(mark.tagName).toBe('MARK');
  expect(panel.querySelector('b')).toBeNull();
  // Snippets are readable text: HTML tags are dropped from the text, never rendered.
  expect(panel.textContent).toContain('before bold needle after');
  expect(within(panel).getByRole('link', { name: /A/ })).toHaveAttribute('href', '#/note/A.md');
});
