/**
 * Reads one vault file with the rules every reader shares: a size cap, a UTF-8 BOM stripped,
 * invalid UTF-8 decoded with replacement characters (and reported), unreadable files reported.
 * Synchronous on purpose: it runs in parse workers and for single-file reads, where a
 * blocking read of one small file is cheaper than a round trip through the thread pool.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { err, ok, type Result } from '../../core/result';
import { describeError, type FileReport } from '../file-reports';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The fs calls the reader uses (node:fs has them; so does the storage port, files/vault-fs.ts);
 * tests inject failures (e.g. EACCES, since tests run as root).
 */
export interface ReaderFs {
  openSync(abs: string, flags: 'r'): number;
  fstatSync(fd: number): { size: number; mtimeMs: number; isFile(): boolean };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  closeSync(fd: number): void;
}

export interface ReadOptions {
  maxFileBytes?: number;
  fs?: ReaderFs;
}

export interface FileText {
  text: string;
  /** sha-256 hex of the bytes on disk (BOM included). */
  hash: string;
  size: number;
  mtimeMs: number;
  /** Set when the bytes were not valid UTF-8. */
  decodeWarning: string | null;
}

/** The file's text, or why it was not read. */
export type ReadOutcome = Result<FileText, FileReport>;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false });

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Decodes UTF-8 (the decoder drops a leading BOM); invalid sequences become U+FFFD and are reported. */
export function decodeUtf8(bytes: Uint8Array): { text: string; decodeWarning: string | null } {
  try {
    return { text: strictDecoder.decode(bytes), decodeWarning: null };
  } catch {
    // The strict decoder's only failure is invalid UTF-8; the lenient pass keeps the readable text.
    return {
      text: lenientDecoder.decode(bytes),
      decodeWarning: 'not valid UTF-8: invalid bytes were replaced with U+FFFD; saving will rewrite them',
    };
  }
}

export type BytesOutcome = Result<{ bytes: Uint8Array; mtimeMs: number }, FileReport>;

/** The raw bytes of a vault file under the size cap (attachments, and the basis of readVaultFile). */
export function readVaultBytes(absolutePath: string, vaultPath: string, options: ReadOptions = {}): BytesOutcome {
  const io = options.fs ?? fs;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let fd: number;
  try {
    fd = io.openSync(absolutePath, 'r');
  } catch (error) {
    return err({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
  }
  try {
    const stats = io.fstatSync(fd);
    if (!stats.isFile()) {
      return err({ path: vaultPath, problem: 'unreadable', message: 'not a regular file' });
    }
    if (stats.size > maxBytes) {
      return err({ path: vaultPath, problem: 'too-large', message: `${stats.size} bytes exceeds the ${maxBytes}-byte limit; skipped` });
    }
    const bytes = readAll(io, fd, stats.size, maxBytes);
    if (bytes === null) {
      return err({ path: vaultPath, problem: 'too-large', message: `grew past the ${maxBytes}-byte limit while reading; skipped` });
    }
    return ok({ bytes, mtimeMs: stats.mtimeMs });
  } catch (error) {
    return err({ path: vaultPath, problem: 'unreadable', message: describeError(error) });
  } finally {
    io.closeSync(fd);
  }
}

export function readVaultFile(absolutePath: string, vaultPath: string, options: ReadOptions = {}): ReadOutcome {
  const read = readVaultBytes(absolutePath, vaultPath, options);
  if (!read.ok) return read;
  const { bytes, mtimeMs } = read.value;
  const { text, decodeWarning } = decodeUtf8(bytes);
  return ok({ text, hash: hashBytes(bytes), size: bytes.length, mtimeMs, decodeWarning });
}

/** Reads until EOF (the file may change size after fstat); null when it passes the cap. */
function readAll(io: ReaderFs, fd: number, expected: number, maxBytes: number): Uint8Array | null {
  let buffer = Buffer.allocUnsafe(Math.max(expected, 0) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return null;
      const grown = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = io.readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > maxBytes) return null;
  return buffer.subarray(0, length);
}
