// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { conflictCopyPath } from '../../../renderer/src/editor/conflict-copy-path';
import { dropKeptText, keptTextFor } from '../../../renderer/src/editor/kept-texts';
import { describeRescue, rescueText, writeConflictCopy } from '../../../renderer/src/editor/rescue-text';
import { hasUnsavedChanges } from '../../../renderer/src/editor/unsaved-registry';
import { vp } from '../../support/vault-path';

const when = new Date(2024, 4, 1, 9, 5);
/** What the real writer says when the folder refuses a new file (EACCES on creating it), for a first or a numbered copy. */
const DENIED = /^could not save "A\/Note \(conflict 2024-05-01 0905( \d+)?\)\.md": permission denied \(EACCES: permission denied, open '/;

afterEach(() => dropKeptText(vp('A/Note.md')));

const createCalls = (fake: MemoryApi) => fake.calls.filter((call) => call.method === 'createNote');

test('a copy never overwrites an earlier copy from the same minute: the next one is numbered', async () => {
  const fake = new MemoryApi({ notes: { 'A/Note (conflict 2024-05-01 0905).md': 'earlier' } });
  const res = await writeConflictCopy(fake.api(), vp('A/Note.md'), 'mine', when);
  expect(res.ok && res.value.copyPath).toBe('A/Note (conflict 2024-05-01 0905 2).md');
  expect(fake.notes.get(vp('A/Note (conflict 2024-05-01 0905).md'))).toBe('earlier');
  expect(fake.notes.get(vp('A/Note (conflict 2024-05-01 0905 2).md'))).toBe('mine');
  expect(conflictCopyPath(vp('A/Note.md'), when, 3)).toBe('A/Note (conflict 2024-05-01 0905 3).md');
});

test('a copy that fails for another reason is not retried under other names', async () => {
  const fake = new MemoryApi({ notes: {} });
  fake.faults.failCreates('EACCES');
  const res = await writeConflictCopy(fake.api(), vp('A/Note.md'), 'mine', when);
  expect(res).toEqual({ ok: false, error: { code: 'io-error', message: expect.stringMatching(DENIED) } });
  expect(createCalls(fake)).toHaveLength(1);
  expect(fake.notes.keys()).toEqual([]);
});

test('rescueText: a copy when it can, else the text is kept (and counted as unsaved); each says where', async () => {
  const fake = new MemoryApi({ notes: {} });
  const copied = await rescueText(fake.api(), vp('A/Note.md'), 'one', 'it changed on disk while you were editing it', when);
  expect(copied).toEqual({
    kind: 'copied',
    path: 'A/Note.md',
    copyPath: 'A/Note (conflict 2024-05-01 0905).md',
    reason: 'it changed on disk while you were editing it',
  });
  expect(fake.notes.get(vp('A/Note (conflict 2024-05-01 0905).md'))).toBe('one');
  expect(describeRescue(copied)).toBe(
    'Your text in “A/Note.md” was not saved there (it changed on disk while you were editing it); it is in “A/Note (conflict 2024-05-01 0905).md”.',
  );
  expect(hasUnsavedChanges()).toBe(false);

  fake.faults.failCreates('EACCES');
  const kept = await rescueText(fake.api(), vp('A/Note.md'), 'two', 'could not save', when);
  expect(kept).toEqual({ kind: 'kept', path: 'A/Note.md', reason: 'could not save', copyError: expect.stringMatching(DENIED) });
  expect(describeRescue(kept)).toContain('kept in this window');
  expect(keptTextFor(vp('A/Note.md'))?.text).toBe('two');
  expect(hasUnsavedChanges()).toBe(true);

  // A second kept text for the same note joins the first rather than replacing it.
  await rescueText(fake.api(), vp('A/Note.md'), 'three', 'could not save', when);
  expect(keptTextFor(vp('A/Note.md'))?.text).toBe('two\n\nthree');
});

test('rescueText keeps the text when the call itself throws (the server is gone)', async () => {
  const api = new MemoryApi({ notes: {} }).api();
  api.createNote = async () => {
    throw new Error('fetch failed');
  };
  const kept = await rescueText(api, vp('A/Note.md'), 'mine', 'could not save', when);
  expect(kept).toMatchObject({ kind: 'kept', copyError: 'fetch failed' });
  expect(keptTextFor(vp('A/Note.md'))?.text).toBe('mine');
});
