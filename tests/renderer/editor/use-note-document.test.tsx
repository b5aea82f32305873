/**
 * Typed text that must never be lost: typing during a reload, leaving a conflicted note, and
 * leaving a note whose save fails. Drives the real NoteEditor (and so useNoteDocument) over a
 * FakeDisk whose reads can be held, so the order of events is chosen by the test, not by timing.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dropKeptText, keptTextFor } from '../../../renderer/src/editor/kept-texts';
import { hasUnsavedChanges, unsavedTexts, useUnsavedGuard } from '../../../renderer/src/editor/unsaved-registry';
import { FakeDisk } from './fake-api';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { mountEditor, typeAtEnd, viewOf } from './mount-editor';

const EACCES = 'could not save "Note.md": permission denied (EACCES: permission denied, open)';

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  dropKeptText('Note.md');
});

const statusText = () =>
  screen
    .getAllByRole('status')
    .map((s) => s.textContent)
    .join(' | ');
const conflictBar = () => screen.queryByText(/changed on disk while you were editing/);

describe('a reload that races with typing', () => {
  test('typing while the changed file is being re-read makes a conflict; the typed text is kept, not replaced', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'base');
    const { view } = await mountEditor(disk);
    disk.holdReads = true;
    await act(async () => disk.external('Note.md', 'theirs'));
    expect(disk.pendingReads).toBe(1); // the clean note's reload is in flight
    typeAtEnd(view(), ' mine');
    await act(async () => {
      disk.releaseReads();
    });
    await waitFor(() => expect(conflictBar()).not.toBeNull());
    expect(view().state.doc.toString()).toBe('base mine');
    expect(statusText()).toContain('Changed on disk');
    disk.holdReads = false;
    disk.releaseReads();
    await waitFor(() => expect(screen.getByLabelText(/Differences/).textContent).toContain('theirs'));
    // Autosave must not write over theirs either.
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(disk.files.get('Note.md')).toBe('theirs');
    expect(hasUnsavedChanges()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(disk.files.get('Note.md')).toBe('base mine'));
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('typing while Take theirs re-reads the file keeps the conflict and the new text', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'base');
    const { view } = await mountEditor(disk);
    typeAtEnd(view(), ' mine');
    await act(async () => disk.external('Note.md', 'theirs'));
    await waitFor(() => screen.getByRole('button', { name: 'Take theirs' }));
    disk.holdReads = true;
    fireEvent.click(screen.getByRole('button', { name: 'Take theirs' }));
    typeAtEnd(view(), ' more');
    await act(async () => {
      disk.releaseReads();
    });
    expect(view().state.doc.toString()).toBe('base mine more');
    expect(conflictBar()).not.toBeNull();
    disk.holdReads = false;
  });

  test('a reload with no typing in flight still replaces a clean note', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'base');
    const { view } = await mountEditor(disk);
    disk.holdReads = true;
    await act(async () => disk.external('Note.md', 'theirs'));
    await act(async () => {
      disk.releaseReads();
    });
    await waitFor(() => expect(view().state.doc.toString()).toBe('theirs'));
    expect(conflictBar()).toBeNull();
    expect(statusText()).toContain('Saved');
  });
});

describe('leaving a note in conflict', () => {
  async function conflicted(disk: FakeDisk) {
    disk.files.set('Note.md', 'base');
    disk.files.set('Other.md', 'other');
    const mounted = await mountEditor(disk);
    typeAtEnd(mounted.view(), ' mine');
    await act(async () => disk.external('Note.md', 'theirs'));
    await waitFor(() => expect(conflictBar()).not.toBeNull());
    return mounted;
  }

  test('closing the editor (Ctrl+E, Read) writes the text as a conflict copy and reports where', async () => {
    const disk = new FakeDisk();
    const { unmount, rescues } = await conflicted(disk);
    unmount();
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(disk.creates).toHaveLength(1);
    const copy = disk.creates[0];
    expect(copy.path).toMatch(/^Note \(conflict \d{4}-\d\d-\d\d \d{4}\)\.md$/);
    expect(disk.files.get(copy.path)).toBe('base mine');
    expect(rescues[0]).toEqual({ kind: 'copied', path: 'Note.md', copyPath: copy.path, reason: 'it changed on disk while you were editing it' });
    expect(disk.files.get('Note.md')).toBe('theirs'); // their version is not written over
    expect(disk.writes).toHaveLength(0);
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('a final save that finds the file changed (no event seen yet) also ends in a conflict copy', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'base');
    const { view, unmount, rescues } = await mountEditor(disk);
    typeAtEnd(view(), ' mine');
    disk.files.set('Note.md', 'theirs'); // changed on disk; the watcher has not reported it yet
    unmount();
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(disk.writes.map((w) => w.expectedHash)).toEqual(['h:base']); // refused by the compare-and-swap
    expect(disk.files.get('Note.md')).toBe('theirs');
    expect(disk.creates.map((c) => c.content)).toEqual(['base mine']);
    expect(rescues[0]).toMatchObject({ kind: 'copied', reason: 'it changed on disk while you were editing it' });
  });

  test('opening another note does the same', async () => {
    const disk = new FakeDisk();
    const { openOther, rescues } = await conflicted(disk);
    await openOther('Other.md');
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(rescues[0].kind).toBe('copied');
    expect(disk.creates.map((c) => c.content)).toEqual(['base mine']);
  });
});

describe('leaving a note whose save fails', () => {
  test('the final save is retried, then the text goes to a conflict copy; meanwhile the registry holds the text, not the editor', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'x');
    const { view, unmount, rescues } = await mountEditor(disk);
    typeAtEnd(view(), 'y');
    disk.failWrites = EACCES;
    fireEvent.keyDown(view().contentDOM, { key: 's', ctrlKey: true });
    await waitFor(() => expect(statusText()).toContain('Not saved'));
    unmount();
    // The editor is gone: the registry still knows the text, from what the editor left.
    expect(unsavedTexts().map((u) => [u.path, u.text()])).toEqual([['Note.md', 'xy']]);
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(disk.writes).toHaveLength(2); // Ctrl+S, then the retry on leaving
    expect(rescues[0]).toMatchObject({ kind: 'copied', path: 'Note.md', reason: EACCES });
    const copyPath = rescues[0].kind === 'copied' ? rescues[0].copyPath : '';
    expect(disk.files.get(copyPath)).toBe('xy');
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('when no copy can be written either, the text is kept in the window and offered back on reopen', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'x');
    disk.failWrites = EACCES;
    disk.failCreates = 'could not save "Note (conflict).md": permission denied (EACCES)';
    const first = await mountEditor(disk);
    typeAtEnd(first.view(), 'y'); // unsaved; the final save on leaving fails
    first.unmount();
    await waitFor(() => expect(first.rescues).toHaveLength(1));
    expect(first.rescues[0]).toEqual({ kind: 'kept', path: 'Note.md', reason: EACCES, copyError: disk.failCreates });
    expect(keptTextFor('Note.md')?.text).toBe('xy');
    // Closing the window now asks first.
    expect(unsavedTexts().map((u) => [u.path, u.text()])).toEqual([['Note.md', 'xy']]);

    disk.failWrites = null;
    const second = await mountEditor(disk);
    expect(second.view().state.doc.toString()).toBe('x');
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(second.view().state.doc.toString()).toBe('xy');
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    await act(async () => {
      jest.advanceTimersByTime(1100);
    });
    await waitFor(() => expect(disk.files.get('Note.md')).toBe('xy'));
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('a save call that throws (the server is gone) is a failed save, and leaving keeps the text', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'x');
    const api = disk.api();
    api.writeNote = async () => {
      throw new Error('fetch failed');
    };
    api.createNote = async () => {
      throw new Error('fetch failed');
    };
    const { container, unmount } = render(<NoteEditor api={api} path="Note.md" onOpenNote={() => undefined} />);
    await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull());
    typeAtEnd(viewOf(container), 'y');
    fireEvent.keyDown(viewOf(container).contentDOM, { key: 's', ctrlKey: true });
    await waitFor(() => expect(statusText()).toContain('could not reach the vault: fetch failed'));
    unmount();
    await waitFor(() => expect(keptTextFor('Note.md')?.text).toBe('xy'));
    expect(hasUnsavedChanges()).toBe(true);
  });

  test('Discard drops a kept text', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'x');
    disk.failWrites = EACCES;
    disk.failCreates = 'denied';
    const first = await mountEditor(disk);
    typeAtEnd(first.view(), 'y');
    first.unmount();
    await waitFor(() => expect(first.rescues).toHaveLength(1));
    await mountEditor(disk);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(keptTextFor('Note.md')).toBeNull();
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('the unload guard cancels closing while a kept text exists', async () => {
    const disk = new FakeDisk();
    disk.files.set('Note.md', 'x');
    disk.failWrites = EACCES;
    disk.failCreates = 'denied';
    const first = await mountEditor(disk);
    typeAtEnd(first.view(), 'y');
    first.unmount();
    await waitFor(() => expect(first.rescues).toHaveLength(1));
    function Guard() {
      useUnsavedGuard();
      return null;
    }
    render(<Guard />);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
