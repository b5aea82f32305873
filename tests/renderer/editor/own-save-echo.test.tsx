/**
 * Saving the open note is not an outside change: neither the save's answer nor the watcher's
 * echo of the write re-reads the note's text or touches the editor (its document and selection
 * stay the same objects), while what the index derives from the note (outline, outgoing links)
 * still follows it. A change made by another program still re-reads the note and reloads it.
 */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, showSidebarView } from '../render-app';
import { typeAtEnd, viewOf } from './mount-editor';
import { vp } from '../../support/vault-path';

const START = '# Own\n\nFirst line.\n';

function press(key: string) {
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true }));
  });
}

async function openEditor() {
  const app = renderApp({ notes: { 'Own.md': START, 'Other.md': '# Other\n' } }, '#/note/Own.md');
  await app.inNote().findByText('First line.');
  showSidebarView('Outline');
  press('e');
  await waitFor(() => expect(app.note().querySelector('.cm-editor')).not.toBeNull());
  const view = viewOf(app.note());
  await waitFor(() => expect(view.state.doc.toString()).toBe(START));
  const reads = () => app.fake.calls.filter((c) => c.method === 'readNote' && c.args[0] === 'Own.md').length;
  return { ...app, view, reads };
}

/** Saves now (Ctrl+S in the editor) and waits until the write, and the watcher's echo of it, are through. */
async function saveAndSettle(app: Awaited<ReturnType<typeof openEditor>>, expected: string) {
  fireEvent.keyDown(app.view.contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(app.fake.notes.get(vp('Own.md'))).toBe(expected));
  await waitFor(() => expect(within(app.note()).getByRole('status')).toHaveTextContent('Saved'));
  await act(() => app.fake.settled());
}

test('an own save and its watcher echo re-read nothing of the note’s text and leave the editor alone; the outline still follows', async () => {
  const app = await openEditor();
  const outline = screen.getByRole('region', { name: 'Outline' });
  await within(outline).findByRole('button', { name: 'Own' });
  typeAtEnd(app.view, '\n## Added heading\n\nSee [[Other]].\n');
  act(() => app.view.dispatch({ selection: { anchor: 3 } }));
  const doc = app.view.state.doc;
  const selection = app.view.state.selection;
  const readsBefore = app.reads();

  await saveAndSettle(app, `${START}\n## Added heading\n\nSee [[Other]].\n`);
  // The echo's parse reaches the outline (meta is re-read, not the text).
  await within(outline).findByRole('button', { name: 'Added heading' });
  showSidebarView('Outgoing');
  await within(screen.getByRole('region', { name: 'Outgoing links' })).findByRole('link', { name: 'Other' });

  expect(app.reads()).toBe(readsBefore);
  expect(app.view.state.doc).toBe(doc);
  expect(app.view.state.selection).toBe(selection);
  expect(screen.queryByRole('alert')).toBeNull();
});

test('typing during the save’s round trip is kept, and saved next', async () => {
  const app = await openEditor();
  typeAtEnd(app.view, 'one ');
  app.fake.holdAnswers('writeNote');
  fireEvent.keyDown(app.view.contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(app.fake.heldAnswers).toBe(1));
  typeAtEnd(app.view, 'two');
  await act(() => app.fake.settled());
  act(() => void app.fake.stopHolding());
  await waitFor(() => expect(app.fake.notes.get(vp('Own.md'))).toBe(`${START}one two\n`), { timeout: 5000 });
  await act(() => app.fake.settled());
  expect(app.view.state.doc.toString()).toBe(`${START}one two`);
  expect(screen.queryByRole('alert')).toBeNull();
});

test('the side-by-side preview shows what was saved without reading it back', async () => {
  const app = await openEditor();
  fireEvent.click(within(app.note()).getByRole('button', { name: 'Preview' }));
  const preview = within(app.note()).getByRole('region', { name: 'Preview' });
  await within(preview).findByText('First line.');
  const readsBefore = app.reads();
  typeAtEnd(app.view, '\nSaved paragraph.\n');
  await saveAndSettle(app, `${START}\nSaved paragraph.\n`);
  await within(preview).findByText('Saved paragraph.');
  expect(app.reads()).toBe(readsBefore);
});

test('a change by another program still re-reads the note and reloads the clean editor', async () => {
  const app = await openEditor();
  typeAtEnd(app.view, 'mine');
  await saveAndSettle(app, `${START}mine\n`);
  const readsBefore = app.reads();
  await act(async () => {
    app.fake.notes.set(vp('Own.md'), '# Own\n\nWritten elsewhere.\n');
    await app.fake.settled();
  });
  await waitFor(() => expect(app.view.state.doc.toString()).toBe('# Own\n\nWritten elsewhere.\n'));
  expect(app.reads()).toBeGreaterThan(readsBefore);
  expect(screen.queryByRole('alert')).toBeNull();
});
