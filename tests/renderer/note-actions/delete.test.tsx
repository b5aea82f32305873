import '../setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Result, VaultInfo } from '../../../main/contract/api-contract';
import { recorded, renderWith, vault } from './render-with';
import type { VaultPath } from '../../../main/core/types';

test('delete lists the notes that link here with counts, deletes, says where the note went and leaves it', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Welcome.md');
  await inNote().findByRole('link', { name: 'Ideas' });
  fireEvent.click(inNote().getByRole('button', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete note' });
  expect(dialog).toHaveTextContent('Welcome.md will be moved to .trash/ in the vault.');
  const linkers = await within(dialog).findByRole('region', { name: 'Notes that link here' });
  expect(linkers).toHaveTextContent('2 notes link here; their links will become unresolved');
  expect(
    within(linkers)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Ideas.md 2 links', 'Projects/Plexus.md 1 link']);

  fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(calls('deleteNote')).toEqual([['Welcome.md']]));
  expect(await screen.findByText('Deleted “Welcome.md” (moved to .trash/ in the vault); 2 notes still link to it.')).toBeInTheDocument();
  await waitFor(() => expect(window.location.hash).not.toBe('#/note/Welcome.md'));
  expect(screen.queryByRole('dialog', { name: 'Delete note' })).toBeNull();
});

test('in Electron the wording is the system trash; Cancel deletes nothing; a failed delete is shown in the dialog', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Projects%2FOld.md', (fake) => ({
    getVaultInfo: async (): Promise<VaultInfo> => ({
      name: 'V',
      root: '/v',
      readOnly: false,
      host: 'electron',
      status: { state: 'ready', notes: 4, links: 0, ms: 1 },
    }),
    deleteNote: recorded(fake, 'deleteNote', (): Result<{ linkedFrom: VaultPath[] }> => ({
      ok: false,
      error: { code: 'io-error', message: 'the trash is not available' },
    })),
  }));
  await inNote().findByText('Nothing links here.');
  fireEvent.click(inNote().getByRole('button', { name: 'Delete' }));
  let dialog = await screen.findByRole('dialog', { name: 'Delete note' });
  await waitFor(() => expect(dialog).toHaveTextContent('Projects/Old.md will be moved to the system trash.'));
  expect(await within(dialog).findByText('No notes link here.')).toBeInTheDocument();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog', { name: 'Delete note' })).toBeNull();
  expect(calls('deleteNote')).toEqual([]);

  const explorer = screen.getByRole('navigation', { name: 'File explorer' });
  fireEvent.click(within(explorer).getByRole('button', { name: 'Actions for Old.md' }));
  fireEvent.click(within(explorer).getByRole('menuitem', { name: 'Delete…' }));
  dialog = await screen.findByRole('dialog', { name: 'Delete note' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not delete: the trash is not available');
  expect(window.location.hash).toBe('#/note/Projects%2FOld.md');
});
