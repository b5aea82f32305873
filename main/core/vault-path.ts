/**
 * The one guard that turns a raw string into a CheckedVaultPath. Vault paths are names, not
 * URLs: nothing is decoded and nothing is normalised, so `a//b`, `./a` and `a/` are refused
 * rather than silently becoming another file. Pure string work, the same on every OS.
 */
import { err, ok, type Result } from './result';
import type { CheckedVaultPath } from './types';

/** Why a string is not a vault path; the faces map these to their own error codes and words. */
export type VaultPathProblem =
  /** ''. */
  | 'empty'
  /** '/etc/x', '\\\\server\\x', 'C:\\x', 'c:/x'. */
  | 'absolute'
  /** A '..' segment, split on either slash so '..\\x' counts too. */
  | 'parent-segment'
  /** U+0000..U+001F. */
  | 'control-character'
  /** 'a\\b.md': vault paths use '/'. */
  | 'backslash'
  /** An empty or '.' segment: 'a//b', './a', 'a/'. */
  | 'not-normal';

export interface VaultPathError {
  problem: VaultPathProblem;
  message: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f]/;

function refuse(problem: VaultPathProblem, raw: string, why: string): Result<never, VaultPathError> {
  return err({ problem, message: `${JSON.stringify(raw)} ${why}` });
}

/**
 * `raw` as a CheckedVaultPath, or the first problem found. Climbing out of the vault is
 * checked before the spelling, so a face can tell an escape apart from a typo.
 */
export function toVaultPath(raw: string): Result<CheckedVaultPath, VaultPathError> {
  if (raw === '') return refuse('empty', raw, 'is empty; a vault path names a file');
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw))
    return refuse('absolute', raw, 'is absolute; vault paths are relative to the vault');
  if (raw.split(/[\\/]/).some((segment) => segment === '..')) return refuse('parent-segment', raw, "has a '..' segment; vault paths stay inside the vault");
  if (CONTROL.test(raw)) return refuse('control-character', raw, 'contains control characters');
  if (raw.includes('\\')) return refuse('backslash', raw, "uses '\\'; vault paths separate folders with '/'");
  if (raw.split('/').some((segment) => segment === '' || segment === '.')) return refuse('not-normal', raw, "has an empty or '.' segment");
  return ok(raw as CheckedVaultPath);
}
