/**
 * The editor while browser mode has lost its server: saves wait (none is sent), the text stays,
 * and on reconnect the editor compares with the disk first (it may have changed unseen) and then
 * saves through the ordinary conflict-safe write with the expected hash.
 */
// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { hashText } from '../../../main/service/files/read-vault-file';
import { Connection } from '../../../renderer/src/api/connection';
import { registerConnection } from '../../../renderer/src/api/connection-registry';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import { hasUnsavedChanges } from '../../../renderer/src/editor/unsaved-registry';
import { typeAtEnd, viewOf, writesOf } from './mount-editor';
import { vp } from '../../support/vault-path';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const statusText = () =>
  screen
    .getAllByRole('status')
    .map((s) => s.textContent)
    .join(' | ');

/**
 * A Connection over fake sockets whose retries the test fires, registered for `api`. While it is
 * down, the service's events do not reach the page (as over a closed WebSocket).
 */
function connect(fake: MemoryApi, api: PlexusApi) {
  const sockets: { onOpen(): void; onClose(): void }[] = [];
  const timers: (() => void)[] = [];
  const connection = new Connection({
    openSocket: (handlers) => {
      sockets.push(handlers);
      return { close: () => undefined };
    },
    probe: async () => 'unreachable',
    timers: { setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined },
  });
  registerConnection(api, connection);
  connection.start();
  sockets[0].onOpen();
  return {
    drop: async () => {
      fake.dropEvents = true;
      await act(async () => sockets.at(-1)!.onClose());
    },
    reconnect: async () => {
      // Whatever the service saw while the page was away has been said (and not heard) by now.
      await act(() => fake.settled());
      fake.dropEvents = false;
      await act(async () => timers.shift()!());
      await act(async () => sockets.at(-1)!.onOpen());
    },
  };
}

async function mount(api: PlexusApi) {
  const utils = render(<NoteEditor api={api} path={vp('Note.md')} onOpenNote={() => undefined} />);
  await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
  return () => viewOf(utils.container);
}

test('typed while disconnected: no save is sent, the text stays, and it is saved with the expected hash on reconnect', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const api = fake.api();
  const link = connect(fake, api);
  const view = await mount(api);
  await link.drop();
  typeAtEnd(view(), ' one');
  await act(async () => {
    jest.advanceTimersByTime(1500);
  });
  typeAtEnd(view(), ' two');
  await act(async () => {
    jest.advanceTimersByTime(1500);
  });
  expect(writesOf(fake)).toEqual([]);
  expect(statusText()).toContain('waiting for the connection to Plexus');
  expect(view().state.doc.toString()).toBe('base one two');
  expect(hasUnsavedChanges()).toBe(true);

  await link.reconnect();
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('base one two'));
  expect(writesOf(fake)).toEqual([{ path: 'Note.md', content: 'base one two', expectedHash: hashText('base') }]);
  await waitFor(() => expect(statusText()).toContain('Saved'));
  expect(hasUnsavedChanges()).toBe(false);
});

test('a save in flight when the server went away (the call threw) is saved after reconnecting', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const api = fake.api();
  const link = connect(fake, api);
  const view = await mount(api);
  const write = api.writeNote;
  let calls = 0;
  // The drop is noticed only after this first write has already gone out and failed.
  (api as { writeNote: PlexusApi['writeNote'] }).writeNote = async (...args) =>
    calls++ === 0 ? Promise.reject(new TypeError('Failed to fetch')) : write(...args);
  typeAtEnd(view(), ' typed');
  await act(async () => {
    jest.advanceTimersByTime(1500);
  });
  await waitFor(() => expect(statusText()).toContain('Not saved'));
  await link.drop();
  await link.reconnect();
  await waitFor(() => expect(fake.notes.get(vp('Note.md'))).toBe('base typed'));
  expect(writesOf(fake)).toEqual([{ path: 'Note.md', content: 'base typed', expectedHash: hashText('base') }]);
});

test('changed on disk while disconnected (no event came): on reconnect it is a conflict, not an overwrite', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const api = fake.api();
  const link = connect(fake, api);
  const view = await mount(api);
  await link.drop();
  typeAtEnd(view(), ' mine');
  fake.notes.set(vp('Note.md'), 'theirs'); // written by someone else while the page could not hear of it
  await link.reconnect();
  await waitFor(() => expect(screen.queryByText(/changed on disk while you were editing/)).not.toBeNull());
  await act(async () => {
    jest.advanceTimersByTime(5000);
  });
  expect(fake.notes.get(vp('Note.md'))).toBe('theirs');
  expect(writesOf(fake)).toEqual([]);
  expect(view().state.doc.toString()).toBe('base mine');
});

test('a clean note changed on disk while disconnected is simply reloaded; one that already holds our text is clean', async () => {
  const fake = new MemoryApi({ notes: { 'Note.md': 'base' } });
  const api = fake.api();
  const link = connect(fake, api);
  const view = await mount(api);
  await link.drop();
  fake.notes.set(vp('Note.md'), 'theirs');
  await link.reconnect();
  await waitFor(() => expect(view().state.doc.toString()).toBe('theirs'));

  // Our save reached the disk but its answer was lost: the disk has exactly the editor's text.
  await link.drop();
  typeAtEnd(view(), ' mine');
  fake.notes.set(vp('Note.md'), 'theirs mine');
  await link.reconnect();
  await waitFor(() => expect(statusText()).toContain('Saved'));
  expect(screen.queryByText(/changed on disk while you were editing/)).toBeNull();
  expect(writesOf(fake)).toEqual([]);
});
