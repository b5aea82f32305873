/** orderWrites: a rename, undo or delete reaches the service only after the saves sent before it. */
import type { PlexusApi, Result, WriteOutcome } from '../../../main/contract/api-contract';
import { orderWrites } from '../../../renderer/src/api/order-writes';
import { MemoryApi } from '../support/memory-api';
import { vp } from '../../support/vault-path';

function heldSaves() {
  const fake = new MemoryApi({ notes: { 'A.md': 'a', 'B.md': 'b' } });
  const own = fake.api();
  const releases: (() => void)[] = [];
  const api: PlexusApi = {
    ...own,
    writeNote: (path, content, hash) => new Promise<Result<WriteOutcome>>((resolve) => releases.push(() => resolve(own.writeNote(path, content, hash)))),
  };
  return { fake, ordered: orderWrites(api), releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

const methods = (fake: MemoryApi) => fake.calls.map((c) => c.method).filter((m) => m !== 'readNote');

test('renameNote and deleteNote wait for a save of their note that is still on its way; other notes do not wait', async () => {
  const { fake, ordered, releaseAll } = heldSaves();
  const save = ordered.writeNote(vp('A.md'), 'a, edited', null);
  const rename = ordered.renameNote(vp('A.md'), vp('C.md'));
  const deleteOther = ordered.deleteNote(vp('B.md'));
  await deleteOther;
  // B has no save pending, so its delete went ahead; A's rename is still waiting for the held save.
  expect(methods(fake)).toEqual(['deleteNote']);
  releaseAll();
  await save;
  await rename;
  expect(methods(fake)).toEqual(['deleteNote', 'writeNote', 'renameNote']);
});

test('undoRename waits for every save on its way, and a failed save does not block it', async () => {
  const fake = new MemoryApi({ notes: { 'A.md': 'a' } });
  let fail!: (error: Error) => void;
  const ordered = orderWrites({ ...fake.api(), writeNote: () => new Promise<never>((_, reject) => (fail = reject)) });
  const save = ordered.writeNote(vp('A.md'), 'x', null).catch((error: Error) => error.message);
  const undo = ordered.undoRename('token');
  expect(methods(fake)).toEqual([]);
  fail(new Error('network down'));
  await expect(save).resolves.toBe('network down');
  await undo;
  expect(methods(fake)).toEqual(['undoRename']);
});
