/** The command palette: a dialog with a combobox and options, every command with its hotkey, fuzzy matched, recently used first; running a command. */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { COMMANDS } from '../../../renderer/src/commands/command-registry';
import { paletteOrder } from '../../../renderer/src/components/command-palette';
import { renderApp, sampleVault } from '../render-app';

async function openPalette() {
  const event = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true });
  act(() => {
    window.dispatchEvent(event);
  });
  // Unprevented, headless Chromium would print the page.
  expect(event.defaultPrevented).toBe(true);
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  return { dialog, input: within(dialog).getByRole('combobox', { name: 'Find a command' }) };
}

test('lists every command of the registry with its hotkey', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  const { dialog } = await openPalette();
  const options = within(dialog).getAllByRole('option');
  expect(options).toHaveLength(COMMANDS.length);
  expect(options.find((o) => o.textContent?.startsWith('Close this tab'))).toHaveTextContent('Ctrl+W');
  expect(options.find((o) => o.textContent?.startsWith('Toggle left sidebar'))).toHaveTextContent('Ctrl+\\');
});

test('fuzzy matches; Enter runs the command (split right), and it comes first next time', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  let { dialog, input } = await openPalette();
  fireEvent.change(input, { target: { value: 'splr' } });
  await waitFor(() => expect(within(dialog).getAllByRole('option')[0]).toHaveTextContent('Split right'));
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() => expect(screen.getAllByRole('region', { name: 'Note' })).toHaveLength(2));
  ({ dialog, input } = await openPalette());
  expect(within(dialog).getAllByRole('option')[0]).toHaveTextContent('Split right');
  fireEvent.keyDown(input, { key: 'Escape' });
});

test('toggle edit mode from the palette and by its hotkey, once per press', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  const { dialog, input } = await openPalette();
  fireEvent.change(input, { target: { value: 'toggle edit' } });
  fireEvent.click(within(dialog).getAllByRole('option')[0]);
  await waitFor(() => expect(screen.getByTestId('note-editor-host')).toBeInTheDocument());
  fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
  await waitFor(() => expect(screen.queryByTestId('note-editor-host')).toBeNull());
});

test('paletteOrder: recent first with no query, fuzzy rank with one', () => {
  const names = (q: string, recent: string[]) => paletteOrder(COMMANDS, q, recent).map((c) => c.id);
  expect(names('', ['graph', 'newTab']).slice(0, 3)).toEqual(['graph', 'newTab', 'commandPalette']);
  expect(names('spld', [])[0]).toBe('splitDown');
});
