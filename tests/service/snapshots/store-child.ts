/**
 * A second process on one snapshot store (store-sharing.test.ts): takes `rounds` versions of
 * `notes` notes named after it, pruning to the newest 2 per note after each round, then exits.
 */
import { createHash } from 'node:crypto';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { DEFAULT_RETENTION } from '../../../main/service/snapshots/snapshot-types';
import { vp } from '../../support/vault-path';

export const versionText = (name: string, note: number, round: number) => `${name} note ${note} round ${round}\r\nü\n`;

async function main(): Promise<void> {
  const [dir, name, notes, rounds] = process.argv.slice(2);
  const errors: string[] = [];
  const { store } = await SnapshotStore.open(new PackSnapshotBackend(dir, 0), { onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
  for (let round = 0; round < Number(rounds); round++) {
    for (let note = 0; note < Number(notes); note++) {
      const bytes = Buffer.from(versionText(name, note, round), 'utf8');
      store.take(vp(`${name}-${note}.md`), bytes, createHash('sha256').update(bytes).digest('hex'), 'before-save');
    }
    await store.prune(new Set(), { ...DEFAULT_RETENTION, keepLast: 2, maxAgeMs: 0 });
  }
  await store.flushed();
  if (errors.length > 0) throw new Error(errors.join('\n'));
  process.stdout.write('DONE\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
