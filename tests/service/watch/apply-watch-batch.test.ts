/**
 * The watcher path (watch/apply-watch-batch.ts) with names the vault API cannot open: reported
 * as the scan reports them, never indexed, the report gone once the name is; on the in-memory
 * port and on a real folder with the real watcher.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReport } from '../../../main/service/file-reports';
import { MemoryVaultFs } from '../../../main/service/files/memory-vault-fs';
import type { VaultFs } from '../../../main/service/files/vault-fs';
import { VaultService } from '../../../main/service/vault-service';
import { openMemoryVault, type MemoryVault } from '../memory-vault';
import { makeVault, removeDir, until } from '../temp-vault';

function unopenable(reports: FileReport[]): string[] {
  return reports
    .filter((r) => r.problem === 'unopenable-name')
    .map((r) => r.path)
    .sort();
}

async function memoryVault(): Promise<MemoryVault> {
  const vault = await openMemoryVault({ 'a.md': 'a' }, { service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });
  await vault.service.whenWatching();
  return vault;
}

async function delivered(vault: MemoryVault): Promise<void> {
  await vault.fs.reported();
  await vault.service.settled();
}

describe('on the in-memory port', () => {
  test('a file with such a name appearing is reported, not indexed; its report goes with it', async () => {
    const vault = await memoryVault();
    try {
      vault.fs.writeFileSync(vault.abs('back\\slash.md'), 'b');
      vault.fs.writeFileSync(vault.abs('new\nline.png'), 'n');
      await delivered(vault);
      expect(unopenable(vault.service.reports())).toEqual(['back\\slash.md', 'new\nline.png']);
      expect([...vault.service.vaultState.files.keys()]).toEqual(['a.md']);
      vault.fs.removeSync(vault.abs('back\\slash.md'));
      await delivered(vault);
      expect(unopenable(vault.service.reports())).toEqual(['new\nline.png']);
      // Renamed to a name Plexus can open: the report goes, the note comes.
      await vault.fs.rename(vault.abs('new\nline.png'), vault.abs('fixed.png'));
      await delivered(vault);
      expect(unopenable(vault.service.reports())).toEqual([]);
      expect([...vault.service.vaultState.files.keys()].sort()).toEqual(['a.md', 'fixed.png']);
    } finally {
      await vault.close();
    }
  });

  test('a folder with such a name is reported once, as the scan does, and its report goes when the folder does', async () => {
    const vault = await memoryVault();
    try {
      vault.fs.writeFileSync(vault.abs('bad\\dir/one.md'), '1');
      vault.fs.writeFileSync(vault.abs('bad\\dir/two.md'), '2');
      await delivered(vault);
      expect(unopenable(vault.service.reports())).toEqual(['bad\\dir']);
      vault.fs.removeSync(vault.abs('bad\\dir/one.md'));
      await delivered(vault);
      // The folder is still there.
      expect(unopenable(vault.service.reports())).toEqual(['bad\\dir']);
      vault.fs.removeSync(vault.abs('bad\\dir'));
      await delivered(vault);
      expect(unopenable(vault.service.reports())).toEqual([]);
      expect([...vault.service.vaultState.files.keys()]).toEqual(['a.md']);
    } finally {
      await vault.close();
    }
  });

  test('one the watcher never reported is reported by reconcile(), and its report goes by reconcile() too', async () => {
    const vault = await memoryVault();
    try {
      vault.fs.writeFileSync(vault.abs('back\\slash.md'), 'b', { unreported: true });
      await vault.service.reconcile();
      expect(unopenable(vault.service.reports())).toEqual(['back\\slash.md']);
      // Reported, so not handed out again while it stays.
      expect(await vault.service.reconcile()).toEqual([]);
      vault.fs.removeSync(vault.abs('back\\slash.md'), { unreported: true });
      expect(await vault.service.reconcile()).toEqual(['back\\slash.md']);
      expect(unopenable(vault.service.reports())).toEqual([]);
    } finally {
      await vault.close();
    }
  });

  test('a gone file takes its other reports along too (too large)', async () => {
    const vault = await openMemoryVault({ 'a.md': 'a' }, { service: { maxFileBytes: 10, watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });
    try {
      await vault.service.whenWatching();
      vault.fs.writeFileSync(vault.abs('huge.md'), 'far more than ten bytes');
      await delivered(vault);
      expect(vault.service.reports().map((r) => [r.path, r.problem])).toEqual([['huge.md', 'too-large']]);
      vault.fs.removeSync(vault.abs('huge.md'));
      await delivered(vault);
      expect(vault.service.reports()).toEqual([]);
    } finally {
      await vault.close();
    }
  });

  test('a file that cannot be looked at keeps the report just made for it (it is there, not gone)', async () => {
    const memory = new MemoryVaultFs();
    // The port refuses to lstat one file, as a disk does without permission.
    const port = new Proxy(memory, {
      get(target, prop, receiver) {
        if (prop === 'lstat')
          return async (abs: string) => {
            if (abs.endsWith('locked.md')) throw Object.assign(new Error(`EACCES: permission denied, lstat '${abs}'`), { code: 'EACCES' });
            return target.lstat(abs);
          };
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as VaultFs;
    const vault = await openMemoryVault({ 'a.md': 'a' }, { fs: memory, port, service: { watcherOptions: { quietMs: 5, reconcile: { everyMs: 60_000 } } } });
    try {
      await vault.service.whenWatching();
      memory.writeFileSync(vault.abs('locked.md'), 'l');
      await delivered(vault);
      expect(vault.service.reports().map((r) => [r.path, r.problem])).toEqual([['locked.md', 'unreadable']]);
    } finally {
      await vault.close();
    }
  });
});

test('on a real folder with the real watcher: reported while there, not indexed, the report gone with the file', async () => {
  const root = makeVault({ 'a.md': 'a' });
  const service = await VaultService.open(root, { cacheDir: null, workers: 0, snapshots: null, watcherOptions: { reconcile: { everyMs: 60_000 } } });
  try {
    await service.whenWatching();
    fs.writeFileSync(path.join(root, 'back\\slash.md'), 'b');
    await until(() => unopenable(service.reports()).length > 0, 10_000);
    expect(unopenable(service.reports())).toEqual(['back\\slash.md']);
    expect([...service.vaultState.files.keys()]).toEqual(['a.md']);
    fs.rmSync(path.join(root, 'back\\slash.md'));
    await until(() => unopenable(service.reports()).length === 0, 10_000);
    expect([...service.vaultState.files.keys()]).toEqual(['a.md']);
  } finally {
    await service.close();
    removeDir(root);
  }
});
