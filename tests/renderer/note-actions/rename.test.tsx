import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import type { RenameOutcome, RenamePlan, Result } from '../../../main/contract/api-contract';
import type { MemoryApi } from '../support/memory-api';
import { recorded, renderWith, vault } from './render-with';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

/**
 * The real handlers rename for every test but the first, whose Undo is checked against the
 * token the rename handed out ('tok-1'): there the rename is this scripted one, over the real
 * vault (its notes and link graph).
 */
/** The note writer keeps a note's final newline; typing at the end of Ideas.md is then the file's end only without one. */
const endsWithoutNewline = { notes: { ...vault.notes, 'Ideas.md': vault.notes['Ideas.md'].trimEnd() } };

function renames(fake: MemoryApi) {
  const undo = new Map<string, { from: VaultPath; to: VaultPath }>();
  return {
    planRename: recorded(fake, 'planRename', (from: VaultPath, to: VaultPath): Result<RenamePlan> => {
      if (fake.notes.has(to)) return { ok: false, error: { code: 'exists', message: `"${to}" already exists` } };
      const affected = [...fake.notes.keys()]
        .map((path) => ({ path: vp(path), links: fake.linksOf(vp(path)).filter((l) => l.resolved === from).length }))
        .filter((a) => a.links > 0);
      return { ok: true, value: { from, to, affected } };
    }),
    renameNote: recorded(fake, 'renameNote', (from: VaultPath, to: VaultPath): Result<RenameOutcome> => {
      fake.notes.set(to, fake.notes.get(from)!);
      fake.notes.delete(from);
      undo.set('tok-1', { from, to });
      return { ok: true, value: { from, to, changed: [vp('Ideas.md'), vp('Projects/Plexus.md')], undoToken: 'tok-1' } };
    }),
    undoRename: recorded(fake, 'undoRename', (token: string): Result<null> => {
      const step = undo.get(token)!;
      fake.notes.set(step.from, fake.notes.get(step.to)!);
      fake.notes.delete(step.to);
      return { ok: true, value: null };
    }),
  };
}

test('rename shows the notes whose links change, renames, follows the note, and Undo restores it', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Welcome.md', renames);
  await inNote().findByRole('link', { name: 'Ideas' });
  fireEvent.click(inNote().getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  const input = within(dialog).getByRole('textbox', { name: 'New path' });
  expect(input).toHaveValue('Welcome.md');
  const rename = within(dialog).getByRole('button', { name: 'Rename' });
  expect(rename).toBeDisabled();

  fireEvent.change(input, { target: { value: 'Projects/Old' } });
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('"Projects/Old.md" already exists');
  expect(rename).toBeDisabled();

  fireEvent.change(input, { target: { value: 'Archive/Hello' } });
  const affected = await within(dialog).findByRole('region', { name: 'Links to update' });
  expect(affected).toHaveTextContent('3 links in 2 notes will be updated');
  const rows = within(affected)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(rows).toEqual(['Ideas.md 2 links', 'Projects/Plexus.md 1 link']);
  expect(calls('planRename').at(-1)).toEqual(['Welcome.md', 'Archive/Hello.md']);
  await waitFor(() => expect(rename).toBeEnabled());
  fireEvent.click(rename);

  await waitFor(() => expect(window.location.hash).toBe('#/note/Archive%2FHello.md'));
  expect(calls('renameNote')).toEqual([['Welcome.md', 'Archive/Hello.md']]);
  expect(screen.queryByRole('dialog', { name: 'Rename note' })).toBeNull();
  const notice = screen.getAllByRole('status').find((s) => s.textContent?.includes('Renamed “Welcome.md” to “Archive/Hello.md”; updated links in 2 notes.'));
  expect(notice).toBeDefined();
  fireEvent.click(within(notice!).getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(calls('undoRename')).toEqual([['tok-1']]));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Welcome.md'));
  expect(await screen.findByText('Rename undone: “Archive/Hello.md” is “Welcome.md” again.')).toBeInTheDocument();
});

test('a failed rename is shown in the dialog and the note stays where it was', async () => {
  const { inNote } = renderWith(vault, '#/note/Ideas.md', (fake) => ({
    renameNote: recorded(fake, 'renameNote', (): Result<RenameOutcome> => ({ ok: false, error: { code: 'io-error', message: 'permission denied' } })),
  }));
  await inNote().findAllByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'F2' });
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'New path' }), { target: { value: 'Thoughts.md' } });
  expect(await within(dialog).findByRole('region', { name: 'Links to update' })).toHaveTextContent('Welcome.md 1 link');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not rename: permission denied');
  expect(window.location.hash).toBe('#/note/Ideas.md');
});

test('undo that the service refuses reaches the user', async () => {
  const { inNote } = renderWith(vault, '#/note/Ideas.md', (fake) => ({
    undoRename: recorded(fake, 'undoRename', (): Result<null> => ({ ok: false, error: { code: 'conflict', message: 'Ideas2.md was edited since' } })),
  }));
  await inNote().findAllByRole('link', { name: 'Welcome' });
  fireEvent.click(inNote().getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'New path' }), { target: { value: 'Ideas2' } });
  await within(dialog).findByRole('region', { name: 'Links to update' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
  const undo = await screen.findByRole('button', { name: 'Undo' });
  fireEvent.click(undo);
  expect(await screen.findByRole('alert')).toHaveTextContent('Could not undo the rename of “Ideas.md”: Ideas2.md was edited since');
});

test('F2 on a focused explorer row, and the current file’s ⋯ menu, rename that file', async () => {
  const { inNote } = renderWith(vault, '#/note/Welcome.md');
  await inNote().findByRole('link', { name: 'Ideas' });
  const explorer = screen.getByRole('navigation', { name: 'File explorer' });
  const oldRow = within(explorer).getByRole('link', { name: 'Old' });
  oldRow.focus();
  fireEvent.keyDown(oldRow, { key: 'F2' });
  let dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  expect(within(dialog).getByRole('textbox', { name: 'New path' })).toHaveValue('Projects/Old.md');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

  fireEvent.click(within(explorer).getByRole('button', { name: 'Actions for Welcome.md' }));
  fireEvent.click(within(explorer).getByRole('menuitem', { name: 'Rename or move…' }));
  dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  expect(within(dialog).getByRole('textbox', { name: 'New path' })).toHaveValue('Welcome.md');
});

test('renaming while editing saves and leaves the editor first, then edits the note at its new path', async () => {
  const { inNote, calls, container, fake } = renderWith(endsWithoutNewline, '#/note/Ideas.md');
  await inNote().findAllByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
  await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull());
  const view = EditorView.findFromDOM(container.querySelector('.cm-editor') as HTMLElement)!;
  await waitFor(() => expect(view.state.doc.toString()).toContain('Back to'));
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'typed just now' }, userEvent: 'input.type' }));
  fireEvent.click(inNote().getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  // No editor sits on the file while it moves, and what was typed went to the old path first.
  expect(container.querySelector('.cm-editor')).toBeNull();
  await waitFor(() => expect(calls('writeNote')).toEqual([['Ideas.md', expect.stringMatching(/typed just now$/)]]));
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'New path' }), { target: { value: 'Ideas Moved' } });
  await within(dialog).findByRole('region', { name: 'Links to update' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Ideas%20Moved.md'));
  await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull());
  expect(calls('readNote').some(([p]) => p === 'Ideas Moved.md')).toBe(true);
  expect(fake.notes.get(vp('Ideas Moved.md'))).toMatch(/typed just now$/);
  expect(screen.getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
  // The keyboard is back in the editor, at the note's new path.
  const moved = EditorView.findFromDOM(container.querySelector('.cm-editor') as HTMLElement)!;
  await waitFor(() => expect(moved.hasFocus).toBe(true));
});

test('Enter before the link list has loaded still renames (renameNote plans for itself)', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Ideas.md', () => ({
    // The plan never arrives.
    planRename: () => new Promise<Result<RenamePlan>>(() => undefined),
  }));
  await inNote().findAllByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'F2' });
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  const input = within(dialog).getByRole('textbox', { name: 'New path' });
  fireEvent.change(input, { target: { value: 'Thoughts' } });
  expect(within(dialog).getByRole('button', { name: 'Rename' })).toBeEnabled();
  fireEvent.submit(input.closest('form')!);
  await waitFor(() => expect(window.location.hash).toBe('#/note/Thoughts.md'));
  expect(calls('renameNote')).toEqual([['Ideas.md', 'Thoughts.md']]);
});

test('a bare name typed over a note in a folder says it will move to the top folder; a name in the folder says rename', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Projects%2FPlexus.md');
  await inNote().findByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'F2' });
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  const input = within(dialog).getByRole('textbox', { name: 'New path' });
  expect(input).toHaveValue('Projects/Plexus.md');

  // Select all, then a bare name.
  fireEvent.change(input, { target: { value: 'Plexus Notes' } });
  expect(within(dialog).getByRole('status')).toHaveTextContent('Will move to: Plexus Notes.md (out of Projects/, into the vault’s top folder)');

  fireEvent.change(input, { target: { value: 'Projects/Plexus Notes' } });
  expect(within(dialog).queryByRole('status')).toBeNull();
  expect(dialog).toHaveTextContent('Will be renamed to Projects/Plexus Notes.md');

  fireEvent.change(input, { target: { value: 'Archive/Plexus' } });
  expect(within(dialog).getByRole('status')).toHaveTextContent('Will move to: Archive/Plexus.md (out of Projects/, into Archive/)');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Archive%2FPlexus.md'));
  expect(calls('renameNote')).toEqual([['Projects/Plexus.md', 'Archive/Plexus.md']]);
});

test('a rename made while the editor’s last save is still on its way waits for that save, so the text moves with the note', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const { inNote, calls, container, fake } = renderWith(endsWithoutNewline, '#/note/Ideas.md', (f) => {
    const own = f.api();
    return { writeNote: (path, content, hash) => held.then(() => own.writeNote(path, content, hash)) };
  });
  await inNote().findAllByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
  await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull());
  const view = EditorView.findFromDOM(container.querySelector('.cm-editor') as HTMLElement)!;
  await waitFor(() => expect(view.state.doc.toString()).toContain('Back to'));
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'last words' }, userEvent: 'input.type' }));
  fireEvent.keyDown(window, { key: 'F2' });
  const dialog = await screen.findByRole('dialog', { name: 'Rename note' });
  const input = within(dialog).getByRole('textbox', { name: 'New path' });
  fireEvent.change(input, { target: { value: 'Ideas Moved' } });
  fireEvent.submit(input.closest('form')!);
  await within(dialog).findByRole('button', { name: 'Renaming…' });
  // The save cannot have landed (it is held), so the rename must not have been sent.
  expect(calls('renameNote')).toEqual([]);
  release();
  await waitFor(() => expect(window.location.hash).toBe('#/note/Ideas%20Moved.md'));
  const order = fake.calls.map((c) => c.method).filter((m) => m === 'writeNote' || m === 'renameNote');
  expect(order).toEqual(['writeNote', 'renameNote']);
  expect(fake.notes.get(vp('Ideas Moved.md'))).toMatch(/last words$/);
});
