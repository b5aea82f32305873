/**
 * The File recovery dialog against the real contract handlers over a temp vault: versions kept
 * by the service (an edit here, an outside overwrite) are listed newest first with why, the diff
 * against the current text shows, and Restore puts the chosen text back on disk.
 */
import './node-globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import { createApiHandlers } from '../../../main/service/api-handlers';
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { VaultService } from '../../../main/service/vault-service';
import { DeletedNotesDialog } from '../../../renderer/src/components/file-recovery/deleted-notes-dialog';
import { FileRecoveryDialog } from '../../../renderer/src/components/file-recovery/file-recovery-dialog';
import { onNoteRestored } from '../../../renderer/src/editor/restore-signal';
import { makeTempDir, makeVault, removeDir, until } from '../../service/temp-vault';
import { vp } from '../../support/vault-path';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function realApi(files: Record<string, string>, readOnly = false) {
  const root = makeVault(files);
  const dataDir = makeTempDir('plexus-data-');
  cleanup = async () => {
    removeDir(root);
    removeDir(dataDir);
  };
  // Polling: see tests/service/snapshots/recovery-service.test.ts (an outside write right after our own save).
  const service = await VaultService.open(root, {
    cacheDir: null,
    workers: 0,
    watcherOptions: { quietMs: 30, maxWaitMs: 200, usePolling: true },
    snapshots: { dataDir, take: true },
  });
  cleanup = async () => {
    await service.close();
    removeDir(root);
    removeDir(dataDir);
  };
  await service.whenWatching();
  await service.snapshotsSettled();
  const writer = readOnly ? undefined : await openNoteWriter({ root: service.realRoot, service });
  const handlers = createApiHandlers(service, { kind: 'browser', readOnly, openExternal: () => undefined, writer, dataDir });
  const events: VaultEvent[] = [];
  service.onEvent((e) => events.push(e));
  const api = { ...handlers, onEvent: (listener: (e: VaultEvent) => void) => service.onEvent(listener) } as PlexusApi;
  const abs = (rel: string) => path.join(root, rel);
  return { root, service, api, events, disk: (rel: string) => fs.readFileSync(abs(rel), 'utf8'), hash: (rel: string) => hashBytes(fs.readFileSync(abs(rel))) };
}

test('lists the kept versions newest first with why, diffs against the current text, and restores', async () => {
  const v = await realApi({ 'A.md': 'line one\nline two\n' });
  expect((await v.api.writeNote(vp('A.md'), 'line one\nline two, edited here\n', v.hash('A.md'))).ok).toBe(true);
  await until(() => v.service.vaultState.notes.get(vp('A.md'))?.hash === v.hash('A.md'));
  fs.writeFileSync(path.join(v.root, 'A.md'), 'line one\nreplaced by another program\n');
  await until(() => v.events.some((e) => e.type === 'external-change'));
  await v.service.settled();

  const restored: string[] = [];
  const stop = onNoteRestored((p) => restored.push(p));
  render(<FileRecoveryDialog api={v.api} path={vp('A.md')} readOnly={false} onClose={() => {}} />);
  const dialog = screen.getByRole('dialog', { name: 'File recovery' });
  const list = await within(dialog).findByRole('list', { name: 'Versions, newest first' });
  const items = within(list).getAllByRole('button');
  expect(items.map((b) => b.textContent)).toEqual([
    expect.stringContaining('Changed by another program'),
    expect.stringContaining('As opened, before editing here'),
  ]);
  // The newest is chosen first; its diff against the current text shows both sides.
  const diff = await within(dialog).findByLabelText('Differences: now (−) and this version (+)');
  expect(diff.textContent).toContain('− replaced by another program');
  expect(diff.textContent).toContain('+ line two, edited here');

  fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
  await within(dialog).findByText(/Restored the version from/);
  expect(v.disk('A.md')).toBe('line one\nline two, edited here\n');
  expect(restored).toEqual(['A.md']);
  // The replaced text is now a version too: the restore can be undone.
  await waitFor(() => expect(within(list).getAllByRole('button')[0].textContent).toContain('Before restore'));
  stop();
});

test('in read-only mode the dialog offers Copy only, and Copy copies the version text', async () => {
  const v = await realApi({ 'A.md': 'first\n' });
  expect((await v.api.writeNote(vp('A.md'), 'second\n', v.hash('A.md'))).ok).toBe(true);
  await v.service.snapshotsSettled();
  const writeText = jest.fn(async () => {});
  Object.assign(navigator, { clipboard: { writeText } });
  render(<FileRecoveryDialog api={v.api} path={vp('A.md')} readOnly onClose={() => {}} />);
  const dialog = screen.getByRole('dialog', { name: 'File recovery' });
  await within(dialog).findByLabelText('Differences: now (−) and this version (+)');
  expect((within(dialog).getByRole('button', { name: 'Restore' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith('first\n'));
});

test('a note with no kept versions says so', async () => {
  const v = await realApi({ 'A.md': 'a' });
  render(<FileRecoveryDialog api={v.api} path={vp('A.md')} readOnly={false} onClose={() => {}} />);
  expect((await screen.findByText(/No earlier versions are kept for this note yet/)).textContent).toMatch(/before your edits/);
});

test('Deleted notes lists a note deleted outside with its last text and re-creates it on Restore', async () => {
  const v = await realApi({ 'Gone.md': 'the last text\n', 'Stays.md': 's' });
  fs.rmSync(path.join(v.root, 'Gone.md'));
  await until(() => !v.service.vaultState.notes.has(vp('Gone.md')));
  await v.service.settled();
  const restored: string[] = [];
  render(<DeletedNotesDialog api={v.api} readOnly={false} onRestored={(p) => restored.push(p)} onClose={() => {}} />);
  const dialog = screen.getByRole('dialog', { name: 'Deleted notes' });
  const list = await within(dialog).findByRole('list', { name: 'Deleted notes, newest first' });
  expect(
    within(list)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual([expect.stringContaining('Gone')]);
  await within(dialog).findByText('the last text');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
  await waitFor(() => expect(restored).toEqual(['Gone.md']));
  expect(v.disk('Gone.md')).toBe('the last text\n');
});
