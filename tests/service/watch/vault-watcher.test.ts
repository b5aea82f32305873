import { watch } from 'chokidar';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VaultWatcher, type WatchBatch } from '../../../main/service/watch/vault-watcher';
import { makeVault, removeDir, until } from '../temp-vault';

describe('VaultWatcher', () => {
  const roots: string[] = [];
  const watchers: VaultWatcher[] = [];
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.close()));
    roots.splice(0).forEach(removeDir);
  });

  function start(files: Record<string, string>, extra: ConstructorParameters<typeof VaultWatcher>[2] = {}) {
    const root = makeVault(files);
    roots.push(root);
    const batches: WatchBatch[] = [];
    const errors: string[] = [];
    const notices: string[] = [];
    const watcher = new VaultWatcher(
      root,
      { onBatch: (b) => batches.push(b), onVaultError: (m) => errors.push(m), onNotice: (m) => notices.push(m) },
      { rootCheckMs: 100, ...extra },
    );
    watchers.push(watcher);
    return { root, watcher, batches, errors, notices, touched: () => new Set(batches.flatMap((b) => b.paths)) };
  }

  test('an external edit arrives in a batch', async () => {
    const t = start({ 'A.md': 'a' });
    await t.watcher.start();
    fs.writeFileSync(path.join(t.root, 'A.md'), 'changed');
    // A state, not a time: the wait's own bound is the limit on a loaded machine (the watcher's
    // second look may deliver the path again a little later, by design).
    await until(() => t.touched().has('A.md'));
    expect(t.batches[0].paths).toEqual(['A.md']);
  });

  test('ignores dot-folders, node_modules and editor temp files', async () => {
    const t = start({ 'A.md': 'a', '.obsidian/x.json': '{}', 'node_modules/m.md': 'm' });
    await t.watcher.start();
    fs.writeFileSync(path.join(t.root, '.obsidian', 'x.json'), '{"a":1}');
    fs.writeFileSync(path.join(t.root, 'node_modules', 'm.md'), 'mm');
    fs.writeFileSync(path.join(t.root, 'A.md.swp'), 'swap');
    fs.writeFileSync(path.join(t.root, 'A.md~'), 'backup');
    fs.writeFileSync(path.join(t.root, '.#A.md'), 'lock');
    fs.writeFileSync(path.join(t.root, 'B.md'), 'b'); // the marker that events have flowed
    await until(() => t.touched().has('B.md'));
    await new Promise((r) => setTimeout(r, 300));
    expect([...t.touched()]).toEqual(['B.md']);
  });

  test('2,000 files written at once arrive as a few batches', async () => {
    const t = start({ 'A.md': 'a' });
    await t.watcher.start();
    fs.mkdirSync(path.join(t.root, 'bulk'));
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(t.root, 'bulk', `N${i}.md`), `note ${i}`);
    await until(() => t.touched().size >= 2000, 15000);
    expect(t.batches.length).toBeGreaterThan(0);
    expect(t.batches.length).toBeLessThanOrEqual(50);
  });

  test('the vault folder deleted is a vault error, not a crash', async () => {
    const t = start({ 'A.md': 'a' });
    await t.watcher.start();
    fs.rmSync(t.root, { recursive: true, force: true });
    await until(() => t.errors.length > 0);
    expect(t.errors[0]).toMatch(/vault folder/);
  });

  test('the vault folder renamed is a vault error', async () => {
    const t = start({ 'A.md': 'a' });
    await t.watcher.start();
    fs.renameSync(t.root, `${t.root}-moved`);
    roots.push(`${t.root}-moved`);
    await until(() => t.errors.length > 0);
    expect(t.errors).toHaveLength(1);
  });

  test('ENOSPC from inotify restarts the watcher in polling mode with a notice', async () => {
    const created: ReturnType<typeof watch>[] = [];
    const t = start(
      { 'A.md': 'a' },
      {
        createWatcher: (root, options) => {
          const instance = watch(root, options);
          created.push(instance);
          return instance;
        },
      },
    );
    await t.watcher.start();
    created[0].emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    await until(() => created.length === 2 && t.watcher.isPolling);
    expect(t.notices[0]).toMatch(/polling/);
    await new Promise((r) => setTimeout(r, 200)); // let the polling watcher settle its initial scan
    fs.writeFileSync(path.join(t.root, 'C.md'), 'c');
    await until(() => t.touched().has('C.md'));
  });

  test('a change is looked at again a little later: a repeat change chokidar dropped still reaches a batch', async () => {
    const created: ReturnType<typeof watch>[] = [];
    const t = start(
      { 'A.md': 'a' },
      {
        quietMs: 10,
        secondLookMs: 150,
        createWatcher: (root, options) => {
          const instance = watch(root, options);
          created.push(instance);
          return instance;
        },
      },
    );
    await t.watcher.start();
    // One raw event, as when chokidar swallows the second of two writes within 50 ms.
    created[0].emit('all', 'change', path.join(t.root, 'A.md'));
    await until(() => t.batches.length >= 1);
    expect(t.batches[0].paths).toEqual(['A.md']);
    await until(() => t.batches.length >= 2);
    expect(t.batches[1].paths).toEqual(['A.md']);
    // Once: the second look does not look again.
    await new Promise((r) => setTimeout(r, 400));
    expect(t.batches.filter((b) => b.paths.includes('A.md'))).toHaveLength(2);
  });
  describe('a lone edit after a quiet spell', () => {
    function fake(extra: ConstructorParameters<typeof VaultWatcher>[2]) {
      const created: ReturnType<typeof watch>[] = [];
      const t = start(
        { 'A.md': 'a', 'B.md': 'b', 'C.md': 'c' },
        {
          secondLookMs: 60_000,
          ...extra,
          createWatcher: (root, options) => {
            const instance = watch(root, options);
            created.push(instance);
            return instance;
          },
        },
      );
      const emit = (name: string) => created[0].emit('all', 'change', path.join(t.root, name));
      return { ...t, emit };
    }

    test('goes out without waiting the full quiet time', async () => {
      const t = fake({ quietMs: 3000, maxWaitMs: 10_000 });
      await t.watcher.start();
      await new Promise((r) => setTimeout(r, 150));
      const began = Date.now();
      t.emit('A.md');
      await until(() => t.batches.length >= 1);
      // Far below the 3 s a burst waits for (a loaded machine's timers are late, never that late).
      expect(Date.now() - began).toBeLessThan(1500);
      expect(t.batches[0].paths).toEqual(['A.md']);
    });

    test('a second event within its short wait makes it a burst: batched together, after the full quiet time', async () => {
      const t = fake({ quietMs: 300, maxWaitMs: 10_000 });
      await t.watcher.start();
      await new Promise((r) => setTimeout(r, 150));
      t.emit('A.md');
      t.emit('B.md');
      await new Promise((r) => setTimeout(r, 100));
      expect(t.batches).toHaveLength(0);
      t.emit('C.md');
      await until(() => t.batches.length >= 1);
      await new Promise((r) => setTimeout(r, 400));
      expect(t.batches.map((b) => b.paths)).toEqual([['A.md', 'B.md', 'C.md']]);
    });

    test('an event soon after the last batch waits the full quiet time (a burst goes on)', async () => {
      const t = fake({ quietMs: 1000, maxWaitMs: 10_000, leadQuietMs: 10 });
      await t.watcher.start();
      await new Promise((r) => setTimeout(r, 150));
      t.emit('A.md');
      await until(() => t.batches.length >= 1);
      t.emit('B.md');
      await new Promise((r) => setTimeout(r, 300));
      expect(t.batches).toHaveLength(1);
      await until(() => t.batches.length >= 2);
      expect(t.batches[1].paths).toEqual(['B.md']);
    });
  });
});
