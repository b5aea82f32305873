/**
 * The contract's write methods (writeNote, createNote, deleteNote, and the rename family via
 * rename-service.ts) for one vault. Every write is atomic, checks it is not overwriting a change
 * it has not seen, and reports failures as results with the original file left intact.
 */
import * as path from 'node:path';
import type { ApiHandlers, Result, WriteOutcome } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { vaultPathFromListing } from '../../core/vault-path';
import type { RewriteDeps } from '../../core/rewrite/plan-rename-edits';
import { vaultRewriteDeps } from '../../core/rewrite/vault-link-rule';
import { exists, sweepTempFiles, writeAtomic, type AtomicHooks } from './note-writer-atomic';
import { notePathToAbs, readDisk, type DiskFile, type WriterContext, type WriterService } from './note-writer-context';
import { fail, ioError, isErrno } from './note-writer-errors';
import { nodeWriterFs, type WriterFs } from './note-writer-fs';
import { conventionsOf, conventionsOfText, encodeNote } from './note-writer-text';
import { createRenameService } from '../rename/rename-service';
import { linkingNotes } from '../rename/rename-links';
import { moveToVaultTrash, type TrashItem } from './trash';
import { hashBytes } from '../files/read-vault-file';
import { PathLocks } from './note-writer-lock';
import { resolveForWrite } from '../files/path-validation';
import { nodeVaultFs } from '../files/node-vault-fs';
import type { VaultFs } from '../files/vault-fs';
import { writeAttachment } from './attachment-writer';

export type NoteWriter = Pick<
  ApiHandlers,
  'writeNote' | 'createNote' | 'planRename' | 'renameNote' | 'undoRename' | 'updateLinksAfterExternalRename' | 'deleteNote'
> & {
  /** writeNote with exact bytes (File recovery's restore: a version comes back byte for byte, whatever the file's conventions now). */
  writeNoteBytes(path: VaultPath, bytes: Uint8Array, expectedHash: string): Promise<Result<WriteOutcome>>;
  /** createNote with exact bytes (a deleted note's version comes back as it was, mixed line endings and all). */
  createNoteBytes(path: VaultPath, bytes: Uint8Array): Promise<Result<WriteOutcome>>;
  /** A new attachment, never replacing a file: a taken name is numbered (see attachment-writer.ts). */
  writeAttachment(path: VaultPath, bytes: Uint8Array): Promise<Result<{ path: VaultPath }>>;
};

export interface NoteWriterOptions {
  /** The vault root (already resolved with realpath, as the service uses it). */
  root: string;
  service: WriterService;
  /** Parser and link rule for rename planning; default: the vault's own (docs/links.md). */
  rewrite?: RewriteDeps;
  /** Electron passes `shell.trashItem`; the default moves files into `<vault>/.trash/`. */
  trashItem?: TrashItem;
  /** The storage port the vault lives on (files/vault-fs.ts); default the disk. */
  vaultFs?: VaultFs;
  /** Replaces the port's write calls (fault tests inject failures here). */
  fs?: WriterFs;
  hooks?: AtomicHooks;
}

/** Creates the writer after sweeping temp files a crash may have left (they are never user data). */
export async function openNoteWriter(options: NoteWriterOptions): Promise<NoteWriter> {
  const ctx: WriterContext = {
    root: options.root,
    io: options.fs ?? options.vaultFs ?? nodeWriterFs,
    paths: options.vaultFs ?? nodeVaultFs,
    service: options.service,
    rewrite: options.rewrite ?? vaultRewriteDeps,
    hooks: options.hooks ?? {},
  };
  await sweepTempFiles(ctx.io, ctx.root);
  const trashItem = options.trashItem ?? moveToVaultTrash(ctx.root, ctx.io);
  const locks = new PathLocks();
  return {
    writeNote: (p, content, expectedHash) =>
      typeof content !== 'string'
        ? Promise.resolve(fail('invalid-input', 'content must be a string'))
        : replaceChecked(ctx, locks, p, expectedHash, (current) => encodeNote(content, current ? conventionsOf(current.bytes) : conventionsOfText(content))),
    writeNoteBytes: (p, bytes, expectedHash) => replaceChecked(ctx, locks, p, expectedHash, () => bytes),
    createNote: (p, content) =>
      typeof content !== 'string'
        ? Promise.resolve(fail('invalid-input', 'content must be a string'))
        : createNote(ctx, p, encodeNote(content, conventionsOfText(content))),
    createNoteBytes: (p, bytes) => createNote(ctx, p, bytes),
    writeAttachment: (p, bytes) => writeAttachment(ctx, p, bytes),
    deleteNote: (p) => deleteNote(ctx, p, trashItem),
    ...createRenameService(ctx),
  };
}

/** Replaces (or creates) a note with `encode(current)`, unless the disk no longer holds `expectedHash`. */
async function replaceChecked(
  ctx: WriterContext,
  locks: PathLocks,
  vaultPath: VaultPath,
  expectedHash: string | null,
  encode: (current: DiskFile | null) => Uint8Array,
): Promise<Result<WriteOutcome>> {
  const abs = notePathToAbs(ctx, vaultPath);
  if (!abs.ok) return abs;
  // A symlinked note is written where it really lives (so the link stays a link), and only
  // when that is inside the vault; a link leading out, or nowhere, is refused.
  const real = resolveForWrite(ctx.root, vaultPath, ctx.paths);
  if (!real.ok) return real;
  const realPath = relativeVaultPath(ctx.root, real.value);
  // Read, compare and rename as one step per file: see note-writer-lock.ts.
  return locks.run(real.value, async () => {
    const current = await readDisk(ctx, real.value, vaultPath);
    if (!current.ok) return current;
    if (expectedHash !== null) {
      // Never overwrite a version the editor has not seen; the caller decides what wins.
      if (current.value === null) return fail('conflict', `"${vaultPath}" was deleted on disk since it was opened`);
      if (current.value.hash !== expectedHash) return fail('conflict', `"${vaultPath}" was changed on disk since it was opened`);
    }
    const bytes = encode(current.value);
    const hash = hashBytes(bytes);
    // File recovery keeps what this save replaces (by its own schedule; it never fails the save).
    if (current.value !== null && current.value.hash !== hash) ctx.service.snapshots?.beforeSave(realPath, current.value.bytes, current.value.hash);
    let placed: Result<WriteOutcome>;
    try {
      placed = await place(ctx, vaultPath, real.value, bytes, current.value ? 'replace' : 'create', realPath);
    } finally {
      ctx.service.snapshots?.saveEnded(realPath);
    }
    if (placed.ok) ctx.service.snapshots?.afterSave(realPath, bytes, hash);
    return placed;
  });
}

/** The vault path of an absolute path inside the (real) root: what the file system resolved, not input. */
function relativeVaultPath(root: string, abs: string): VaultPath {
  return vaultPathFromListing(path.relative(root, abs).split(path.sep).join('/'));
}

async function createNote(ctx: WriterContext, vaultPath: VaultPath, bytes: Uint8Array): Promise<Result<WriteOutcome>> {
  const abs = notePathToAbs(ctx, vaultPath);
  if (!abs.ok) return abs;
  try {
    if (await exists(ctx.io, abs.value)) return fail('exists', `"${vaultPath}" already exists`);
  } catch (error) {
    return { ok: false, error: ioError(`could not check "${vaultPath}"`, error) };
  }
  const placed = await place(ctx, vaultPath, abs.value, bytes, 'create');
  // The caller opens the new note next: it must be in the index by the time we answer.
  if (placed.ok) await ctx.service.indexOwnWrites?.([vaultPath]);
  return placed;
}

async function place(
  ctx: WriterContext,
  vaultPath: VaultPath,
  abs: string,
  bytes: Uint8Array,
  mode: 'replace' | 'create',
  /** The path the watcher will see change (the real file when `vaultPath` is a symlink). */
  announcedPath: VaultPath = vaultPath,
): Promise<Result<WriteOutcome>> {
  const hash = hashBytes(bytes);
  try {
    if (mode === 'create') await ctx.io.mkdir(path.dirname(abs));
    const fileMode = mode === 'replace' ? await modeOf(ctx, abs) : undefined;
    ctx.service.expectOwnWrite(announcedPath, hash);
    await writeAtomic(ctx.io, abs, bytes, { place: mode, mode: fileMode, hooks: ctx.hooks });
    const stat = await ctx.io.stat(abs);
    return { ok: true, value: { hash, mtimeMs: stat.mtimeMs } };
  } catch (error) {
    if (mode === 'create' && isErrno(error, 'EEXIST')) return fail('exists', `"${vaultPath}" already exists`);
    return { ok: false, error: ioError(`could not save "${vaultPath}"`, error) };
  }
}

/** Keep the file's permission bits across the replace (the temp file is a new inode). */
async function modeOf(ctx: WriterContext, abs: string): Promise<number | undefined> {
  try {
    return (await ctx.io.stat(abs)).mode & 0o7777;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

async function deleteNote(ctx: WriterContext, vaultPath: VaultPath, trashItem: TrashItem): Promise<Result<{ linkedFrom: VaultPath[] }>> {
  const abs = notePathToAbs(ctx, vaultPath);
  if (!abs.ok) return abs;
  const current = await readDisk(ctx, abs.value, vaultPath);
  if (!current.ok) return current;
  if (current.value === null) return fail('not-found', `"${vaultPath}" does not exist`);
  const linkedFrom = linkingNotes(ctx, vaultPath);
  ctx.service.snapshots?.beforeOverwrite(vaultPath, current.value.bytes, current.value.hash, 'deleted');
  try {
    ctx.service.expectOwnWrite(vaultPath, null);
    await trashItem(abs.value);
  } catch (error) {
    return { ok: false, error: ioError(`could not move "${vaultPath}" to the trash`, error) };
  }
  return { ok: true, value: { linkedFrom } };
}
