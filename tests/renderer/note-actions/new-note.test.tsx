import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { checkNewNotePath, checkNotePath } from '../../../renderer/src/components/note-actions/note-path-input';
import type { FileEntry } from '../../../main/contract/api-contract';
import { recorded, renderWith, vault } from './render-with';
import { vp } from '../../support/vault-path';

const files: FileEntry[] = ['Welcome.md', 'Projects/Plexus.md'].map((path) => ({ path: vp(path), kind: 'note', title: path, size: 1, mtimeMs: 1 }));

test.each([
  ['', 'Enter a name.'],
  ['   ', 'Enter a name.'],
  ['/etc/passwd', 'inside the vault'],
  ['../outside', '“..” are not allowed'],
  ['a/../../b', '“..” are not allowed'],
  ['a//b', 'cannot be empty'],
  ['./x', '“..” are not allowed'],
  ['trailing/', 'cannot be empty'],
  ['back\\slash', 'not allowed'],
  ['what?', 'not allowed'],
  ['[[link]]', 'not allowed'],
  ['.hidden', 'hidden'],
  ['.md', 'hidden'],
])('checkNotePath refuses %j', (input, message) => {
  const result = checkNotePath(input);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toContain(message);
});

test('checkNewNotePath puts the name in the folder, adds .md, and refuses existing files case-insensitively', () => {
  expect(checkNewNotePath('Roadmap', 'Projects', files)).toEqual({ ok: true, value: 'Projects/Roadmap.md' });
  expect(checkNewNotePath(' Sub/Deep Note.md ', '', files)).toEqual({ ok: true, value: 'Sub/Deep Note.md' });
  expect(checkNewNotePath('plexus', 'Projects', files)).toEqual({ ok: false, error: '“Projects/plexus.md” already exists.' });
  expect(checkNewNotePath('WELCOME.MD', '', files).ok).toBe(false);
  // A leading slash must not escape the folder as an absolute path either.
  expect(checkNewNotePath('/x', 'Projects', files).ok).toBe(false);
  expect(checkNewNotePath('', 'Projects', files)).toEqual({ ok: false, error: 'Enter a name.' });
});

test('Ctrl+N asks for a name in the open note’s folder, validates it, creates the note and opens it in edit mode', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Projects%2FPlexus.md');
  await inNote().findByRole('link', { name: 'Welcome' });
  fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'New note' });
  const name = within(dialog).getByRole('textbox', { name: 'Name' });
  const create = within(dialog).getByRole('button', { name: 'Create' });
  expect(create).toBeDisabled();

  fireEvent.change(name, { target: { value: 'Plexus' } });
  expect(within(dialog).getByRole('alert')).toHaveTextContent('“Projects/Plexus.md” already exists.');
  expect(create).toBeDisabled();
  fireEvent.change(name, { target: { value: '../escape' } });
  expect(within(dialog).getByRole('alert')).toHaveTextContent('“..” are not allowed');
  expect(create).toBeDisabled();
  fireEvent.submit(create.closest('form')!);
  expect(calls('createNote')).toEqual([]);

  fireEvent.change(name, { target: { value: 'Roadmap' } });
  expect(within(dialog).queryByRole('alert')).toBeNull();
  expect(dialog).toHaveTextContent('Will be created at Projects/Roadmap.md');
  fireEvent.click(create);
  await waitFor(() => expect(window.location.hash).toBe('#/note/Projects%2FRoadmap.md'));
  expect(calls('createNote')).toEqual([['Projects/Roadmap.md', '']]);
  expect(screen.queryByRole('dialog', { name: 'New note' })).toBeNull();
  await waitFor(() => expect(screen.getByTestId('note-editor-host').querySelector('.cm-editor')).not.toBeNull());
  expect(screen.getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
  // The next keystrokes go into the new note.
  await waitFor(() => expect(editorView().hasFocus).toBe(true));
});

/** The mounted note editor's CodeMirror view. */
function editorView(): EditorView {
  const dom = screen.getByTestId('note-editor-host').querySelector('.cm-editor');
  if (!dom) throw new Error('no editor is mounted');
  return EditorView.findFromDOM(dom as HTMLElement)!;
}

test('after the New note button, the focus is in the new note’s editor, not back on the button, and typing is saved', async () => {
  const { inNote, calls } = renderWith(vault, '#/note/Welcome.md');
  await inNote().findByText('Ideas');
  const button = screen.getByRole('button', { name: 'New note' });
  button.focus();
  fireEvent.click(button);
  const dialog = await screen.findByRole('dialog', { name: 'New note' });
  const name = within(dialog).getByRole('textbox', { name: 'Name' });
  expect(name).toHaveFocus();
  fireEvent.change(name, { target: { value: 'Typed' } });
  fireEvent.submit(name.closest('form')!);
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New note' })).toBeNull());
  // A space on a re-focused button would open the dialog again.
  expect(button).not.toHaveFocus();
  await waitFor(() => expect(editorView().hasFocus).toBe(true));
  const view = editorView();
  act(() => view.dispatch({ changes: { from: 0, insert: 'first words' }, userEvent: 'input.type' }));
  fireEvent.keyDown(view.contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(calls('writeNote')).toContainEqual(['Typed.md', 'first words']));
});

test('the toolbar button opens the same dialog; a failed create is shown in the dialog and the name is kept', async () => {
  const { inNote } = renderWith(vault, '#/note/Welcome.md', (fake) => ({
    createNote: recorded(fake, 'createNote', () => ({ ok: false as const, error: { code: 'io-error' as const, message: 'disk full' } })),
  }));
  await inNote().findByText('Ideas');
  fireEvent.click(screen.getByRole('button', { name: 'New note' }));
  const dialog = await screen.findByRole('dialog', { name: 'New note' });
  expect(dialog).toHaveTextContent('the vault’s top folder');
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Draft' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not create Draft.md: disk full');
  expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Draft');
  expect(window.location.hash).toBe('#/note/Welcome.md');
});

test('creating the target of an unresolved link opens it in edit mode', async () => {
  const { inNote } = renderWith({ notes: { 'Welcome.md': 'Go to [[Someday]].\n' } }, '#/note/Welcome.md');
  const link = await inNote().findByRole('link', { name: 'Someday' });
  await waitFor(() => expect(link).toHaveClass('is-unresolved'));
  fireEvent.click(link);
  fireEvent.click(await screen.findByRole('button', { name: 'Create note' }));
  await waitFor(() => expect(window.location.hash).toBe('#/note/Someday.md'));
  await waitFor(() => expect(screen.getByTestId('note-editor-host').querySelector('.cm-editor')).not.toBeNull());
  await waitFor(() => expect(editorView().hasFocus).toBe(true));
});
