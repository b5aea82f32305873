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
import { vp } from '../../support/vault-path';

type Known = Map<VaultPath, { size: number; mtimeMs: number }>;

function knownOf(io: VaultFs, root: string, names: string[]): Known {
  return new Map(
    names.map((name) => {
      const stats = io.statSync(path.posix.join(root, name));
      return [name as VaultPath, { size: stats.size, mtimeMs: stats.mtimeMs }];
    }),
  );
}

function reconcilerOver(io: VaultFs, root: string, known: Known, enqueued: VaultPath[][], listed: string[] = []): Reconciler {
  // The port's two calls the reconciler makes, the listings counted.
  const counting = {
    stat: (abs: string) => io.stat(abs),
    lstat: (abs: string) => io.lstat(abs),
    realpath: (abs: string) => io.realpath(abs),
    readdir: (abs: string) => {
      listed.push(abs);
      return io.readdir(abs);
    },
  };
  return new Reconciler(
    { realRoot: root, fs: counting, known: () => known, enqueue: (paths) => enqueued.push(paths.map(vp)), isClosed: () => false },
    { afterActivityMs: 30, everyMs: 60_000 },
  );
}

interface TestVault {
  io: VaultFs;
  root: string;
  write(p: string, text: string): void;
  mkdir(p: string): void;
  remove(p: string): void;
  removeDir(p: string): void;
  done(): void;
}

interface Rig {
  vault: TestVault;
  known: Known;
  enqueued: VaultPath[][];
  listed: string[];
  reconciler: Reconciler;
}

/** A reconciler over a fresh vault whose index knows its three files; stopped and the vault removed after `body`. */
async function withReconciler(setUp: () => TestVault, body: (rig: Rig) => Promise<void>): Promise<void> {
  const vault = setUp();
  try {
    const known = knownOf(vault.io, vault.root, ['a.md', 'b.md', 'sub/c.png']);
    const enqueued: VaultPath[][] = [];
    const listed: string[] = [];
    const reconciler = reconcilerOver(vault.io, vault.root, known, enqueued, listed);
    try {
      await body({ vault, known, enqueued, listed, reconciler });
    } finally {
      reconciler.stop();
    }
  } finally {
    vault.done();
  }
}

/** A service on the in-memory port whose periodic pass never comes in a test: only reconcile() runs one. */
const openReconcilingVault = (files: Record<string, string>) =>
  openMemoryVault(files, { service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });

describe.each([
  [
    'in-memory VaultFs',
    () => {
      const memory = new MemoryVaultFs({ '/v/a.md': 'a', '/v/b.md': 'b', '/v/sub/c.png': 'c' });
      return {
        io: memory as VaultFs,
        root: '/v',
        write: (p: string, text: string) => memory.writeFileSync(`/v/${p}`, text, { unreported: true }),
        mkdir: (p: string) => memory.mkdirSync(`/v/${p}`),
        remove: (p: string) => memory.removeSync(`/v/${p}`, { unreported: true }),
        removeDir: (p: string) => memory.removeSync(`/v/${p}`, { unreported: true }),
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
        write: (p: string, text: string) => {
          fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
          fs.writeFileSync(path.join(root, p), text);
        },
        mkdir: (p: string) => fs.mkdirSync(path.join(root, p), { recursive: true }),
        remove: (p: string) => fs.rmSync(path.join(root, p)),
        removeDir: (p: string) => fs.rmSync(path.join(root, p), { recursive: true }),
        done: () => removeDir(root),
      };
    },
  ],
])('Reconciler on a %s', (_name, setUp: () => TestVault) => {
  test('finds the known files whose size changed or that are gone, and only those', () =>
    withReconciler(setUp, async ({ vault, enqueued, reconciler }) => {
      expect(await reconciler.reconcile()).toEqual([]);
      expect(enqueued).toEqual([]);
      vault.write('a.md', 'a longer text');
      vault.remove('sub/c.png');
      expect((await reconciler.reconcile()).sort()).toEqual(['a.md', 'sub/c.png']);
      expect(enqueued.map((paths) => [...paths].sort())).toEqual([['a.md', 'sub/c.png']]);
    }));

  test('an mtime change alone (same size) counts; activity brings a pass by itself', () =>
    withReconciler(setUp, async ({ known, enqueued, reconciler }) => {
      // The index's mtime is an older one: the disk's file was rewritten in place with the same length.
      known.set('b.md' as VaultPath, { ...known.get('b.md' as VaultPath)!, mtimeMs: known.get('b.md' as VaultPath)!.mtimeMs - 1000 });
      reconciler.activity();
      await until(() => enqueued.length > 0, 5000);
      expect(enqueued).toEqual([['b.md']]);
    }));

  test('new files and new folders the watcher never reported are found; an unchanged vault is not listed again', () =>
    withReconciler(setUp, async ({ vault, enqueued, listed, reconciler }) => {
      vault.mkdir('empty');
      // The first pass lists every folder once, for the baseline: nothing is new.
      expect(await reconciler.reconcile()).toEqual([]);
      expect(listed.length).toBe(3);
      listed.length = 0;
      expect(await reconciler.reconcile()).toEqual([]);
      expect(listed).toEqual([]);

      vault.write('new.md', 'n');
      vault.write('empty/inside.md', 'i');
      vault.write('fresh/deep/note.md', 'd');
      vault.write('fresh/pic.png', 'p');
      // What the scan leaves out stays out: hidden and ignored folders, hidden and temp files.
      vault.write('.hidden/h.md', 'h');
      vault.write('node_modules/m.md', 'm');
      vault.write('sub/.dot.md', 'x');
      vault.write('sub/draft.md~', 'x');
      expect((await reconciler.reconcile()).sort()).toEqual(['empty/inside.md', 'fresh/deep/note.md', 'fresh/pic.png', 'new.md']);
      // Only the folders whose mtime changed (root, empty, sub) and the new ones (fresh, fresh/deep).
      expect(listed.map((abs) => path.relative(vault.root, abs)).sort()).toEqual(['', 'empty', 'fresh', 'fresh/deep', 'sub']);

      listed.length = 0;
      enqueued.length = 0;
      expect(await reconciler.reconcile()).toEqual([]);
      expect(listed).toEqual([]);
      expect(enqueued).toEqual([]);
    }));

  test('a removed folder is forgotten, and one made again in its place is listed anew', () =>
    withReconciler(setUp, async ({ vault, known, reconciler }) => {
      expect(await reconciler.reconcile()).toEqual([]);
      vault.removeDir('sub');
      expect(await reconciler.reconcile()).toEqual(['sub/c.png']);
      known.delete('sub/c.png' as VaultPath);
      vault.write('sub/again.md', 'a');
      expect(await reconciler.reconcile()).toEqual(['sub/again.md']);
    }));
});

test('under a service on the in-memory port: changes the watcher never delivered reach the index by reconcile()', async () => {
  const vault = await openReconcilingVault({ 'a.md': 'first', 'b.md': 'bee' });
  try {
    await vault.service.whenWatching();
    await vault.service.snapshotsSettled();
    vault.fs.writeFileSync(vault.abs('a.md'), 'second, unreported', { unreported: true });
    vault.fs.removeSync(vault.abs('b.md'), { unreported: true });
    expect((await vault.service.reconcile()).sort()).toEqual(['a.md', 'b.md']);
    expect(vault.service.vaultState.notes.has(vp('b.md'))).toBe(false);
    await vault.service.snapshotsSettled();
    const versions = await vault.handlers.listVersions(vp('a.md'));
    if (!versions.ok) throw new Error(versions.error.message);
    // The text the index had read before the unseen overwrite is kept as a version.
    const texts = await Promise.all(
      versions.value.map(async (v) => {
        const read = await vault.handlers.readVersion(vp('a.md'), v.id);
        return read.ok ? read.value.content : read.error.message;
      }),
    );
    expect(texts).toContain('first');
    expect(await vault.service.reconcile()).toEqual([]);
  } finally {
    await vault.close();
  }
});

test('under a service on the in-memory port: a note and a folder of notes created unreported are indexed by reconcile()', async () => {
  const vault = await openReconcilingVault({ 'a.md': 'links to [[new]]' });
  try {
    await vault.service.whenWatching();
    await vault.service.settled();
    vault.fs.writeFileSync(vault.abs('new.md'), 'a new note', { unreported: true });
    vault.fs.writeFileSync(vault.abs('made/one.md'), 'one', { unreported: true });
    vault.fs.writeFileSync(vault.abs('made/two.png'), 'png', { unreported: true });
    await vault.fs.reported();
    expect(vault.service.vaultState.notes.has(vp('new.md'))).toBe(false);
    expect((await vault.service.reconcile()).sort()).toEqual(['made/one.md', 'made/two.png', 'new.md']);
    expect(vault.service.vaultState.notes.get(vp('new.md'))?.size).toBe('a new note'.length);
    expect(vault.service.vaultState.notes.has(vp('made/one.md'))).toBe(true);
    expect(vault.service.vaultState.files.get(vp('made/two.png'))?.kind).toBe('attachment');
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
    await until(() => service.vaultState.notes.get(vp('a.md'))?.size === 'second, longer'.length, 5000);
    fs.mkdirSync(path.join(root, 'made'));
    fs.writeFileSync(path.join(root, 'made', 'new.md'), 'new');
    await until(() => service.vaultState.notes.has(vp('made/new.md')), 5000);
  } finally {
    await service.close();
    removeDir(root);
  }
});

test('under a service on a real folder: a new note inside a symlinked folder is indexed under the link, and a link back up is not followed', async () => {
  // The link's folder sits in a hidden one, which the scan skips: reached only through the link.
  const root = makeVault({ 'a.md': 'a', '.shared/notes/one.md': 'one' });
  fs.symlinkSync(path.join(root, '.shared', 'notes'), path.join(root, 'linked'), 'dir');
  // A loop (back to the vault root) and a second link to the same folder: the scan reports both and walks neither.
  fs.symlinkSync(root, path.join(root, '.shared', 'notes', 'loop'), 'dir');
  fs.symlinkSync(path.join(root, '.shared', 'notes'), path.join(root, 'linked-again'), 'dir');
  const service = await VaultService.open(root, { cacheDir: null, workers: 0, watcherOptions: { reconcile: { everyMs: 60_000 } }, snapshots: null });
  try {
    await service.whenWatching();
    expect([...service.vaultState.notes.keys()].sort()).toEqual(['a.md', 'linked/one.md']);
    // The first pass lists the folders (the baseline): nothing new yet.
    await service.reconcile();
    fs.writeFileSync(path.join(root, '.shared', 'notes', 'two.md'), 'two');
    expect(await service.reconcile()).toEqual(['linked/two.md']);
    expect(service.vaultState.notes.get(vp('linked/two.md'))?.size).toBe(3);
    expect(await service.reconcile()).toEqual([]);
  } finally {
    await service.close();
    removeDir(root);
  }
});
