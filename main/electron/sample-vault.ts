/**
 * Where the bundled sample vault lives. In development it is `vault/` in the checkout. A packaged
 * app ships it read-only inside its resources, so on first start it is copied to
 * `<Documents>/Plexus Sample Vault` and opened from there (a later start reuses that copy, never
 * overwriting the user's edits).
 */
import { access, cp } from 'node:fs/promises';
import path from 'node:path';

export const SAMPLE_VAULT_NAME = 'Plexus Sample Vault';

export interface SampleVaultEnv {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** app.getPath('documents'). */
  documentsDir: string;
  /** The checkout root in development. */
  devRoot: string;
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

export async function sampleVaultPath(env: SampleVaultEnv): Promise<string> {
  if (!env.isPackaged) return path.join(env.devRoot, 'vault');
  const target = path.join(env.documentsDir, SAMPLE_VAULT_NAME);
  if (await exists(target)) return target;
  const source = path.join(env.resourcesPath, 'vault');
  await cp(source, target, { recursive: true, errorOnExist: true, force: false });
  return target;
}
