/**
 * The in-memory adapter's file and folder records, its open file descriptors, and node:fs's
 * error shape (messages start with the code, as node's do, which the readers rely on).
 */
import type { VaultFsDirEntry, VaultFsStat } from './vault-fs';

export type Node =
  { kind: 'file'; bytes: Uint8Array; mtimeMs: number; bornMs: number; mode: number; ino: number } | { kind: 'dir'; mtimeMs: number; ino: number };

export function errno(code: string, text: string, syscall: string, abs: string): Error {
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${abs}'`), { code, syscall, path: abs });
}

export const ENOENT = (syscall: string, abs: string) => errno('ENOENT', 'no such file or directory', syscall, abs);

export function statOf(node: Node): VaultFsStat {
  const isFile = node.kind === 'file';
  return {
    size: node.kind === 'file' ? node.bytes.length : 4096,
    mtimeMs: node.mtimeMs,
    // A file is born when it is made (a replace makes a new one, as the atomic writer's rename does on disk).
    birthtimeMs: node.kind === 'file' ? node.bornMs : node.mtimeMs,
    mode: node.kind === 'file' ? 0o100000 | node.mode : 0o40755,
    ino: node.ino,
    isFile: () => isFile,
    isDirectory: () => !isFile,
    isSymbolicLink: () => false,
  };
}

export function entryOf(name: string, node: Node): VaultFsDirEntry {
  return { name, isFile: () => node.kind === 'file', isDirectory: () => node.kind === 'dir', isSymbolicLink: () => false };
}

/** One change made through the adapter, as its watch hears it. */
export type Change = { abs: string; event: 'change' | 'unlinkDir' };

/** Open file descriptors: a read sees the bytes the file had when it was opened, as on disk. */
export class OpenFiles {
  private readonly files = new Map<number, { bytes: Uint8Array; mtimeMs: number; isFile: boolean; position: number }>();
  private nextFd = 3;

  open(node: Node): number {
    const fd = this.nextFd++;
    this.files.set(fd, { bytes: node.kind === 'file' ? node.bytes : new Uint8Array(), mtimeMs: node.mtimeMs, isFile: node.kind === 'file', position: 0 });
    return fd;
  }

  fstat(fd: number): { size: number; mtimeMs: number; isFile(): boolean } {
    const open = this.get(fd);
    return { size: open.bytes.length, mtimeMs: open.mtimeMs, isFile: () => open.isFile };
  }

  read(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    const open = this.get(fd);
    const chunk = open.bytes.subarray(open.position, open.position + length);
    buffer.set(chunk, offset);
    open.position += chunk.length;
    return chunk.length;
  }

  close(fd: number): void {
    this.get(fd);
    this.files.delete(fd);
  }

  private get(fd: number) {
    const open = this.files.get(fd);
    if (open === undefined) throw errno('EBADF', 'bad file descriptor', 'read', String(fd));
    return open;
  }
}
