/**
 * The app while browser mode has lost its server: a banner says so within the same event that
 * noticed it, note actions are refused the way read-only mode refuses them (but the editor
 * stays), and reconnecting removes the banner and re-reads what events would have updated.
 */
import './setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Connection } from '../../renderer/src/api/connection';
import type { ProbeResult } from '../../renderer/src/api/connection-machine';
import { registerConnection } from '../../renderer/src/api/connection-registry';
import { App } from '../../renderer/src/app';
import { CONNECTION_LOST_TEXT, SIGNED_OUT_TEXT } from '../../renderer/src/components/connection-banner';
import { MemoryApi } from './support/memory-api';
import { sampleVault } from './render-app';

// jsdom has no layout; CodeMirror's measuring asks ranges for rectangles.
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

function mountConnected(probe: ProbeResult = 'unreachable') {
  window.localStorage.clear();
  window.location.hash = '#/note/Welcome.md';
  const fake = new MemoryApi(sampleVault);
  const api = fake.api();
  const sockets: { onOpen(): void; onClose(): void }[] = [];
  const retries: (() => void)[] = [];
  const connection = new Connection({
    openSocket: (handlers) => {
      sockets.push(handlers);
      return { close: () => undefined };
    },
    probe: async () => probe,
    timers: { setTimeout: (fn) => retries.push(fn), clearTimeout: () => undefined },
  });
  registerConnection(api, connection);
  connection.start();
  sockets[0].onOpen();
  render(<App api={api} />);
  const inNote = () => within(screen.getByRole('main', { name: 'Note' }));
  const calls = (method: string) => fake.calls.filter((c) => c.method === method).length;
  return {
    inNote,
    calls,
    sockets,
    drop: () => act(async () => sockets.at(-1)!.onClose()),
    reconnect: async () => {
      await act(async () => retries.shift()!());
      await act(async () => sockets.at(-1)!.onOpen());
    },
  };
}

test('a drop shows the banner and refuses new/rename/delete like read-only, but keeps the editor', async () => {
  const app = mountConnected();
  await app.inNote().findByRole('link', { name: 'Ideas' });
  fireEvent.click(app.inNote().getByRole('button', { name: 'Edit' }));
  await waitFor(() => expect(document.querySelector('.cm-editor')).not.toBeNull());
  expect(screen.queryByText(CONNECTION_LOST_TEXT)).toBeNull();

  await app.drop();
  const banner = screen.getByText(CONNECTION_LOST_TEXT).closest('[role="alert"]') as HTMLElement;
  expect(banner).not.toBeNull();
  expect(within(banner).queryByRole('button', { name: 'Dismiss' })).toBeNull();
  const actions = app.inNote().getByRole('group', { name: 'Note actions' });
  for (const name of ['Rename', 'Delete']) {
    expect(within(actions).getByRole('button', { name })).toBeDisabled();
    expect(within(actions).getByRole('button', { name })).toHaveAttribute('title', 'Not connected to Plexus');
  }
  // The editor is still there and can be left with Read (its save waits, the text is kept).
  expect(within(actions).getByRole('button', { name: 'Read' })).toBeEnabled();
  expect(document.querySelector('.cm-editor')).not.toBeNull();
  expect(screen.getByRole('button', { name: 'New note' })).toBeDisabled();
  fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
  expect(await screen.findByText('Not connected to Plexus; notes cannot be created, renamed or deleted.')).toBeInTheDocument();
  expect(screen.queryByRole('dialog')).toBeNull();

  const before = { files: app.calls('listFiles'), info: app.calls('getVaultInfo'), note: app.calls('readNote') };
  await app.reconnect();
  await waitFor(() => expect(screen.queryByText(CONNECTION_LOST_TEXT)).toBeNull());
  expect(await screen.findByText('Reconnected to Plexus.')).toBeInTheDocument();
  expect(within(app.inNote().getByRole('group', { name: 'Note actions' })).getByRole('button', { name: 'Rename' })).toBeEnabled();
  expect(screen.getByRole('button', { name: 'New note' })).toBeEnabled();
  // What the missed events would have updated is read again: files, vault info, the open note.
  await waitFor(() => {
    expect(app.calls('listFiles')).toBeGreaterThan(before.files);
    expect(app.calls('getVaultInfo')).toBeGreaterThan(before.info);
    expect(app.calls('readNote')).toBeGreaterThan(before.note);
  });
});

test('a server that no longer knows the session (restarted) says to open the new link; Retry now tries again', async () => {
  const app = mountConnected('unauthorized');
  await app.inNote().findByRole('link', { name: 'Ideas' });
  await app.drop();
  expect(await screen.findByText(SIGNED_OUT_TEXT)).toBeInTheDocument();
  expect(SIGNED_OUT_TEXT).toContain('open the new link printed in the terminal');
  // Signing in through the new link (another tab) sets the cookie; this tab need not wait out the backoff.
  const opened = app.sockets.length;
  fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
  expect(app.sockets).toHaveLength(opened + 1);
  await act(async () => app.sockets.at(-1)!.onOpen());
  await waitFor(() => expect(screen.queryByText(SIGNED_OUT_TEXT)).toBeNull());
});
