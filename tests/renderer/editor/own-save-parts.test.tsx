/**
 * The echo of an own save re-reads only what the save changed of what the index derives from the
 * note: nothing for prose, the outgoing links for a link typed, the meta (outline) for a heading.
 * A change made elsewhere, to the note or to a note linking to it, still re-reads what it touches.
 */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, showSidebarView } from '../render-app';
import { typeAtEnd, viewOf } from './mount-editor';
import { vp } from '../../support/vault-path';

const START = '# Own\n\nFirst line.\n';
const DERIVED = ['getNoteMeta', 'getBacklinks', 'getOutgoingLinks', 'getUnlinkedMentions'] as const;

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
  await act(() => app.fake.settled());
  /** How many times each request about Own.md was made so far. */
  const counts = () => {
    const of = (method: string) => app.fake.calls.filter((c) => c.method === method && c.args[0] === 'Own.md').length;
    return Object.fromEntries([...DERIVED, 'readNote'].map((m) => [m, of(m)])) as Record<(typeof DERIVED)[number] | 'readNote', number>;
  };
  return { ...app, view, counts };
}

async function typeAndSave(app: Awaited<ReturnType<typeof openEditor>>, typed: string) {
  typeAtEnd(app.view, typed);
  fireEvent.keyDown(app.view.contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(app.fake.notes.get(vp('Own.md'))).toBe(`${START}${typed}\n`));
  await waitFor(() => expect(within(app.note()).getByRole('status')).toHaveTextContent('Saved'));
  await act(() => app.fake.settled());
}

test('a save that changes only prose re-reads nothing the index derives from the note', async () => {
  const app = await openEditor();
  const before = app.counts();
  await typeAndSave(app, '\nMore prose, no link, no heading.');
  // A change elsewhere that the backlinks must follow: once it shows, the save's echo is long through.
  await act(async () => {
    app.fake.notes.set(vp('Other.md'), '# Other\n\nSee [[Own]].\n');
    await app.fake.settled();
  });
  showSidebarView('Backlinks');
  await within(screen.getByRole('complementary', { name: 'Backlinks' })).findByRole('link', { name: 'Other' });
  const after = app.counts();
  expect(after.getNoteMeta).toBe(before.getNoteMeta);
  expect(after.getOutgoingLinks).toBe(before.getOutgoingLinks);
  expect(after.readNote).toBe(before.readNote);
  // Only the other note's new link: one re-read of the backlinks and of the unlinked mentions.
  expect(after.getBacklinks).toBe(before.getBacklinks + 1);
  expect(after.getUnlinkedMentions).toBe(before.getUnlinkedMentions + 1);
});

test('a save that adds a link updates the outgoing links, and re-reads neither meta nor backlinks', async () => {
  const app = await openEditor();
  showSidebarView('Outgoing');
  const before = app.counts();
  await typeAndSave(app, '\nSee [[Other]].');
  await within(screen.getByRole('region', { name: 'Outgoing links' })).findByRole('link', { name: 'Other' });
  const after = app.counts();
  expect(after.getOutgoingLinks).toBe(before.getOutgoingLinks + 1);
  expect(after.getNoteMeta).toBe(before.getNoteMeta);
  expect(after.getBacklinks).toBe(before.getBacklinks);
  expect(after.getUnlinkedMentions).toBe(before.getUnlinkedMentions);
});

test('a save that adds a heading updates the outline, and re-reads no links', async () => {
  const app = await openEditor();
  const outline = screen.getByRole('region', { name: 'Outline' });
  await within(outline).findByRole('button', { name: 'Own' });
  const before = app.counts();
  await typeAndSave(app, '\n## Typed heading');
  await within(outline).findByRole('button', { name: 'Typed heading' });
  const after = app.counts();
  expect(after.getNoteMeta).toBe(before.getNoteMeta + 1);
  expect(after.getOutgoingLinks).toBe(before.getOutgoingLinks);
  expect(after.getBacklinks).toBe(before.getBacklinks);
  expect(after.getUnlinkedMentions).toBe(before.getUnlinkedMentions);
});

test('a change to the note made by another program still re-reads all of it', async () => {
  const app = await openEditor();
  await typeAndSave(app, 'mine');
  const before = app.counts();
  await act(async () => {
    app.fake.notes.set(vp('Own.md'), '# Own\n\n## Theirs\n\nWritten elsewhere.\n');
    await app.fake.settled();
  });
  await waitFor(() => expect(app.view.state.doc.toString()).toBe('# Own\n\n## Theirs\n\nWritten elsewhere.\n'));
  await within(screen.getByRole('region', { name: 'Outline' })).findByRole('button', { name: 'Theirs' });
  await waitFor(() => {
    const after = app.counts();
    for (const method of [...DERIVED, 'readNote'] as const) expect(after[method]).toBeGreaterThan(before[method]);
  });
  expect(screen.queryByRole('alert')).toBeNull();
});

test('an echo heard before its save’s answer waits for the answer, and then re-reads nothing for prose', async () => {
  const app = await openEditor();
  const before = app.counts();
  typeAtEnd(app.view, '\nProse whose answer is late.');
  app.fake.holdAnswers('writeNote');
  fireEvent.keyDown(app.view.contentDOM, { key: 's', ctrlKey: true });
  await waitFor(() => expect(app.fake.heldAnswers).toBe(1));
  // The write is on disk and its echo reaches the page; the answer is still held.
  await act(() => app.fake.settled());
  act(() => void app.fake.stopHolding());
  await waitFor(() => expect(within(app.note()).getByRole('status')).toHaveTextContent('Saved'));
  await act(async () => {
    app.fake.notes.set(vp('Other.md'), '# Other\n\nSee [[Own]].\n');
    await app.fake.settled();
  });
  showSidebarView('Backlinks');
  await within(screen.getByRole('complementary', { name: 'Backlinks' })).findByRole('link', { name: 'Other' });
  const after = app.counts();
  expect(after.getNoteMeta).toBe(before.getNoteMeta);
  expect(after.getOutgoingLinks).toBe(before.getOutgoingLinks);
  expect(after.readNote).toBe(before.readNote);
  expect(screen.queryByRole('alert')).toBeNull();
});
