/**
 * The one guard that turns a raw string into a VaultPath, and the two trusted ways around it.
 * Vault paths are names, not URLs: nothing is decoded and nothing is normalised, so `a//b`, `./a`
 * and `a/` are refused rather than silently becoming another file. Pure string work, the same on
 * every OS, so the renderer may import it too.
 */
import { err, ok, type Result } from './result';
import type { VaultPath } from './types';

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
 * `raw` as a VaultPath, or the first problem found. Climbing out of the vault is
 * checked before the spelling, so a face can tell an escape apart from a typo.
 */
export function toVaultPath(raw: string): Result<VaultPath, VaultPathError> {
  if (raw === '') return refuse('empty', raw, 'is empty; a vault path names a file');
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw))
    return refuse('absolute', raw, 'is absolute; vault paths are relative to the vault');
  if (raw.split(/[\\/]/).some((segment) => segment === '..')) return refuse('parent-segment', raw, "has a '..' segment; vault paths stay inside the vault");
  if (CONTROL.test(raw)) return refuse('control-character', raw, 'contains control characters');
  if (raw.includes('\\')) return refuse('backslash', raw, "uses '\\'; vault paths separate folders with '/'");
  if (raw.split('/').some((segment) => segment === '' || segment === '.')) return refuse('not-normal', raw, "has an empty or '.' segment");
  return ok(raw as VaultPath);
}

/**
 * A path the app did not get from outside but read from the vault's own file listing (the scan,
 * the watcher, a folder's listing: names the file system gave under the vault root, joined with
 * '/'), or read back from a store it wrote such paths to and checks on reading (the parse cache,
 * the snapshot index). Unchecked, because those are the hot paths of opening a big vault and
 * their names are paths by construction; anything typed, pasted, linked or sent to the API goes
 * through toVaultPath instead.
 */
export function vaultPathFromListing(relative: string): VaultPath {
  return relative as VaultPath;
}

/**
 * True when `known` holds `raw`, which is then a VaultPath (every member is one): how a node id
 * or a lookup key that names a known file is used as its path without a cast.
 */
export function isKnownPath(known: ReadonlySet<VaultPath> | ReadonlyMap<VaultPath, unknown>, raw: string): raw is VaultPath {
  return (known as ReadonlySet<string> | ReadonlyMap<string, unknown>).has(raw);
}

/** A stored value's check (a type guard for the app's own stores read back): a string the guard accepts. */
export function isVaultPath(raw: unknown): raw is VaultPath {
  return typeof raw === 'string' && toVaultPath(raw).ok;
}
