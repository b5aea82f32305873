/**
 * The file-system calls the note writer makes, behind a narrow interface so tests can inject
 * failures (EACCES, ENOSPC, a vanished folder) — tests run as root, where real permission errors
 * cannot be provoked.
 */
import { promises as fsp, constants } from 'node:fs';

export interface WriterStat {
  mtimeMs: number;
  mode: number;
  isFile(): boolean;
}

export interface WriterDirEntry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
}

export interface WriterFs {
  readFile(abs: string): Promise<Uint8Array>;
  /**
   * Creates `abs` (failing if it exists), writes every byte, fsyncs (unless `sync` is false) and
   * closes it.
   */
  writeNewFile(abs: string, data: Uint8Array, mode: number | undefined, sync?: boolean): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Hard link; fails with EEXIST when `to` exists, which makes "create, never clobber" atomic. */
  link(from: string, to: string): Promise<void>;
  unlink(abs: string): Promise<void>;
  stat(abs: string): Promise<WriterStat>;
  mkdir(abs: string): Promise<void>;
  readdir(abs: string): Promise<WriterDirEntry[]>;
  /** fsync a directory so a rename inside it survives a power cut (a no-op where unsupported). */
  syncDir(abs: string): Promise<void>;
}

export const nodeWriterFs: WriterFs = {
  readFile: (abs) => fsp.readFile(abs),
  async writeNewFile(abs, data, mode, sync = true) {
    const handle = await fsp.open(abs, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode ?? 0o666);
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
      if (sync) await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (from, to) => fsp.link(from, to),
  unlink: (abs) => fsp.unlink(abs),
  stat: (abs) => fsp.stat(abs),
  async mkdir(abs) {
    await fsp.mkdir(abs, { recursive: true });
  },
  readdir: (abs) => fsp.readdir(abs, { withFileTypes: true }),
  async syncDir(abs) {
    if (process.platform === 'win32') return; // directories cannot be opened for fsync there
    const handle = await fsp.open(abs, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
