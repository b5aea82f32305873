/**
 * What the snapshot store costs on disk and when pruning: a vault's notes kept after indexing
 * take a few pack files (not one file, hence one disk block, per note), and pruning a store
 * opened from disk reads sizes from the pack index instead of statting every blob.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { createVaultSnapshots, snapshotDirFor } from '../../../main/service/snapshots/vault-snapshots';
import { VaultService } from '../../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { nodeVaultFs } from '../../../main/service/files/node-vault-fs';
import { vp } from '../../support/vault-path';

const NOTES = 300;

function folder(dir: string): { files: number; allocated: number } {
  let files = 0;
  let allocated = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        files++;
        allocated += fs.statSync(abs).blocks * 512;
      }
    }
  };
  walk(dir);
  return { files, allocated };
}

let root: string;
let dataDir: string;
beforeEach(() => {
  const files: Record<string, string> = {};
  for (let i = 0; i < NOTES; i++) files[`n${i}.md`] = `# Note ${i}\n\nSome text of note ${i}, linking [[n${(i * 7) % NOTES}]].\n`;
  root = makeVault(files);
  dataDir = makeTempDir('plexus-data-');
});
afterEach(() => {
  removeDir(root);
  removeDir(dataDir);
});

const openVault = () => VaultService.open(root, { cacheDir: null, workers: 0, watch: false, snapshots: { dataDir, take: true } });

test('the notes kept after indexing take a few pack files, a fraction of the vault on disk', async () => {
  const service = await openVault();
  await service.snapshotsSettled();
  await service.close();
  const store = folder(snapshotDirFor(dataDir, fs.realpathSync(root)));
  const vault = folder(root);
  expect(vault.files).toBe(NOTES);
  expect(store.files).toBeLessThanOrEqual(4);
  expect(store.allocated).toBeLessThan(vault.allocated / 10);
});

test('pruning a store opened from disk does not stat every blob', async () => {
  const realRoot = fs.realpathSync(root);
  const recorder = () =>
    createVaultSnapshots(
      realRoot,
      { dataDir, take: true },
      () => undefined,
      (message) => {
        throw new Error(message);
      },
      nodeVaultFs,
    );
  const first = recorder();
  for (let i = 0; i < NOTES; i++) {
    const bytes = new TextEncoder().encode(`version ${i}\n`);
    first.beforeOverwrite(vp(`n${i}.md`), bytes, hashBytes(bytes), 'before-rename');
  }
  await first.close();
  const again = recorder();
  // Opened (index and blob list loaded) before counting.
  expect(await again.versions(vp('n7.md'))).toHaveLength(1);
  const stat = jest.spyOn(fs.promises, 'stat');
  try {
    await again.prune();
    expect(stat.mock.calls.length).toBeLessThan(10);
  } finally {
    stat.mockRestore();
    await again.close();
  }
});
