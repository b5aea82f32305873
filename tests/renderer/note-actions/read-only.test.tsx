import '../setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWith, vault } from './render-with';

const MESSAGE = 'This vault is open read-only';

test('a read-only vault disables edit, new, rename and delete, and says why', async () => {
  const { inNote, container, calls } = renderWith({ ...vault, readOnly: true }, '#/note/Welcome.md');
  await inNote().findByRole('link', { name: 'Ideas' });
  const actions = await waitFor(() => {
    const group = inNote().getByRole('group', { name: 'Note actions' });
    expect(group).toHaveTextContent(MESSAGE);
    return group;
  });
  for (const name of ['Edit', 'Rename', 'Delete']) {
    const button = within(actions).getByRole('button', { name });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', MESSAGE);
  }
  const newNote = screen.getByRole('button', { name: 'New note' });
  expect(newNote).toBeDisabled();
  expect(newNote).toHaveAttribute('title', MESSAGE);

  // The shortcuts explain instead of opening anything.
  fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
  fireEvent.keyDown(window, { key: 'F2' });
  fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
  expect(await screen.findByText(`${MESSAGE}; notes cannot be created, renamed or deleted.`)).toBeInTheDocument();
  expect(await screen.findByText(`${MESSAGE}; notes cannot be edited.`)).toBeInTheDocument();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(container.querySelector('.cm-editor')).toBeNull();

  const explorer = screen.getByRole('navigation', { name: 'File explorer' });
  fireEvent.click(within(explorer).getByRole('button', { name: 'Actions for Welcome.md' }));
  expect(within(explorer).getByRole('menuitem', { name: 'Rename or move…' })).toBeDisabled();
  expect(within(explorer).getByRole('menuitem', { name: 'Delete…' })).toBeDisabled();
  expect(calls('createNote')).toEqual([]);
});

test('the same controls are enabled in a writable vault', async () => {
  const { inNote } = renderWith(vault, '#/note/Welcome.md');
  await inNote().findByRole('link', { name: 'Ideas' });
  const actions = inNote().getByRole('group', { name: 'Note actions' });
  for (const name of ['Edit', 'Rename', 'Delete']) expect(within(actions).getByRole('button', { name })).toBeEnabled();
  expect(actions).not.toHaveTextContent(MESSAGE);
  expect(screen.getByRole('button', { name: 'New note' })).toBeEnabled();
});
