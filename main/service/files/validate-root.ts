/** The vault folder a user asked for: it must exist and be a folder; its real path is what the service uses. */
import { describeError, errorCode } from '../file-reports';
import { VaultOpenError } from '../service-errors';
import type { VaultFs, VaultFsStat } from './vault-fs';

export async function validateRoot(absolute: string, io: Pick<VaultFs, 'stat' | 'realpath'>): Promise<string> {
  let stats: VaultFsStat;
  try {
    stats = await io.stat(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VaultOpenError('missing', absolute, `vault folder not found: ${absolute}`);
    throw new VaultOpenError('unreadable', absolute, `cannot open vault folder ${absolute}: ${describeError(error)}`);
  }
  if (!stats.isDirectory()) throw new VaultOpenError('not-directory', absolute, `not a folder: ${absolute}`);
  try {
    return await io.realpath(absolute);
  } catch (error) {
    throw new VaultOpenError('unreadable', absolute, `cannot resolve vault folder ${absolute}: ${describeError(error)}`);
  }
}
