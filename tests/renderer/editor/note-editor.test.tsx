// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { hashText } from '../../../main/service/files/read-vault-file';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { hasUnsavedChanges } from '../../../renderer/src/editor/unsaved-registry';
import { createsOf, typeAtEnd as type, viewOf, writesOf } from './mount-editor';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

async function mount(fake: MemoryApi, path = 'Note.md') {
  const opened: [string, string | undefined][] = [];
  const saved = jest.fn();
  const utils = render(<NoteEditor api={fake.api()} path={vp(path)} onOpenNote={(p, h) => opened.push([p, h])} onSaved={saved} />);
  await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
  return { ...utils, opened, saved, view: () => viewOf(utils.container) };
}

/** Another program changes (or, with null, deletes) the note; the service hears of it through its watch. */
async function outsideChange(fake: MemoryApi, path: VaultPath, content: string | null) {
  await act(async () => {
    if (content === null) fake.notes.delete(path);
    else fake.notes.set(path, content);
    await fake.settled();
  });
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('loads the note, autosaves about a second after typing stops', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'hello' } });
  const { view, saved } = await mount(fake);
  expect(view().state.doc.toString()).toBe('hello');
  expect(screen.getByRole('status').textContent).toContain('Saved');
  type(view(), ' world');
  expect(screen.getByRole('status').textContent).toContain('Unsaved');
  expect(hasUnsavedChanges()).toBe(true);
  await act(async () => {
    jest.advanceTimersByTime(500);
  });
  expect(writesOf(fake)).toHaveLength(0);
  await act(async () => {
    jest.advanceTimersByTime(600);
  });
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('hello world'));
  expect(writesOf(fake)[0].expectedHash).toBe(hashText('hello'));
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
  expect(saved).toHaveBeenCalled();
  expect(hasUnsavedChanges()).toBe(false);
});

test('Ctrl+S saves at once; a failed save shows the reason and Retry saves again', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'a' } });
  const { view } = await mount(fake);
  type(view(), 'b');
  fake.faults.failNextWrite('ENOSPC');
  fireEvent.keyDown(view().contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('the disk is full'));
  expect(fake.notes.get(vp('Note.md'))).toBe('a');
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('ab'));
  expect(fake.faults.failed).toEqual([{ target: '/Test Vault/Note.md', kind: 'write', code: 'ENOSPC' }]);
});

test('an outside change to a clean note reloads it silently', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'one\ntwo' } });
  const { view } = await mount(fake);
  act(() => view().dispatch({ selection: { anchor: 2 } }));
  await outsideChange(fake, vp('Note.md'), 'one\ntwo\nthree');
  await waitFor(() => expect(view().state.doc.toString()).toBe('one\ntwo\nthree'));
  expect(view().state.selection.main.head).toBe(2);
  expect(screen.queryByRole('alert')).toBeNull();
  expect(writesOf(fake)).toHaveLength(0);
});

test('an outside change to a dirty note is a conflict: nothing is overwritten; Keep both saves a copy', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const { view } = await mount(fake);
  type(view(), ' mine');
  await outsideChange(fake, vp('Note.md'), 'base theirs');
  await waitFor(() => expect(screen.getByText(/changed on disk while you were editing/)).toBeTruthy());
  await waitFor(() => expect(screen.getByLabelText(/Differences/).textContent).toContain('base theirs'));
  await act(async () => {
    jest.advanceTimersByTime(5000);
  }); // autosave must not fire over theirs
  expect(fake.notes.get(vp('Note.md'))).toBe('base theirs');
  fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
  await waitFor(() => expect(view().state.doc.toString()).toBe('base theirs'));
  const creates = createsOf(fake);
  expect(creates).toHaveLength(1);
  expect(creates[0].path).toMatch(/^Note \(conflict \d{4}-\d\d-\d\d \d{4}\)\.md$/);
  expect(creates[0].content).toBe('base mine');
  expect(fake.notes.get(creates[0].path)).toBe('base mine');
});

test('Keep mine overwrites knowingly with their hash', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const { view } = await mount(fake);
  type(view(), '!');
  await outsideChange(fake, vp('Note.md'), 'theirs');
  await waitFor(() => screen.getByRole('button', { name: 'Keep mine' }));
  fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('base!'));
  expect(writesOf(fake).at(-1)?.expectedHash).toBe(hashText('theirs'));
});

test('deleted while open: a bar says so, the text stays, Save recreates it', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'keep me' } });
  const { view } = await mount(fake);
  await outsideChange(fake, vp('Note.md'), null);
  await waitFor(() => screen.getByText(/deleted on disk/));
  expect(view().state.doc.toString()).toBe('keep me');
  expect(fake.notes.has(vp('Note.md'))).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: 'Save again' }));
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('keep me'));
  expect(writesOf(fake).at(-1)?.expectedHash).toBeNull();
});

test('leaving the note with unsaved text saves it instead of dropping it', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'x' } });
  const { view, unmount } = await mount(fake);
  type(view(), 'y');
  unmount();
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('xy'));
});
