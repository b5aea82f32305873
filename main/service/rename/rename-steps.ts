/**
 * The file operations of a rename, each recorded with what it replaced so the whole rename can
 * be reverted — by undoRename later, or at once when a later step fails half-way.
 */
import * as path from 'node:path';
import type { VaultPath } from '../../core/types';
import { exists, writeAtomic } from '../write/note-writer-atomic';
import type { WriterContext } from '../write/note-writer-context';
import { isErrno } from '../write/note-writer-errors';
import { hashBytes } from '../files/read-vault-file';
import { toAbsolutePath } from '../files/vault-files';

export type RenameStep =
  | { kind: 'move'; from: VaultPath; to: VaultPath }
  /** `path` now holds bytes hashing to `newHash`; `original` is what it held before. */
  | { kind: 'rewrite'; path: VaultPath; original: Uint8Array; newHash: string };

/** Moves a file without ever replacing an existing one (a hard link refuses EEXIST). */
export async function moveFile(ctx: WriterContext, from: VaultPath, to: VaultPath): Promise<void> {
  const fromAbs = toAbsolutePath(ctx.root, from);
  const toAbs = toAbsolutePath(ctx.root, to);
  await ctx.io.mkdir(path.dirname(toAbs));
  // Both halves of the move are ours: the watcher must not report an outside rename.
  ctx.service.expectOwnWrite(to, hashBytes(await ctx.io.readFile(fromAbs)));
  ctx.service.expectOwnWrite(from, null);
  if (from.toLowerCase() === to.toLowerCase()) {
    // A case-only rename: on case-insensitive disks `to` "exists" as `from` itself.
    await ctx.io.rename(fromAbs, toAbs);
    return;
  }
  try {
    await ctx.io.link(fromAbs, toAbs);
  } catch (error) {
    if (!isErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV')) throw error;
    if (await exists(ctx.io, toAbs)) throw Object.assign(new Error(`EEXIST: file already exists, '${toAbs}'`), { code: 'EEXIST' });
    await ctx.io.rename(fromAbs, toAbs);
    return;
  }
  await ctx.io.unlink(fromAbs);
}

export async function rewriteFile(ctx: WriterContext, vaultPath: VaultPath, bytes: Uint8Array): Promise<string> {
  const abs = toAbsolutePath(ctx.root, vaultPath);
  const hash = hashBytes(bytes);
  const mode = (await ctx.io.stat(abs)).mode & 0o7777;
  ctx.service.expectOwnWrite(vaultPath, hash);
  await writeAtomic(ctx.io, abs, bytes, { mode, hooks: ctx.hooks });
  return hash;
}

/** Paths whose current content is not what the steps left there (someone edited them since). */
export async function changedSince(ctx: WriterContext, steps: readonly RenameStep[]): Promise<VaultPath[]> {
  const changed: VaultPath[] = [];
  for (const step of steps) {
    if (step.kind === 'move') {
      const fromBack = step.from.toLowerCase() !== step.to.toLowerCase() && (await exists(ctx.io, toAbsolutePath(ctx.root, step.from)));
      if (fromBack || !(await exists(ctx.io, toAbsolutePath(ctx.root, step.to)))) changed.push(step.to);
      continue;
    }
    const abs = toAbsolutePath(ctx.root, step.path);
    let hash: string | null = null;
    try {
      hash = hashBytes(await ctx.io.readFile(abs));
    } catch (error) {
      if (!isErrno(error, 'ENOENT', 'ENOTDIR')) throw error;
    }
    if (hash !== step.newHash) changed.push(step.path);
  }
  return changed;
}

/** Reverts steps newest first: rewritten notes get their original bytes back, moves go back. */
export async function revertSteps(ctx: WriterContext, steps: readonly RenameStep[]): Promise<void> {
  for (const step of [...steps].reverse()) {
    if (step.kind === 'move') await moveFile(ctx, step.to, step.from);
    else await rewriteFile(ctx, step.path, step.original);
  }
}
