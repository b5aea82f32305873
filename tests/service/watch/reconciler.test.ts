/** The stat-only reconciliation (watch/reconciler.ts): alone on the in-memory port and on a real temp folder, and under a real service. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VaultPath } from '../../../main/core/types';
import { MemoryVaultFs } from '../../../main/service/files/memory-vault-fs';
import { nodeVaultFs } from '../../../main/service/files/node-vault-fs';
import type { VaultFs } from '../../../main/service/files/vault-fs';
import { Reconciler } from '../../../main/service/watch/reconciler';
import { VaultService } from '../../../main/service/vault-service';
import { openMemoryVault } from '../memory-vault';
import { makeVault, removeDir, until } from '../temp-vault';

type Known = Map<VaultPath, { size: number; mtimeMs: number }>;

function knownOf(io: VaultFs, root: string, names: string[]): Known {
  return new Map(
    names.map((name) => {
      const stats = io.statSync(path.posix.join(root, name));
      return [name as VaultPath, { size: stats.size, mtimeMs: stats.mtimeMs }];
    }),
  );
}

function reconcilerOver(io: VaultFs, root: string, known: Known, enqueued: VaultPath[][]): Reconciler {
  return new Reconciler(
    { realRoot: root, fs: io, known: () => known, enqueue: (paths) => enqueued.push(paths), isClosed: () => false },
    { afterActivityMs: 30, everyMs: 60_000 },
  );
}

describe.each([
  [
    'in-memory VaultFs',
    () => {
      const memory = new MemoryVaultFs({ '/v/a.md': 'a', '/v/b.md': 'b', '/v/sub/c.png': 'c' });
      return {
        io: memory as VaultFs,
        root: '/v',
        write: (p: string, text: string) => memory.writeFileSync(`/v/${p}`, text, { unreported: true }),
        remove: (p: string) => memory.removeSync(`/v/${p}`, { unreported: true }),
        done: () => undefined,
      };
    },
  ],
  [
    'real temp folder',
    () => {
      const root = fs.realpathSync(makeVault({ 'a.md': 'a', 'b.md': 'b', 'sub/c.png': 'c' }));
      return {
        io: nodeVaultFs as VaultFs,
        root,
        write: (p: string, text: string) => fs.writeFileSync(path.join(root, p), text),
        remove: (p: string) => fs.rmSync(path.join(root, p)),
        done: () => removeDir(root),
      };
    },
  ],
])('Reconciler on a %s', (_name, setUp) => {
  test('finds the known files whose size changed or that are gone, and only those', async () => {
    const vault = setUp();
    try {
      const known = knownOf(vault.io, vault.root, ['a.md', 'b.md', 'sub/c.png']);
      const enqueued: VaultPath[][] = [];
      const reconciler = reconcilerOver(vault.io, vault.root, known, enqueued);
      expect(await reconciler.reconcile()).toEqual([]);
      expect(enqueued).toEqual([]);
      vault.write('a.md', 'a longer text');
      vault.remove('sub/c.png');
      expect((await reconciler.reconcile()).sort()).toEqual(['a.md', 'sub/c.png']);
      expect(enqueued.map((paths) => [...paths].sort())).toEqual([['a.md', 'sub/c.png']]);
      reconciler.stop();
    } finally {
      vault.done();
    }
  });

  test('an mtime change alone (same size) counts; activity brings a pass by itself', async () => {
    const vault = setUp();
    try {
      const known = knownOf(vault.io, vault.root, ['a.md', 'b.md']);
      // The index's mtime is an older one: the disk's file was rewritten in place with the same length.
      known.set('b.md' as VaultPath, { ...known.get('b.md' as VaultPath)!, mtimeMs: known.get('b.md' as VaultPath)!.mtimeMs - 1000 });
      const enqueued: VaultPath[][] = [];
      const reconciler = reconcilerOver(vault.io, vault.root, known, enqueued);
      reconciler.activity();
      await until(() => enqueued.length > 0, 5000);
      expect(enqueued).toEqual([['b.md']]);
      reconciler.stop();
    } finally {
      vault.done();
    }
  });
});

test('under a service on the in-memory port: changes the watcher never delivered reach the index by reconcile()', async () => {
  const vault = await openMemoryVault({ 'a.md': 'first', 'b.md': 'bee' }, { service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });
  try {
    await vault.service.whenWatching();
    await vault.service.snapshotsSettled();
    vault.fs.writeFileSync(vault.abs('a.md'), 'second, unreported', { unreported: true });
    vault.fs.removeSync(vault.abs('b.md'), { unreported: true });
    expect((await vault.service.reconcile()).sort()).toEqual(['a.md', 'b.md']);
    expect(vault.service.vaultState.notes.has('b.md')).toBe(false);
    await vault.service.snapshotsSettled();
    const versions = await vault.handlers.listVersions('a.md');
    if (!versions.ok) throw new Error(versions.error.message);
    // The text the index had read before the unseen overwrite is kept as a version.
    const texts = await Promise.all(
      versions.value.map(async (v) => {
        const read = await vault.handlers.readVersion('a.md', v.id);
        return read.ok ? read.value.content : read.error.message;
      }),
    );
    expect(texts).toContain('first');
    expect(await vault.service.reconcile()).toEqual([]);
  } finally {
    await vault.close();
  }
});

test('under a service on a real folder: a write missed by the watcher is picked up by the periodic pass', async () => {
  const root = makeVault({ 'a.md': 'first' });
  const service = await VaultService.open(root, {
    cacheDir: null,
    workers: 0,
    // No native watch at all (a watcher that reports nothing): only reconciliation can see the change.
    watcherOptions: { reconcile: { everyMs: 100 } },
    fs: { ...nodeVaultFs, watch: () => ({ start: async () => undefined, close: async () => undefined }) },
    snapshots: null,
  });
  try {
    await service.whenWatching();
    fs.writeFileSync(path.join(root, 'a.md'), 'second, longer');
    await until(() => service.vaultState.notes.get('a.md')?.size === 'second, longer'.length, 5000);
  } finally {
    await service.close();
    removeDir(root);
  }
});
