/**
 * File recovery for an open vault, loaded only when asked for: the CLI never takes snapshots,
 * and their store brings in zlib.
 */
import type { VaultFs } from '../files/vault-fs';
import type { VaultState } from '../vault-state';
import type { SnapshotRecorder } from './snapshot-recorder';
import type { VaultSnapshotOptions } from './vault-snapshots';

export function loadVaultSnapshots(
  realRoot: string,
  options: VaultSnapshotOptions,
  state: () => VaultState | undefined,
  notice: (message: string) => void,
  io: Pick<VaultFs, 'readFile'>,
): SnapshotRecorder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, as said above
  const { createVaultSnapshots } = require('./vault-snapshots') as typeof import('./vault-snapshots');
  return createVaultSnapshots(realRoot, options, state, notice, io);
}
