/**
 * What every write operation shares: the vault root, the injected fs, the service seams
 * (graph for link planning, expectOwnWrite so the watcher does not echo our writes back as
 * external changes), and the vault-path checks.
 */
import type { Result } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { toVaultPath, type VaultPathProblem } from '../../core/vault-path';
import type { RewriteDeps, RewriteGraph } from '../../core/rewrite/plan-rename-edits';
import type { AtomicHooks } from './note-writer-atomic';
import { fail, ioError, isErrno } from './note-writer-errors';
import type { WriterFs } from './note-writer-fs';
import type { ResolveFs } from '../files/path-validation';
import { hashBytes } from '../files/read-vault-file';
import type { SaveSnapshots } from '../snapshots/snapshot-ports';
import { isIgnoredVaultPath, isInside, toAbsolutePath } from '../files/vault-files';

/** The part of VaultService the writer needs. */
export interface WriterService {
  readonly graph: RewriteGraph;
  /** Announce a write (hash of the new bytes) or a removal (null) before it happens. */
  expectOwnWrite(path: VaultPath, hash: string | null): void;
  /**
   * Brings the index up to date with paths the writer has just changed; create and rename await
   * it, so they return only once reads (open the new note, follow the rename) see the change.
   * Optional for test doubles that have no index.
   */
  indexOwnWrites?(paths: VaultPath[]): Promise<void>;
  /** File recovery: keeps versions before they are replaced (null or absent: none kept). */
  readonly snapshots?: SaveSnapshots | null;
}

export interface WriterContext {
  root: string;
  io: WriterFs;
  /** The port's path resolution (symlinked notes are written where they really live). */
  paths: ResolveFs;
  service: WriterService;
  rewrite: RewriteDeps;
  hooks: AtomicHooks;
}

/** The writer's codes: a path that is not a plain relative spelling is treated as leaving the vault. */
const WRITER_CODE: Record<VaultPathProblem, 'invalid-input' | 'outside-vault'> = {
  empty: 'invalid-input',
  'control-character': 'invalid-input',
  backslash: 'invalid-input',
  absolute: 'outside-vault',
  'parent-segment': 'outside-vault',
  'not-normal': 'outside-vault',
};

/** The vault path as an absolute path, or why it is not acceptable as a note path. */
export function notePathToAbs(ctx: WriterContext, vaultPath: VaultPath): Result<string> {
  if (typeof vaultPath !== 'string') return fail('invalid-input', `not a vault path: ${JSON.stringify(vaultPath)}`);
  // The writer checks again for callers other than the API (rename steps, tests): same guard.
  const checked = toVaultPath(vaultPath);
  if (!checked.ok) return fail(WRITER_CODE[checked.error.problem], `not a vault path: ${checked.error.message}`);
  if (!vaultPath.toLowerCase().endsWith('.md')) return fail('invalid-input', `not a note (.md) path: ${vaultPath}`);
  if (isIgnoredVaultPath(vaultPath)) return fail('invalid-input', `hidden or temporary files are not notes: ${vaultPath}`);
  const abs = toAbsolutePath(ctx.root, vaultPath);
  if (!isInside(ctx.root, abs)) return fail('outside-vault', `path must stay inside the vault: ${vaultPath}`);
  return { ok: true, value: abs };
}

export interface DiskFile {
  bytes: Uint8Array;
  hash: string;
}

/** The file's bytes, null when it does not exist, or an io-error result. */
export async function readDisk(ctx: WriterContext, abs: string, vaultPath: VaultPath): Promise<Result<DiskFile | null>> {
  try {
    const bytes = await ctx.io.readFile(abs);
    return { ok: true, value: { bytes, hash: hashBytes(bytes) } };
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR')) return { ok: true, value: null };
    return { ok: false, error: ioError(`could not read "${vaultPath}"`, error) };
  }
}
