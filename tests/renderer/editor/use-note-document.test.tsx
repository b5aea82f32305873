/**
 * Typed text that must never be lost: typing during a reload, leaving a conflicted note, and
 * leaving a note whose save fails. Drives the real NoteEditor (and so useNoteDocument) over the
 * real handlers on an in-memory vault (MemoryApi): writes fail at the storage port, and read
 * answers can be held, so the order of events is chosen by the test, not by timing.
 */
// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { Profiler } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { hashText } from '../../../main/service/files/read-vault-file';
import { dropKeptText, keptTextFor } from '../../../renderer/src/editor/kept-texts';
import { hasUnsavedChanges, unsavedTexts, useUnsavedGuard } from '../../../renderer/src/editor/unsaved-registry';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { AUTOSAVE_DELAY_MS } from '../../../renderer/src/editor/use-note-document';
import { createsOf, mountEditor, typeAtEnd, viewOf, writesOf } from './mount-editor';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

/** What the real writer says when Note.md cannot be written over (EACCES at the port). */
const EACCES = /^could not save "Note\.md": permission denied \(EACCES: permission denied, open '\/Test Vault\/\.Note\.md\.[0-9a-f]+\.plexus-tmp'\)$/;
/** ... and when no conflict copy can be made next to it. */
const COPY_DENIED = /^could not save "Note \(conflict [^"]+\)\.md": permission denied \(EACCES/;

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  dropKeptText(vp('Note.md'));
});

const statusText = () =>
  screen
    .getAllByRole('status')
    .map((s) => s.textContent)
    .join(' | ');
const conflictBar = () => screen.queryByText(/changed on disk while you were editing/);

/** Another program changes the note; the service hears of it through its watch and tells the page. */
async function outsideChange(fake: MemoryApi, path: VaultPath, content: string) {
  await act(async () => {
    fake.notes.set(path, content);
    await fake.settled();
  });
}

/** A note whose saves and conflict copies all fail, typed into and left: the window has to keep the text. */
async function leaveUnsaveable() {
  const fake = new MemoryApi({ notes: { 'Note.md': 'x' } });
  fake.faults.failWrites('EACCES');
  fake.faults.failCreates('EACCES');
  const first = await mountEditor(fake);
  typeAtEnd(first.view(), 'y'); // unsaved; the final save on leaving fails
  first.unmount();
  await waitFor(() => expect(first.rescues).toHaveLength(1));
  return { fake, first };
}

describe('a reload that races with typing', () => {
  test('typing while the changed file is being re-read makes a conflict; the typed text is kept, not replaced', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    const { view } = await mountEditor(fake);
    fake.holdAnswers('readNote');
    await outsideChange(fake, vp('Note.md'), 'theirs');
    await waitFor(() => expect(fake.heldAnswers).toBe(1)); // the clean note's reload is in flight
    typeAtEnd(view(), ' mine');
    let released = 0;
    await act(async () => {
      released = fake.releaseAnswers();
    });
    expect(released).toBe(1);
    await waitFor(() => expect(conflictBar()).not.toBeNull());
    expect(view().state.doc.toString()).toBe('base mine');
    expect(statusText()).toContain('Changed on disk');
    fake.stopHolding();
    await waitFor(() => expect(screen.getByLabelText(/Differences/).textContent).toContain('theirs'));
    // Autosave must not write over theirs either.
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(fake.notes.get(vp('Note.md'))).toBe('theirs');
    expect(hasUnsavedChanges()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('base mine'));
    expect(writesOf(fake).at(-1)?.expectedHash).toBe(hashText('theirs'));
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('typing while Take theirs re-reads the file keeps the conflict and the new text', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    const { view } = await mountEditor(fake);
    typeAtEnd(view(), ' mine');
    await outsideChange(fake, vp('Note.md'), 'theirs');
    await waitFor(() => screen.getByRole('button', { name: 'Take theirs' }));
    fake.holdAnswers('readNote');
    fireEvent.click(screen.getByRole('button', { name: 'Take theirs' }));
    expect(fake.heldAnswers).toBe(1);
    typeAtEnd(view(), ' more');
    let released = 0;
    await act(async () => {
      released = fake.releaseAnswers();
    });
    expect(released).toBe(1);
    expect(view().state.doc.toString()).toBe('base mine more');
    expect(conflictBar()).not.toBeNull();
    fake.stopHolding();
  });

  test('a reload with no typing in flight still replaces a clean note', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    const { view } = await mountEditor(fake);
    fake.holdAnswers('readNote');
    await outsideChange(fake, vp('Note.md'), 'theirs');
    await waitFor(() => expect(fake.heldAnswers).toBe(1));
    await act(async () => {
      expect(fake.stopHolding()).toBe(1);
    });
    await waitFor(() => expect(view().state.doc.toString()).toBe('theirs'));
    expect(conflictBar()).toBeNull();
    expect(statusText()).toContain('Saved');
  });
});

describe('leaving a note in conflict', () => {
  async function conflicted(fake: MemoryApi) {
    const mounted = await mountEditor(fake);
    typeAtEnd(mounted.view(), ' mine');
    await outsideChange(fake, vp('Note.md'), 'theirs');
    await waitFor(() => expect(conflictBar()).not.toBeNull());
    return mounted;
  }

  test('closing the editor (Ctrl+E, Read) writes the text as a conflict copy and reports where', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base', 'Other.md': 'other' } });
    const { unmount, rescues } = await conflicted(fake);
    unmount();
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(createsOf(fake)).toHaveLength(1);
    const copy = createsOf(fake)[0];
    expect(copy.path).toMatch(/^Note \(conflict \d{4}-\d\d-\d\d \d{4}\)\.md$/);
    expect(fake.notes.get(copy.path)).toBe('base mine');
    expect(rescues[0]).toEqual({ kind: 'copied', path: 'Note.md', copyPath: copy.path, reason: 'it changed on disk while you were editing it' });
    expect(fake.notes.get(vp('Note.md'))).toBe('theirs'); // their version is not written over
    expect(writesOf(fake)).toHaveLength(0);
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('a final save that finds the file changed (no event seen yet) also ends in a conflict copy', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    const { view, unmount, rescues } = await mountEditor(fake);
    typeAtEnd(view(), ' mine');
    fake.dropEvents = true; // the page hears of no change: the save finds it
    fake.notes.set(vp('Note.md'), 'theirs');
    unmount();
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(writesOf(fake).map((w) => w.expectedHash)).toEqual([hashText('base')]); // refused by the compare-and-swap
    expect(fake.notes.get(vp('Note.md'))).toBe('theirs');
    expect(createsOf(fake).map((c) => c.content)).toEqual(['base mine']);
    expect(rescues[0]).toMatchObject({ kind: 'copied', reason: 'it changed on disk while you were editing it' });
  });

  test('opening another note does the same', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base', 'Other.md': 'other' } });
    const { openOther, rescues } = await conflicted(fake);
    await openOther('Other.md');
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(rescues[0].kind).toBe('copied');
    expect(createsOf(fake).map((c) => c.content)).toEqual(['base mine']);
    expect(fake.notes.get(vp('Note.md'))).toBe('theirs');
  });
});

describe('leaving a note whose save fails', () => {
  test('the final save is retried, then the text goes to a conflict copy; meanwhile the registry holds the text, not the editor', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'x' } });
    const { view, unmount, rescues } = await mountEditor(fake);
    typeAtEnd(view(), 'y');
    fake.faults.failWrites('EACCES');
    fireEvent.keyDown(view().contentDOM, { key: 's', ctrlKey: true });
    await waitFor(() => expect(statusText()).toContain('Not saved'));
    unmount();
    // The editor is gone: the registry still knows the text, from what the editor left.
    expect(unsavedTexts().map((u) => [u.path, u.text()])).toEqual([['Note.md', 'xy']]);
    await waitFor(() => expect(rescues).toHaveLength(1));
    expect(writesOf(fake)).toHaveLength(2); // Ctrl+S, then the retry on leaving
    expect(fake.faults.failed.map((f) => f.kind)).toEqual(['write', 'write']);
    expect(rescues[0]).toMatchObject({ kind: 'copied', path: 'Note.md', reason: expect.stringMatching(EACCES) });
    const copyPath = rescues[0].kind === 'copied' ? rescues[0].copyPath : vp('no copy.md');
    expect(fake.notes.get(copyPath)).toBe('xy');
    expect(fake.notes.get(vp('Note.md'))).toBe('x');
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('when no copy can be written either, the text is kept in the window and offered back on reopen', async () => {
    const { fake, first } = await leaveUnsaveable();
    expect(first.rescues[0]).toEqual({ kind: 'kept', path: 'Note.md', reason: expect.stringMatching(EACCES), copyError: expect.stringMatching(COPY_DENIED) });
    expect(keptTextFor(vp('Note.md'))?.text).toBe('xy');
    // Closing the window now asks first.
    expect(unsavedTexts().map((u) => [u.path, u.text()])).toEqual([['Note.md', 'xy']]);

    fake.faults.failWrites(null);
    const second = await mountEditor(fake);
    expect(second.view().state.doc.toString()).toBe('x');
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(second.view().state.doc.toString()).toBe('xy');
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    await act(async () => {
      jest.advanceTimersByTime(1100);
    });
    await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('xy'));
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('a save call that throws (the server is gone) is a failed save, and leaving keeps the text', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'x' } });
    const api = fake.api();
    api.writeNote = async () => {
      throw new Error('fetch failed');
    };
    api.createNote = async () => {
      throw new Error('fetch failed');
    };
    const { container, unmount } = render(<NoteEditor api={api} path={vp('Note.md')} onOpenNote={() => undefined} />);
    await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull());
    typeAtEnd(viewOf(container), 'y');
    fireEvent.keyDown(viewOf(container).contentDOM, { key: 's', ctrlKey: true });
    await waitFor(() => expect(statusText()).toContain('could not reach the vault: fetch failed'));
    unmount();
    await waitFor(() => expect(keptTextFor(vp('Note.md'))?.text).toBe('xy'));
    expect(hasUnsavedChanges()).toBe(true);
  });

  test('Discard drops a kept text', async () => {
    const { fake } = await leaveUnsaveable();
    await mountEditor(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(keptTextFor(vp('Note.md'))).toBeNull();
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('the unload guard cancels closing while a kept text exists', async () => {
    await leaveUnsaveable();
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

describe('typing into unsaved text', () => {
  test('keystrokes after the first do not re-render the editor: its state is unchanged', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    let commits = 0;
    const utils = render(
      <Profiler id="editor" onRender={() => void commits++}>
        <NoteEditor api={fake.api()} path={vp('Note.md')} onOpenNote={() => undefined} />
      </Profiler>,
    );
    await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
    const view = viewOf(utils.container);
    typeAtEnd(view, 'a'); // clean to dirty: the status line changes
    await act(async () => undefined);
    const afterFirst = commits;
    for (const key of 'bcdef') typeAtEnd(view, key);
    await act(async () => undefined);
    expect(commits).toBe(afterFirst);
    expect(view.state.doc.toString()).toBe('baseabcdef');
    utils.unmount();
  });
});

describe('typing while a save is in flight', () => {
  test('a save slower than the autosave delay still writes what was typed during it, without another key', async () => {
    const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
    const { view } = await mountEditor(fake);
    typeAtEnd(view(), ' one');
    fake.holdAnswers('writeNote');
    await act(async () => void jest.advanceTimersByTime(AUTOSAVE_DELAY_MS));
    expect(writesOf(fake).map((w) => w.content)).toEqual(['base one']);
    // Typed while that write is unanswered; its own autosave comes due (and is refused) before the answer.
    typeAtEnd(view(), ' two');
    await act(async () => void jest.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3));
    expect(writesOf(fake)).toHaveLength(1);
    fake.stopHolding();
    await waitFor(() => expect(writesOf(fake).map((w) => w.content)).toEqual(['base one', 'base one two']));
    await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('base one two'));
  });
});
