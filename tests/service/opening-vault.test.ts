/** A vault being opened, as `plexus serve` serves it: the progress at once, every other answer once indexed. */
import type { VaultEvent } from '../../main/contract/api-contract';
import { openingVault } from '../../main/service/opening-vault';
import { openVaultSession, type VaultSession } from '../../main/service/vault-session';
import { makeTempDir, makeVault, removeDir } from './temp-vault';
import { unchecked } from '../support/vault-path';

const dirs: string[] = [];
const sessions: VaultSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('while indexing: getVaultInfo answers with the progress, the other methods wait for the open and then get its answers', async () => {
  const root = makeVault({ 'A.md': '# A\n[[B]]\n', 'B.md': '# B\n' });
  const data = makeTempDir('plexus-data-');
  dirs.push(root, data);
  const opening = deferred<VaultSession>();
  const gate = openingVault(root, { kind: 'browser', readOnly: false }, opening.promise);
  const heard: VaultEvent[] = [];
  gate.subscribe((event) => heard.push(event));

  expect((await gate.handlers.getVaultInfo()).status).toEqual({ state: 'indexing', done: 0, total: 0, etaMs: null });
  const progress: VaultEvent = { type: 'status', status: { state: 'indexing', done: 1, total: 2, etaMs: 700 } };
  gate.onProgress(progress);
  expect(heard).toEqual([progress]);
  const info = await gate.handlers.getVaultInfo();
  expect(info).toEqual({ name: expect.any(String), root, readOnly: false, host: 'browser', status: progress.status });

  let files: string[] | null = null;
  void gate.handlers.listFiles().then((list) => (files = list.map((file) => file.path)));
  const note = gate.handlers.readNote(unchecked('../outside.md'));
  await settle();
  expect(files).toBeNull();

  const session = await openVaultSession(root, { kind: 'browser', readOnly: false, cacheDir: null, dataDir: data, openExternal: () => undefined });
  sessions.push(session);
  opening.resolve(session);
  await gate.opened;
  await settle();
  expect(files).toEqual(['A.md', 'B.md']);
  // The session's own handlers answer, validation included.
  expect(await note).toEqual({ ok: false, error: expect.objectContaining({ code: 'outside-vault' }) });
  expect((await gate.handlers.getVaultInfo()).status).toEqual(expect.objectContaining({ state: 'ready', notes: 2 }));
});

test('a failed open fails the calls that waited for it; getVaultInfo still answers', async () => {
  const opening = deferred<VaultSession>();
  const gate = openingVault('/nowhere/vault', { kind: 'browser', readOnly: true }, opening.promise);
  const listing = gate.handlers.listFiles();
  opening.reject(new Error('disk gone'));
  await expect(listing).rejects.toThrow('disk gone');
  await expect(gate.opened).rejects.toThrow('disk gone');
  expect(await gate.handlers.getVaultInfo()).toEqual(
    expect.objectContaining({ name: 'vault', readOnly: true, status: expect.objectContaining({ state: 'indexing' }) }),
  );
});
