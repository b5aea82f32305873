/**
 * The snapshot recorder of one open vault: its store in the vault's app-data folder
 * (`<data>/vaults/<digest>/snapshots/`), fed the notes the service knows.
 */
import * as path from 'node:path';
import type { VaultPath } from '../../core/types';
import { toAbsolutePath } from '../files/vault-files';
import type { VaultFs } from '../files/vault-fs';
import { VaultDataStore, vaultDataFolder } from '../app-data/vault-data-store';
import { readRecoverySettings, toPolicy } from './recovery-settings';
import type { VaultState } from '../vault-state';
import { PackSnapshotBackend } from './pack-snapshot-backend';
import type { SnapshotBackend } from './snapshot-backend';
import { SnapshotRecorder } from './snapshot-recorder';
import type { RetentionPolicy } from './snapshot-types';

export interface VaultSnapshotOptions {
  /** The app's data folder (the store goes in the vault's folder there). */
  dataDir: string;
  /** false in read-only mode: versions are listed, none are taken. */
  take: boolean;
  intervalMs?: number;
  retention?: RetentionPolicy;
  now?: () => number;
  /** Tests: another backend than the data folder. */
  backend?: SnapshotBackend;
}

export function snapshotDirFor(dataDir: string, realRoot: string): string {
  return path.join(vaultDataFolder(dataDir, realRoot), 'snapshots');
}

export function createVaultSnapshots(
  realRoot: string,
  options: VaultSnapshotOptions,
  state: () => VaultState | undefined,
  notice: (message: string) => void,
  /** Where the vault's files live (the store itself is in the app's data folder, on disk). */
  io: Pick<VaultFs, 'readFile'>,
): SnapshotRecorder {
  // Settings saved from the File recovery dialog win over the defaults given here.
  const settings = readRecoverySettings(new VaultDataStore(options.dataDir, realRoot)).then(({ stored, problem }) => {
    if (problem !== null) notice(`File recovery: ${problem}; the default settings apply.`);
    return stored === null ? null : toPolicy(stored);
  });
  return new SnapshotRecorder({
    settings,
    backend: options.backend ?? new PackSnapshotBackend(snapshotDirFor(options.dataDir, realRoot)),
    take: options.take,
    intervalMs: options.intervalMs,
    retention: options.retention,
    now: options.now,
    notice,
    live: () => [...(state()?.notes.values() ?? [])].map((entry) => entry.hash),
    readCurrent: (vaultPath: VaultPath) => readIfPresent(io, toAbsolutePath(realRoot, vaultPath)),
  });
}

export async function readIfPresent(io: Pick<VaultFs, 'readFile'>, abs: string): Promise<Uint8Array | null> {
  try {
    return await io.readFile(abs);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}
