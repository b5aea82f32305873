/**
 * Processes racing on one snapshot store (store-race.test.ts):
 *   churn <dir> <rounds>   opens a session per round, takes versions and prunes, so compaction
 *                          removes the packs earlier sessions wrote (a new pack each round);
 *   reopen <dir>           opens the store and reads back every blob, again and again, until the
 *                          churner leaves `<dir>.done`; prints how many opens it made.
 * Both print DONE on success; any error ends the process with code 1.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { DEFAULT_RETENTION } from '../../../main/service/snapshots/snapshot-types';
import { vp } from '../../support/vault-path';

async function churn(dir: string, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const errors: string[] = [];
    const { store } = await SnapshotStore.open(new PackSnapshotBackend(dir, 0), { onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
    for (let note = 0; note < 3; note++) {
      const bytes = Buffer.from(`note ${note} round ${round} ${'x'.repeat(200 * note)}\n`, 'utf8');
      store.take(vp(`churn-${note}.md`), bytes, createHash('sha256').update(bytes).digest('hex'), 'before-save');
    }
    await store.flushed();
    await store.prune(new Set(), { ...DEFAULT_RETENTION, keepLast: 1, maxAgeMs: 0 });
    await store.close();
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }
  fs.writeFileSync(`${dir}.done`, '');
}

async function reopen(dir: string): Promise<void> {
  let opens = 0;
  while (opens === 0 || !fs.existsSync(`${dir}.done`)) {
    const backend = new PackSnapshotBackend(dir);
    const blobs = await backend.listBlobs();
    // A blob compacted away after the open is found in the pack it moved to, or is gone with its versions: neither throws.
    for (const hash of blobs.keys()) await backend.readBlob(hash);
    opens++;
  }
  process.stdout.write(`opens ${opens}\n`);
}

async function main(): Promise<void> {
  const [mode, dir, rounds] = process.argv.slice(2);
  if (mode === 'churn') await churn(dir, Number(rounds));
  else if (mode === 'reopen') await reopen(dir);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write('DONE\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
