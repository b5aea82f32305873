import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { hasUnsavedChanges } from '../../../renderer/src/editor/unsaved-registry';
import { FakeDisk } from './fake-api';

function viewOf(container: HTMLElement): EditorView {
  const dom = container.querySelector('.cm-editor');
  if (!(dom instanceof HTMLElement)) throw new Error('no editor mounted');
  const view = EditorView.findFromDOM(dom);
  if (!view) throw new Error('no view');
  return view;
}

async function mount(disk: FakeDisk, path = 'Note.md') {
  const opened: [string, string | undefined][] = [];
  const saved = jest.fn();
  const utils = render(<NoteEditor api={disk.api()} path={path} onOpenNote={(p, h) => opened.push([p, h])} onSaved={saved} />);
  await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
  return { ...utils, opened, saved, view: () => viewOf(utils.container) };
}

function type(view: EditorView, text: string) {
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}

// jsdom has no layout; CodeMirror's measuring asks ranges for rectangles.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect();

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('loads the note, autosaves about a second after typing stops', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'hello');
  const { view, saved } = await mount(disk);
  expect(view().state.doc.toString()).toBe('hello');
  expect(screen.getByRole('status').textContent).toContain('Saved');
  type(view(), ' world');
  expect(screen.getByRole('status').textContent).toContain('Unsaved');
  expect(hasUnsavedChanges()).toBe(true);
  await act(async () => {
    jest.advanceTimersByTime(500);
  });
  expect(disk.writes).toHaveLength(0);
  await act(async () => {
    jest.advanceTimersByTime(600);
  });
  await waitFor(() => expect(disk.files.get('Note.md')).toBe('hello world'));
  expect(disk.writes[0].expectedHash).toBe('h:hello');
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
  expect(saved).toHaveBeenCalled();
  expect(hasUnsavedChanges()).toBe(false);
});

test('Ctrl+S saves at once; a failed save shows the reason and Retry saves again', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'a');
  const { view } = await mount(disk);
  type(view(), 'b');
  disk.failNextWrite = 'could not save "Note.md": the disk is full';
  fireEvent.keyDown(view().contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('the disk is full'));
  expect(disk.files.get('Note.md')).toBe('a');
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(disk.files.get('Note.md')).toBe('ab'));
});

test('an outside change to a clean note reloads it silently', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'one\ntwo');
  const { view } = await mount(disk);
  act(() => view().dispatch({ selection: { anchor: 2 } }));
  await act(async () => disk.external('Note.md', 'one\ntwo\nthree'));
  await waitFor(() => expect(view().state.doc.toString()).toBe('one\ntwo\nthree'));
  expect(view().state.selection.main.head).toBe(2);
  expect(screen.queryByRole('alert')).toBeNull();
  expect(disk.writes).toHaveLength(0);
});

test('an outside change to a dirty note is a conflict: nothing is overwritten; Keep both saves a copy', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'base');
  const { view } = await mount(disk);
  type(view(), ' mine');
  await act(async () => disk.external('Note.md', 'base theirs'));
  await waitFor(() => expect(screen.getByText(/changed on disk while you were editing/)).toBeTruthy());
  await waitFor(() => expect(screen.getByLabelText(/Differences/).textContent).toContain('base theirs'));
  await act(async () => {
    jest.advanceTimersByTime(5000);
  }); // autosave must not fire over theirs
  expect(disk.files.get('Note.md')).toBe('base theirs');
  fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
  await waitFor(() => expect(view().state.doc.toString()).toBe('base theirs'));
  expect(disk.creates).toHaveLength(1);
  expect(disk.creates[0].path).toMatch(/^Note \(conflict \d{4}-\d\d-\d\d \d{4}\)\.md$/);
  expect(disk.creates[0].content).toBe('base mine');
});

test('Keep mine overwrites knowingly with their hash', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'base');
  const { view } = await mount(disk);
  type(view(), '!');
  await act(async () => disk.external('Note.md', 'theirs'));
  await waitFor(() => screen.getByRole('button', { name: 'Keep mine' }));
  fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
  await waitFor(() => expect(disk.files.get('Note.md')).toBe('base!'));
  expect(disk.writes.at(-1)?.expectedHash).toBe('h:theirs');
});

test('deleted while open: a bar says so, the text stays, Save recreates it', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'keep me');
  const { view } = await mount(disk);
  await act(async () => disk.external('Note.md', null));
  await waitFor(() => screen.getByText(/deleted on disk/));
  expect(view().state.doc.toString()).toBe('keep me');
  fireEvent.click(screen.getByRole('button', { name: 'Save again' }));
  await waitFor(() => expect(disk.files.get('Note.md')).toBe('keep me'));
  expect(disk.writes.at(-1)?.expectedHash).toBeNull();
});

test('leaving the note with unsaved text saves it instead of dropping it', async () => {
  const disk = new FakeDisk();
  disk.files.set('Note.md', 'x');
  const { view, unmount } = await mount(disk);
  type(view(), 'y');
  unmount();
  await waitFor(() => expect(disk.files.get('Note.md')).toBe('xy'));
});
