/**
 * Structured reports about files the service could not take in as-is. Every problem is
 * reported by path and the run carries on, so one bad file never blocks a vault.
 */
export type FileProblem =
  | 'symlink-outside'
  | 'symlink-loop'
  | 'broken-symlink'
  | 'too-large'
  | 'invalid-utf8'
  | 'unreadable'
  | 'parse-error'
  | 'cache'
  /** A parse cache written by a newer Plexus: ignored and left as it is (cache/cache-version.ts). */
  | 'cache-newer'
  | 'watch'
  /** A name the vault API cannot address (validateVaultPath refuses it: a backslash, a control character, too long). */
  | 'unopenable-name';

export interface FileReport {
  /** Vault-relative path ('' for the vault itself or the cache). */
  path: string;
  problem: FileProblem;
  message: string;
}

/**
 * A readable message with the errno code first. Duck-typed rather than `instanceof Error`:
 * errors may come from another realm (worker threads, jest's sandbox) where that check fails.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const message = (error as { message: string }).message;
    const code = errorCode(error);
    return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
