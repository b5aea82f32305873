/**
 * Where the app opens the bundled sample vault: always a copy (main/service/sample-vault-copy.ts).
 * A packaged app copies it from its resources to `<Documents>/Plexus Sample Vault`, where the
 * user can find it; in development (`npm start`) the checkout's `vault/` is copied to
 * `<userData>/Plexus Sample Vault`, the same folder `npm start`'s browser mode opens.
 */
import path from 'node:path';
import { copySampleVaultOnce, SAMPLE_VAULT_NAME } from '../service/files/sample-vault-copy';

export { SAMPLE_VAULT_NAME };

export interface SampleVaultEnv {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** app.getPath('documents'). */
  documentsDir: string;
  /** app.getPath('userData'). */
  userDataDir: string;
  /** The checkout root in development. */
  devRoot: string;
}

export async function sampleVaultPath(env: SampleVaultEnv): Promise<string> {
  const source = env.isPackaged ? path.join(env.resourcesPath, 'vault') : path.join(env.devRoot, 'vault');
  const parent = env.isPackaged ? env.documentsDir : env.userDataDir;
  return (await copySampleVaultOnce(source, path.join(parent, SAMPLE_VAULT_NAME))).path;
}

/**
 * True for the checkout's own `vault/` in development: settings from before the copy existed may
 * still name it, and opening it would edit files under version control.
 */
export function isCheckoutSampleVault(root: string, env: Pick<SampleVaultEnv, 'isPackaged' | 'devRoot'>): boolean {
  return !env.isPackaged && path.resolve(root) === path.resolve(env.devRoot, 'vault');
}
