/**
 * Test helpers for paths: `vp('a.md')` is a literal vault path through the one guard (it throws on
 * a bad one, so a test cannot hand the code a path the app would never make), and `unchecked`
 * names the few places a test hands the API a bad path on purpose, to see it refused.
 */
import type { VaultPath } from '../../main/core/types';
import { toVaultPath } from '../../main/core/vault-path';

export function vp(raw: string): VaultPath {
  const path = toVaultPath(raw);
  if (!path.ok) throw new Error(`test path is not a vault path: ${path.error.message}`);
  return path.value;
}

/** Several literal vault paths at once. */
export function vps(...raws: string[]): VaultPath[] {
  return raws.map(vp);
}

/** A string typed as a VaultPath without the guard: only for input the code under test must refuse. */
export function unchecked(raw: string): VaultPath {
  return raw as VaultPath;
}
