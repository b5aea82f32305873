/**
 * Reading view, Live Preview and Source mode in the app: Ctrl/Cmd+E goes from reading to the
 * default editing mode (Live Preview unless the setting says source) and back, the command
 * "Toggle Live Preview/Source mode" flips the editing mode on the same editor, and each tab
 * keeps its own mode.
 */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { READING_SETTINGS_KEY } from '../../../renderer/src/settings/settings-store';
import { renderApp, sampleVault } from '../render-app';

function press(key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true, ...init });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
}

async function runCommand(name: string) {
  press('p');
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  const input = within(dialog).getByRole('combobox', { name: 'Find a command' });
  fireEvent.change(input, { target: { value: name } });
  await waitFor(() => expect(within(dialog).getAllByRole('option')[0]).toHaveTextContent(name));
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

const editor = (note: HTMLElement) => note.querySelector('.cm-editor');

test('Ctrl+E opens Live Preview and goes back to reading; the command switches to source mode and back', async () => {
  const { note, inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  expect(press('e').defaultPrevented).toBe(true);
  await waitFor(() => expect(editor(note())).not.toBeNull());
  expect(editor(note())!.classList.contains('cm-live-preview')).toBe(true);
  const first = editor(note());
  await runCommand('Toggle Live Preview/Source mode');
  await waitFor(() => expect(editor(note())!.classList.contains('cm-source-mode')).toBe(true));
  // The same editor, switched in place.
  expect(editor(note())).toBe(first);
  await runCommand('Toggle Live Preview/Source mode');
  await waitFor(() => expect(editor(note())!.classList.contains('cm-live-preview')).toBe(true));
  press('e');
  await waitFor(() => expect(editor(note())).toBeNull());
  await inNote().findByRole('heading', { name: 'Details' });
});

test('the default editing mode setting makes Ctrl+E open source mode', async () => {
  const { note, inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  window.localStorage.setItem(READING_SETTINGS_KEY, JSON.stringify({ defaultEditingMode: 'source' }));
  await inNote().findByRole('heading', { name: 'Details' });
  press('e');
  await waitFor(() => expect(editor(note())).not.toBeNull());
  expect(editor(note())!.classList.contains('cm-source-mode')).toBe(true);
});

test('each tab keeps its mode', async () => {
  const { note, inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  await inNote().findByRole('heading', { name: 'Details' });
  press('e');
  await waitFor(() => expect(editor(note())).not.toBeNull());
  press('t');
  // A new tab: open a note in it, in reading view.
  act(() => {
    window.location.hash = '#/note/Ideas.md';
  });
  await inNote().findByRole('heading', { name: 'Ideas' });
  expect(editor(note())).toBeNull();
  press('1');
  await waitFor(() => expect(editor(note())).not.toBeNull());
});
