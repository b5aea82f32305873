/**
 * chokidar in its worker thread, on real folders: every event arrives, in chokidar's order; a
 * worker that stops hands the watch to the main thread without losing later changes; and a
 * checkout-sized burst through the service (several chunks of a batch) indexes every note and
 * keeps every replaced text as a version, byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { VaultWatcher, type WatchBatch } from '../../../main/service/watch/vault-watcher';
import { WorkerChokidar, watchWorkerScript } from '../../../main/service/watch/worker-chokidar';
import { openWatchedVault, type WatchedVault } from '../support/watched-vault';
import { makeVault, removeDir, until } from '../temp-vault';
import { vp } from '../../support/vault-path';

const roots: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  roots.splice(0).forEach(removeDir);
});

test('the worker forwards every event in the order chokidar emitted it: a folder before its files, each add before its unlink', async () => {
  const root = makeVault({ 'A.md': 'a' });
  roots.push(root);
  const script = watchWorkerScript(path.join(__dirname, '../../../main/service/watch'));
  expect(script).not.toBeNull();
  const source = new WorkerChokidar(script!, { root, options: { ignoreInitial: true, followSymlinks: false } });
  closers.push(() => source.close());
  const seen: [string, string][] = [];
  source.on('all', (event: string, absolute: string) => seen.push([event, path.relative(root, absolute)]));
  await new Promise<void>((resolve) => source.once('ready', resolve));
  fs.mkdirSync(path.join(root, 'bulk'));
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, 'bulk', `N${i}.md`), `note ${i}`);
  const added = (name: string) => seen.some(([e, p]) => e === 'add' && p === name);
  await until(() => Array.from({ length: 300 }, (_, i) => `bulk/N${i}.md`).every(added), 60000);
  for (let i = 0; i < 300; i += 3) fs.rmSync(path.join(root, 'bulk', `N${i}.md`));
  const unlinked = (name: string) => seen.some(([e, p]) => e === 'unlink' && p === name);
  await until(() => Array.from({ length: 100 }, (_, k) => `bulk/N${k * 3}.md`).every(unlinked), 60000);
  const at = (event: string, name: string) => seen.findIndex(([e, p]) => e === event && p === name);
  expect(at('addDir', 'bulk')).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < 300; i++) {
    expect(at('add', `bulk/N${i}.md`)).toBeGreaterThan(at('addDir', 'bulk'));
    if (i % 3 === 0) expect(at('unlink', `bulk/N${i}.md`)).toBeGreaterThan(at('add', `bulk/N${i}.md`));
    else expect(at('unlink', `bulk/N${i}.md`)).toBe(-1);
  }
}, 150000);

test('a worker that stops hands the watch to the main thread with a notice; later changes still arrive', async () => {
  const root = makeVault({ 'A.md': 'a' });
  roots.push(root);
  const batches: WatchBatch[] = [];
  const notices: string[] = [];
  const watcher = new VaultWatcher(root, { onBatch: (b) => batches.push(b), onVaultError: () => undefined, onNotice: (m) => notices.push(m) }, { quietMs: 20 });
  closers.push(() => watcher.close());
  await watcher.start();
  expect(watcher.isInWorker).toBe(true);
  fs.writeFileSync(path.join(root, 'A.md'), 'seen by the worker');
  await until(() => batches.some((b) => b.paths.includes('A.md')));
  // The thread goes away under the watcher (a crash, an out-of-memory kill of the thread).
  const thread = (watcher as unknown as { watcher: { worker: Worker } }).watcher.worker;
  await thread.terminate();
  await until(() => notices.some((m) => /worker thread stopped/.test(m)) && !watcher.isInWorker);
  // Written again at each look until a batch names it: a write during chokidar's start on the main thread may be taken as initial.
  let writes = 0;
  await until(() => {
    if (batches.some((b) => b.paths.includes('B.md'))) return true;
    fs.writeFileSync(path.join(root, 'B.md'), `seen on the main thread ${writes++}`);
    return false;
  });
  expect(notices).toHaveLength(1);
}, 60000);

test('600 notes rewritten at once (native watch, in the worker): every note indexed and kept as a version, byte for byte', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 600; i++) files[`folder ${i % 4}/Note ${i}.md`] = `# Note ${i}\n\nfirst text ${i} [[Note ${(i + 1) % 600}]]\n`;
  const vault: WatchedVault = await openWatchedVault(files, { usePolling: false });
  closers.push(() => vault.close());
  const changed = (i: number) => `# Note ${i}\n\nchanged by a checkout ${i} ünï\r\n`;
  await Promise.all(
    Object.keys(files).map((rel, i) => fs.promises.writeFile(path.join(vault.root, rel), changed(Number(rel.match(/Note (\d+)/)![1])) + (i % 2 ? '' : '\n'))),
  );
  const expected = new Map(Object.keys(files).map((rel) => [rel, fs.readFileSync(path.join(vault.root, rel), 'utf8')]));
  const indexed = () => [...expected].every(([rel, text]) => vault.service.vaultState.notes.get(vp(rel))?.size === Buffer.byteLength(text));
  await until(indexed, 60000);
  await vault.service.settled();
  await vault.service.snapshotsSettled();
  for (const [rel, before] of Object.entries(files)) {
    const listed = await vault.api.listVersions(vp(rel));
    if (!listed.ok) throw new Error(listed.error.message);
    const version = listed.value.find((v) => v.reason === 'external-change');
    expect(version).toBeDefined();
    const read = await vault.api.readVersion(vp(rel), version!.id);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.content).toBe(before);
  }
}, 120000);
