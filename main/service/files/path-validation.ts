/**
 * Runtime checks for vault paths coming from the renderer (which may be a browser tab): every
 * path must be relative, '/'-separated and stay inside the vault. Paths are taken literally (no
 * URL decoding: a name may contain '%'). Writes additionally resolve symlinks on disk, so a link
 * cannot carry a write outside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiErrorCode, Result } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { toVaultPath, type VaultPathProblem } from '../../core/vault-path';
import { errorCode, describeError } from '../file-reports';
import { isInside, toAbsolutePath } from './vault-files';
import type { VaultFs } from './vault-fs';

/** The storage port's calls the write-path check makes; node:fs by default. */
export type ResolveFs = Pick<VaultFs, 'realpathSync' | 'lstatSync'>;

export const MAX_PATH_LENGTH = 1024;

function fail<T>(code: ApiErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** How the API names each way a string fails to be a vault path. */
const PROBLEM_CODE: Record<VaultPathProblem, ApiErrorCode> = {
  empty: 'invalid-input',
  absolute: 'outside-vault',
  'parent-segment': 'outside-vault',
  'control-character': 'invalid-input',
  backslash: 'invalid-input',
  'not-normal': 'invalid-input',
};

/** The API's check of a path argument: a string of bounded length that toVaultPath accepts. */
export function validateVaultPath(input: unknown, what = 'path'): Result<VaultPath> {
  if (typeof input !== 'string') return fail('invalid-input', `${what} must be a string`);
  if (input.length === 0 || input.length > MAX_PATH_LENGTH) return fail('invalid-input', `${what} must be 1..${MAX_PATH_LENGTH} characters`);
  // Vault paths are names, not URLs: `%2e%2e%2fx.md` is a note called that, never `../x.md`.
  // Percent-decoding belongs to the URL faces (static files, note routes), once, before this check.
  const checked = toVaultPath(input);
  if (!checked.ok) return fail(PROBLEM_CODE[checked.error.problem], `${what} ${checked.error.message}`);
  return checked;
}

/**
 * For writes: the real location of `vaultPath` (through any symlinked folder on the way, and
 * the file itself when it is a link) must be inside the vault's real root.
 */
export function resolveForWrite(realRoot: string, vaultPath: VaultPath, io: ResolveFs = fs): Result<string> {
  const absolute = toAbsolutePath(realRoot, vaultPath);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = io.realpathSync(existing);
      const resolved = path.join(real, ...rest);
      // Only a symlink (the file or a folder on the way) can take a validated path out.
      if (!isInside(realRoot, resolved))
        return fail('outside-vault', `"${vaultPath}" is a symlink to a place outside the vault; Plexus only writes inside the vault`);
      return { ok: true, value: resolved };
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return fail('io-error', `cannot resolve "${vaultPath}": ${describeError(error)}`);
      // A dangling symlink as the last existing component could point anywhere: refuse it.
      try {
        if (io.lstatSync(existing).isSymbolicLink())
          return fail('outside-vault', `"${vaultPath}" goes through a dangling symlink (its target does not exist); not written`);
      } catch (lstatError) {
        if (errorCode(lstatError) !== 'ENOENT' && errorCode(lstatError) !== 'ENOTDIR') return fail('io-error', describeError(lstatError));
      }
      const parent = path.dirname(existing);
      if (parent === existing || !isInside(realRoot, parent)) return fail('outside-vault', `"${vaultPath}" resolves outside the vault`);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** Only web and mail links may reach the OS (never file:, javascript:, custom app schemes). */
export function isAllowedExternalUrl(input: unknown): input is string {
  if (typeof input !== 'string' || input.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
