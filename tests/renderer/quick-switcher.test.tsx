import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleVault } from './render-app';
import { vp } from '../support/vault-path';

const openSwitcher = async () => {
  fireEvent.keyDown(window, { key: 'o', ctrlKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Quick switcher' });
  return { dialog, input: within(dialog).getByRole('combobox') };
};
const optionTexts = (dialog: HTMLElement) =>
  within(dialog)
    .queryAllByRole('option')
    .map((o) => o.textContent ?? '');
const hashPath = () => decodeURIComponent(window.location.hash.replace('#/note/', ''));

test('with an empty query the recently opened notes come first, most recent first', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas' });
  window.location.hash = `#/note/${encodeURIComponent('Projects/Archive/Old.md')}`;
  await inNote().findByRole('heading', { name: 'Old' });
  const { dialog } = await openSwitcher();
  await waitFor(() => expect(optionTexts(dialog).length).toBe(4));
  expect(optionTexts(dialog).slice(0, 2)).toEqual(['OldProjects/Archive/Old.md', 'IdeasIdeas.md']);
});

test('"note#heading" lists that note\'s headings and Enter opens the note at the heading', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Ideas.md');
  await inNote().findByRole('heading', { name: 'Ideas' });
  const { dialog, input } = await openSwitcher();
  fireEvent.change(input, { target: { value: 'welc#det' } });
  await waitFor(() => expect(optionTexts(dialog)[0]).toBe('## DetailsWelcome'));
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(window.location.hash).toMatch(/^#\/note\/Welcome\.md.*Details/);
});

test('"#heading" alone lists the open note\'s headings', async () => {
  const { inNote } = renderApp(sampleVault, `#/note/${encodeURIComponent('Projects/Plexus.md')}`);
  await inNote().findByRole('heading', { name: 'Plexus' });
  const { dialog, input } = await openSwitcher();
  fireEvent.change(input, { target: { value: '#go' } });
  await waitFor(() => expect(optionTexts(dialog)).toEqual(['## GoalsPlexus']));
});

test('nothing matches: Enter creates the typed note and opens it; Shift+Enter creates despite matches', async () => {
  const { api } = renderApp(sampleVault, '#/note/Ideas.md');
  let { dialog, input } = await openSwitcher();
  fireEvent.change(input, { target: { value: 'Zebra crossing' } });
  await waitFor(() => expect(optionTexts(dialog)).toEqual(['Create note “Zebra crossing”']));
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(hashPath()).toBe('Zebra crossing.md'));
  expect((await api.readNote(vp('Zebra crossing.md'))).ok).toBe(true);

  ({ dialog, input } = await openSwitcher());
  fireEvent.change(input, { target: { value: 'Idea' } });
  await waitFor(() => expect(optionTexts(dialog)[0]).toContain('Ideas'));
  fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
  await waitFor(() => expect(hashPath()).toBe('Idea.md'));
  expect((await api.readNote(vp('Idea.md'))).ok).toBe(true);
});

test('attachments are listed by file name; read-only vaults offer no Create', async () => {
  renderApp({ ...sampleVault, readOnly: true }, '#/note/Ideas.md');
  const { dialog, input } = await openSwitcher();
  fireEvent.change(input, { target: { value: 'pic' } });
  await waitFor(() => expect(optionTexts(dialog)[0]).toBe('pic.png (attachment)images/pic.png'));
  fireEvent.change(input, { target: { value: 'Zebra' } });
  await waitFor(() => expect(within(dialog).getByText('No matching notes.')).toBeInTheDocument());
  expect(optionTexts(dialog)).toEqual([]);
});
