import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';
import { vp } from '../support/vault-path';

const panel = () => screen.getByRole('region', { name: 'Unlinked mentions' });

test('"Link" turns the mention into a wiki link on disk, keeping the words as written', async () => {
  const { api } = renderApp({ notes: { 'Welcome.md': '# Welcome\n', 'Diary.md': '# Diary\n\nToday I read welcome notes.\n' } }, '#/note/Welcome.md');
  const button = await within(panel()).findByRole('button', { name: 'Link the mention in Diary, line 3' });
  fireEvent.click(button);
  await waitFor(async () => {
    const read = await api.readNote(vp('Diary.md'));
    expect(read.ok && read.value.content).toBe('# Diary\n\nToday I read [[Welcome|welcome]] notes.\n');
  });
  expect(within(panel()).queryByRole('alert')).toBeNull();
});

test('a mention that moved since the list was made is refused with a message, and the note is untouched', async () => {
  const { api, fake } = renderApp({ notes: { 'Welcome.md': '# Welcome\n', 'Diary.md': '# Diary\n\nToday I read welcome notes.\n' } }, '#/note/Welcome.md');
  const button = await within(panel()).findByRole('button', { name: /Link the mention in Diary/ });
  // The note changes on disk after the list was made, before the click (no event reaches the pane).
  const moved = '# Diary\n\nYesterday I read welcome notes.\n';
  fake.notes.set(vp('Diary.md'), moved);
  fireEvent.click(button);
  expect(await within(panel()).findByRole('alert')).toHaveTextContent('"welcome" is no longer at that place in the note.');
  const after = await api.readNote(vp('Diary.md'));
  expect(after.ok && after.value.content).toBe(moved);
});

test('read-only vaults show no Link button', async () => {
  renderApp({ notes: { 'Welcome.md': '# Welcome\n', 'Diary.md': 'welcome\n' }, readOnly: true }, '#/note/Welcome.md');
  await within(panel()).findByText('Diary');
  expect(within(panel()).queryByRole('button', { name: /Link the mention/ })).toBeNull();
});

test('mentions in excluded folders are not offered, as Obsidian\'s "Excluded files"', async () => {
  const { setSetting } = await import('../../renderer/src/settings/settings-store');
  renderApp({ notes: { 'Welcome.md': '# Welcome\n', 'Journal/Diary.md': 'welcome back\n', 'Other.md': 'a welcome note\n' } }, '#/note/Welcome.md');
  await within(panel()).findByText('Other');
  expect(within(panel()).getByText('Diary')).toBeInTheDocument();
  act(() => {
    setSetting('excludedFolders', ['Journal']);
  });
  await waitFor(() => expect(within(panel()).queryByText('Diary')).toBeNull());
  expect(within(panel()).getByText('Other')).toBeInTheDocument();
});
