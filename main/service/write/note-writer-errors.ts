/** Turning fs errors into the contract's `io-error` results with a reason a person can act on. */
import type { ApiError, ApiErrorCode, Result } from '../../contract/api-contract';
import { describeError, errorCode } from '../file-reports';

export function fail<T>(code: ApiErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  ENOENT: 'the file or its folder no longer exists',
  ENOTDIR: 'a folder on the path is now a file',
  EBUSY: 'the file is locked by another program',
  EMFILE: 'too many files are open',
  EIO: 'a disk input/output error occurred',
};

/** `could not save "A.md": the disk is full (ENOSPC: no space left on device, write)`. */
export function ioError(action: string, error: unknown): ApiError {
  const code = errorCode(error);
  const reason = code !== undefined ? REASONS[code] : undefined;
  const detail = describeError(error);
  return { code: 'io-error', message: reason ? `${action}: ${reason} (${detail})` : `${action}: ${detail}` };
}

export function isErrno(error: unknown, ...codes: string[]): boolean {
  const code = errorCode(error);
  return code !== undefined && codes.includes(code);
}
