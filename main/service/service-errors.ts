/** Why a vault could not be opened; the CLI maps these to exit code 2. */
export type VaultOpenProblem = 'missing' | 'not-directory' | 'unreadable';

export class VaultOpenError extends Error {
  constructor(
    readonly problem: VaultOpenProblem,
    readonly root: string,
    message: string,
  ) {
    super(message);
    this.name = 'VaultOpenError';
  }
}

export function isVaultOpenError(error: unknown): error is VaultOpenError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'VaultOpenError';
}
