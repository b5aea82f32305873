/** Test helper: a literal vault path through the one guard, as the API's edge would hand it on. */
import type { CheckedVaultPath } from '../../main/core/types';
import { toVaultPath } from '../../main/core/vault-path';

export function checked(raw: string): CheckedVaultPath {
  const path = toVaultPath(raw);
  if (!path.ok) throw new Error(`test path is not a vault path: ${path.error.message}`);
  return path.value;
}
