import { conflictCopyPath } from '../../../renderer/src/editor/conflict-copy-path';
import { dropKeptText, keptTextFor } from '../../../renderer/src/editor/kept-texts';
import { describeRescue, rescueText, writeConflictCopy } from '../../../renderer/src/editor/rescue-text';
import { hasUnsavedChanges } from '../../../renderer/src/editor/unsaved-registry';
import { FakeDisk } from './fake-api';

const when = new Date(2024, 4, 1, 9, 5);

afterEach(() => dropKeptText('A/Note.md'));

test('a copy never overwrites an earlier copy from the same minute: the next one is numbered', async () => {
  const disk = new FakeDisk();
  disk.files.set('A/Note (conflict 2024-05-01 0905).md', 'earlier');
  const res = await writeConflictCopy(disk.api(), 'A/Note.md', 'mine', when);
  expect(res.ok && res.value.copyPath).toBe('A/Note (conflict 2024-05-01 0905 2).md');
  expect(disk.files.get('A/Note (conflict 2024-05-01 0905).md')).toBe('earlier');
  expect(disk.files.get('A/Note (conflict 2024-05-01 0905 2).md')).toBe('mine');
  expect(conflictCopyPath('A/Note.md', when, 3)).toBe('A/Note (conflict 2024-05-01 0905 3).md');
});

test('a copy that fails for another reason is not retried under other names', async () => {
  const disk = new FakeDisk();
  disk.failCreates = 'permission denied';
  const res = await writeConflictCopy(disk.api(), 'A/Note.md', 'mine', when);
  expect(res).toEqual({ ok: false, error: { code: 'io-error', message: 'permission denied' } });
  expect(disk.creates).toHaveLength(1);
});

test('rescueText: a copy when it can, else the text is kept (and counted as unsaved); each says where', async () => {
  const disk = new FakeDisk();
  const copied = await rescueText(disk.api(), 'A/Note.md', 'one', 'it changed on disk while you were editing it', when);
  expect(copied).toEqual({
    kind: 'copied',
    path: 'A/Note.md',
    copyPath: 'A/Note (conflict 2024-05-01 0905).md',
    reason: 'it changed on disk while you were editing it',
  });
  expect(describeRescue(copied)).toBe(
    'Your text in “A/Note.md” was not saved there (it changed on disk while you were editing it); it is in “A/Note (conflict 2024-05-01 0905).md”.',
  );
  expect(hasUnsavedChanges()).toBe(false);

  disk.failCreates = 'permission denied';
  const kept = await rescueText(disk.api(), 'A/Note.md', 'two', 'could not save', when);
  expect(kept).toEqual({ kind: 'kept', path: 'A/Note.md', reason: 'could not save', copyError: 'permission denied' });
  expect(describeRescue(kept)).toContain('kept in this window');
  expect(keptTextFor('A/Note.md')?.text).toBe('two');
  expect(hasUnsavedChanges()).toBe(true);

  // A second kept text for the same note joins the first rather than replacing it.
  await rescueText(disk.api(), 'A/Note.md', 'three', 'could not save', when);
  expect(keptTextFor('A/Note.md')?.text).toBe('two\n\nthree');
});

test('rescueText keeps the text when the call itself throws (the server is gone)', async () => {
  const api = new FakeDisk().api();
  api.createNote = async () => {
    throw new Error('fetch failed');
  };
  const kept = await rescueText(api, 'A/Note.md', 'mine', 'could not save', when);
  expect(kept).toMatchObject({ kind: 'kept', copyError: 'fetch failed' });
  expect(keptTextFor('A/Note.md')?.text).toBe('mine');
});
