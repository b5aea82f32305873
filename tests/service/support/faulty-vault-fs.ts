/**
 * Test helper: the storage port (VaultFs) with faults a test turns on, around any adapter
 * (usually MemoryVaultFs). Everything is passed through to the inner adapter except the write
 * that a fault hits, which throws the error node:fs would give (code, syscall, message starting
 * with the code), so the real writer and handlers turn it into their own `io-error` results.
 *
 * A fault is hit where the OS would raise it: when the writer creates the new bytes' file (the
 * atomic writer's hidden temp file, or the file itself). A write that replaces an existing file
 * is a "write", one that makes a file that is not there yet is a "create" (a new note, a
 * conflict copy, an attachment, a deleted note saved again): a note that cannot be written over
 * and a folder where nothing new can be made are told apart, as tests need.
 *
 * Reads are not faulted here: the port's reads are synchronous (files/read-vault-file.ts), so
 * a read cannot be held back at this level; a slow answer is a transport matter (MemoryApi).
 */
import * as path from 'node:path';
import { isTempName, TEMP_SUFFIX } from '../../../main/service/write/note-writer-atomic';
import type { VaultWatcherHandlers, VaultWatcherOptions } from '../../../main/service/watch/vault-watcher';
import type { VaultFs, VaultFsDirEntry, VaultFsStat, VaultFsWatch } from '../../../main/service/files/vault-fs';

/** The errno codes a test can fail a write with, and node's text for each. */
const ERRNO_TEXT = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'i/o error',
} as const;

export type WriteFaultCode = keyof typeof ERRNO_TEXT;

/** Which writes a fault hits: over an existing file, or making a new one. */
export type WriteKind = 'write' | 'create';

interface Fault {
  kind: WriteKind;
  code: WriteFaultCode;
  /** Only the next such write fails. */
  once: boolean;
}

/**
 * The error node:fs throws for `code`: permission errors when opening (with the path),
 * space and I/O errors when writing (without one), as node words them.
 */
function errnoError(code: WriteFaultCode, abs: string): Error {
  const opening = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  const syscall = opening ? 'open' : 'write';
  const message = opening ? `${code}: ${ERRNO_TEXT[code]}, ${syscall} '${abs}'` : `${code}: ${ERRNO_TEXT[code]}, ${syscall}`;
  return Object.assign(new Error(message), { code, syscall, ...(opening ? { path: abs } : {}) });
}

/** The file a temp file's bytes are meant for (`.Note.md.<hex>.plexus-tmp` -> `Note.md`). */
function targetOf(abs: string): string {
  const name = path.posix.basename(abs);
  if (!isTempName(name)) return abs;
  const stem = name.slice(0, -TEMP_SUFFIX.length);
  return path.posix.join(path.posix.dirname(abs), stem.slice(1, stem.lastIndexOf('.')));
}

export class FaultyVaultFs implements VaultFs {
  private faults: Fault[] = [];
  /** Writes the faults failed, in order (target path, kind, code). */
  readonly failed: { target: string; kind: WriteKind; code: WriteFaultCode }[] = [];

  constructor(private readonly inner: VaultFs) {}

  get onDisk(): boolean {
    return this.inner.onDisk;
  }

  // ---- the faults ----

  /** Every write over an existing file fails with `code` (null: they succeed again). */
  failWrites(code: WriteFaultCode | null): void {
    this.set('write', code, false);
  }

  /** The next write over an existing file fails with `code`; later ones succeed. */
  failNextWrite(code: WriteFaultCode): void {
    this.set('write', code, true);
  }

  /** Every write that makes a new file fails with `code` (null: they succeed again). */
  failCreates(code: WriteFaultCode | null): void {
    this.set('create', code, false);
  }

  /** No write fails any more. */
  heal(): void {
    this.faults = [];
  }

  private set(kind: WriteKind, code: WriteFaultCode | null, once: boolean): void {
    this.faults = this.faults.filter((fault) => fault.kind !== kind);
    if (code !== null) this.faults.push({ kind, code, once });
  }

  /** The fault `abs` (a file being created) hits, taken off when it was for one write only. */
  private async faultFor(abs: string): Promise<{ fault: Fault; target: string } | null> {
    if (this.faults.length === 0) return null;
    const target = targetOf(abs);
    const kind: WriteKind = (await this.exists(target)) ? 'write' : 'create';
    const fault = this.faults.find((candidate) => candidate.kind === kind);
    if (fault === undefined) return null;
    if (fault.once) this.faults = this.faults.filter((other) => other !== fault);
    return { fault, target };
  }

  private async exists(abs: string): Promise<boolean> {
    try {
      await this.inner.stat(abs);
      return true;
    } catch {
      // Only "is it there": any error (ENOENT, ENOTDIR) means the write would make a new file.
      return false;
    }
  }

  // ---- WriterFs ----

  async writeNewFile(abs: string, data: Uint8Array, mode: number | undefined, sync?: boolean): Promise<void> {
    const hit = await this.faultFor(abs);
    if (hit !== null) {
      this.failed.push({ target: hit.target, kind: hit.fault.kind, code: hit.fault.code });
      throw errnoError(hit.fault.code, abs);
    }
    return this.inner.writeNewFile(abs, data, mode, sync);
  }

  readFile(abs: string): Promise<Uint8Array> {
    return this.inner.readFile(abs);
  }

  rename(from: string, to: string): Promise<void> {
    return this.inner.rename(from, to);
  }

  link(from: string, to: string): Promise<void> {
    return this.inner.link(from, to);
  }

  unlink(abs: string): Promise<void> {
    return this.inner.unlink(abs);
  }

  stat(abs: string): Promise<VaultFsStat> {
    return this.inner.stat(abs);
  }

  mkdir(abs: string): Promise<void> {
    return this.inner.mkdir(abs);
  }

  readdir(abs: string): Promise<VaultFsDirEntry[]> {
    return this.inner.readdir(abs);
  }

  syncDir(abs: string): Promise<void> {
    return this.inner.syncDir(abs);
  }

  // ---- ReaderFs ----

  openSync(abs: string, flags: 'r'): number {
    return this.inner.openSync(abs, flags);
  }

  fstatSync(fd: number): { size: number; mtimeMs: number; isFile(): boolean } {
    return this.inner.fstatSync(fd);
  }

  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number {
    return this.inner.readSync(fd, buffer, offset, length, position);
  }

  closeSync(fd: number): void {
    this.inner.closeSync(fd);
  }

  // ---- the rest of VaultFs ----

  readdirSync(abs: string): VaultFsDirEntry[] {
    return this.inner.readdirSync(abs);
  }

  statSync(abs: string): VaultFsStat {
    return this.inner.statSync(abs);
  }

  lstatSync(abs: string): VaultFsStat {
    return this.inner.lstatSync(abs);
  }

  realpathSync(abs: string): string {
    return this.inner.realpathSync(abs);
  }

  lstat(abs: string): Promise<VaultFsStat> {
    return this.inner.lstat(abs);
  }

  realpath(abs: string): Promise<string> {
    return this.inner.realpath(abs);
  }

  watch(realRoot: string, handlers: VaultWatcherHandlers, options?: VaultWatcherOptions): VaultFsWatch {
    return this.inner.watch(realRoot, handlers, options);
  }
}
