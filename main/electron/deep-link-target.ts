/**
 * Which vault (and which file in it) a parsed deep link names, among the vaults Plexus knows (the
 * open one and the recent ones): a link never opens a folder the user has not opened before.
 * - `vault=NAME` is a vault's folder name; the open vault wins a tie, any other tie is refused.
 * - `path=ABSOLUTE` must lie inside a known vault (compared after resolving symlinks, so a link
 *   cannot step out through one); the deepest such vault holds it.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from '../contract/api-contract';
import type { VaultPath } from '../core/types';
import { checkLinkVaultPath, type DeepLink } from './deep-link';

export interface LinkTarget {
  root: string;
  /** Vault path of the file to show; null opens the vault as it was last left. */
  file: VaultPath | null;
}

const fail = (message: string): Result<LinkTarget> => ({ ok: false, error: { code: 'not-found', message } });

/** The real path when it exists (symlinks resolved), else the resolved path. */
async function realOrResolved(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return path.resolve(target);
    throw error;
  }
}

function vaultNamed(name: string, current: string | null, known: string[]): Result<LinkTarget> {
  let matches = known.filter((root) => path.basename(root) === name);
  if (matches.length === 0) matches = known.filter((root) => path.basename(root).toLowerCase() === name.toLowerCase());
  if (current !== null && matches.includes(current)) return { ok: true, value: { root: current, file: null } };
  if (matches.length === 1) return { ok: true, value: { root: matches[0], file: null } };
  if (matches.length > 1) return fail(`Several vaults are called “${name}”: ${matches.join(', ')}. Open the one you mean with File > Open Recent.`);
  return fail(`Plexus knows no vault called “${name}”. Open its folder once with File > Open Vault…; after that, links to it work.`);
}

async function vaultHolding(absolute: string, known: string[]): Promise<Result<LinkTarget>> {
  const file = await realOrResolved(absolute);
  let best: { root: string; relative: string } | null = null;
  for (const root of known) {
    const relative = path.relative(await realOrResolved(root), file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    if (best === null || relative.length < best.relative.length) best = { root, relative };
  }
  if (best === null)
    return fail(`${absolute} is not inside a vault Plexus knows. Open its vault once with File > Open Vault…; after that, links into it work.`);
  if (best.relative === '') return { ok: true, value: { root: best.root, file: null } };
  const vaultPath = best.relative.split(path.sep).join('/');
  const checked = checkLinkVaultPath(vaultPath);
  if (!checked.ok) return { ok: false, error: checked.error };
  return { ok: true, value: { root: best.root, file: checked.value } };
}

/**
 * `current` is the open vault (or null), `recent` the remembered ones. The file's existence is
 * not checked here: that needs the vault's index, once the vault is open.
 */
export async function resolveLinkTarget(link: DeepLink, current: string | null, recent: string[]): Promise<Result<LinkTarget>> {
  const known = [...new Set([...(current === null ? [] : [current]), ...recent])];
  if (link.kind === 'absolute') return vaultHolding(link.path, known);
  let root: string;
  if (link.vault !== null) {
    const named = vaultNamed(link.vault, current, known);
    if (!named.ok) return named;
    root = named.value.root;
  } else if (current !== null) root = current;
  else return fail('The link names no vault and none is open.');
  return { ok: true, value: { root, file: link.file } };
}
