/**
 * The sample vault is opened from a copy, never from where it ships: the packaged app's copy
 * is read-only and the checkout's `vault/` is under version control, and trying the Welcome
 * note's exercises should change neither. The copy is made once; a later start reuses it and
 * never overwrites the user's edits.
 */
import { access, cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const SAMPLE_VAULT_NAME = 'Plexus Sample Vault';

export interface SampleVaultCopy {
  path: string;
  /** true when this call made the copy, false when an earlier copy was reused. */
  copied: boolean;
}

async function exists(target: string): Promise<boolean> {
  try {
    await access(target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Copies `source` to `target` unless `target` exists. The copy is made beside the target and
 * renamed into place, so an interrupted first start never leaves a half vault to be reused.
 */
export async function copySampleVaultOnce(source: string, target: string): Promise<SampleVaultCopy> {
  if (await exists(target)) return { path: target, copied: false };
  await mkdir(path.dirname(target), { recursive: true });
  // A fresh, uniquely named folder, so two starts at once never copy into the same one.
  const staging = await mkdtemp(`${target}.partial-`);
  try {
    await cp(source, staging, { recursive: true, errorOnExist: true, force: false });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another start made the copy meanwhile: theirs is as good as ours.
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') && (await exists(target))) return { path: target, copied: false };
    throw error;
  }
  return { path: target, copied: true };
}
