/**
 * writeAttachment: new binary files (pasted images, dropped files) placed through the one atomic
 * writer in 'create' mode, so an existing file is never replaced. When the name is taken the file
 * gets the next free numbered name (`x.png`, `x 1.png`, `x 2.png`, ...) and the result says which:
 * a paste must not fail because two land in the same second.
 */
import type { Result } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { isNotePath } from '../../core/paths';
import { numberedPath } from '../../core/attachments/attachment-names';
import { hashBytes } from '../files/read-vault-file';
import { isIgnoredVaultPath, isInside, toAbsolutePath } from '../files/vault-files';
import { resolveForWrite } from '../files/path-validation';
import { writeAtomic } from './note-writer-atomic';
import type { WriterContext } from './note-writer-context';
import { fail, ioError, isErrno } from './note-writer-errors';
import * as path from 'node:path';

/** The largest attachment written (the same cap readAttachment serves). */
export const MAX_WRITE_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** How many numbered names are tried before giving up with 'exists'. */
const MAX_NUMBERED = 1000;

export async function writeAttachment(ctx: WriterContext, vaultPath: VaultPath, bytes: Uint8Array): Promise<Result<{ path: VaultPath }>> {
  if (!(bytes instanceof Uint8Array)) return fail('invalid-input', 'attachment bytes must be a byte array');
  if (bytes.length > MAX_WRITE_ATTACHMENT_BYTES)
    return fail(
      'too-large',
      `attachments are limited to ${MAX_WRITE_ATTACHMENT_BYTES / 1024 / 1024} MB; this one is ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
    );
  if (isNotePath(vaultPath)) return fail('invalid-input', `"${vaultPath}" is a note path; notes are written with createNote`);
  if (isIgnoredVaultPath(vaultPath)) return fail('invalid-input', `hidden or temporary files are not attachments: ${vaultPath}`);
  const hash = hashBytes(bytes);
  for (let n = 0; n < MAX_NUMBERED; n++) {
    const candidate = numberedPath(vaultPath, n);
    const abs = toAbsolutePath(ctx.root, candidate);
    if (!isInside(ctx.root, abs)) return fail('outside-vault', `path must stay inside the vault: ${vaultPath}`);
    // Each candidate is checked on disk: a symlinked folder must not carry the file out.
    const real = resolveForWrite(ctx.root, candidate);
    if (!real.ok) return real;
    try {
      await ctx.io.mkdir(path.dirname(real.value));
      ctx.service.expectOwnWrite(candidate, hash);
      await writeAtomic(ctx.io, real.value, bytes, { place: 'create', hooks: ctx.hooks });
    } catch (error) {
      if (isErrno(error, 'EEXIST')) continue;
      return { ok: false, error: ioError(`could not save "${candidate}"`, error) };
    }
    // The caller links to the file next: the index must know it by the time we answer.
    await ctx.service.indexOwnWrites?.([candidate]);
    return { ok: true, value: { path: candidate } };
  }
  return fail('exists', `"${vaultPath}" and its first ${MAX_NUMBERED - 1} numbered names are all taken`);
}
