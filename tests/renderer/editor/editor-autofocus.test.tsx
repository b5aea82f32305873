/**
 * A note opened for typing (a new note) takes the focus once its text has loaded, unless a
 * dialog took it meanwhile: keys typed into the quick switcher opened in between must not land
 * in the note.
 */
// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { render, waitFor } from '@testing-library/react';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { vp } from '../../support/vault-path';

function openEditor(api: ReturnType<MemoryApi['api']>) {
  const utils = render(<NoteEditor api={api} path={vp('Note.md')} onOpenNote={() => undefined} autoFocus />);
  return utils;
}

test('with nothing else focused, the loaded editor takes the focus', async () => {
  const utils = openEditor(new MemoryApi({ notes: { 'Note.md': 'text' } }).api());
  await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
  expect(document.activeElement?.closest('.cm-editor')).not.toBeNull();
  utils.unmount();
});

test('a dialog focused while the note loaded keeps the focus', async () => {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  const field = document.createElement('input');
  dialog.append(field);
  document.body.append(dialog);
  try {
    const utils = openEditor(new MemoryApi({ notes: { 'Note.md': 'text' } }).api());
    // The editor is created only once the note's text has arrived: the dialog opens before.
    field.focus();
    await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
    expect(document.activeElement).toBe(field);
    utils.unmount();
  } finally {
    dialog.remove();
  }
});
