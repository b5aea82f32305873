/**
 * File recovery for an open vault, loaded only when asked for: the CLI never takes snapshots,
 * and their store brings in zlib.
 */
import type { SnapshotRecorder } from './snapshot-recorder';

/** Takes createVaultSnapshots' own arguments, so the two signatures cannot drift apart. */
export function loadVaultSnapshots(...args: Parameters<typeof import('./vault-snapshots').createVaultSnapshots>): SnapshotRecorder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, as said above
  const { createVaultSnapshots } = require('./vault-snapshots') as typeof import('./vault-snapshots');
  return createVaultSnapshots(...args);
}
