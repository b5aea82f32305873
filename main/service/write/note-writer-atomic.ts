/**
 * Atomic file replacement: the bytes go to a temp file in the SAME folder (so the final rename
 * never crosses devices), are fsynced, and the temp file is renamed over the target. A reader
 * or a crash sees the old file or the new one, never half of either. Temp names start with '.'
 * and end '.plexus-tmp' so the scanner and watcher ignore them; stale ones are swept on open.
 *
 * The one temp-then-rename writer of the code base: notes (through the vault's fs, with fault
 * hooks and create-never-clobber), and app data (settings, per-vault data, the parse cache,
 * snapshot blobs and index) through `writeFileAtomic`. The `write-file-atomic` package was not
 * used instead: its temp names (`file.<hash>`) are not hidden from the scanner and watcher,
 * it has no create-only placement and no fs seam for the fault tests.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { isErrno } from './note-writer-errors';
import { nodeWriterFs, type WriterFs } from './note-writer-fs';

export const TEMP_SUFFIX = '.plexus-tmp';

export interface AtomicHooks {
  /** Runs after the temp file is written and synced, before it replaces the target (fault tests). */
  beforeRename?(tempAbs: string, targetAbs: string): void | Promise<void>;
}

export function tempPathFor(targetAbs: string): string {
  const dir = path.dirname(targetAbs);
  return path.join(dir, `.${path.basename(targetAbs)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export type PlaceMode = 'replace' | 'create';

/**
 * Writes `data` to `targetAbs`. 'replace' renames over whatever is there; 'create' fails with
 * EEXIST if the target exists (hard link, so even a racing creator is never clobbered).
 * Throws the fs error after removing the temp file; the target is untouched on failure.
 */
export async function writeAtomic(
  io: WriterFs,
  targetAbs: string,
  data: Uint8Array,
  options: { mode?: number; place?: PlaceMode; hooks?: AtomicHooks; durable?: boolean } = {},
): Promise<void> {
  const temp = tempPathFor(targetAbs);
  const durable = options.durable !== false;
  let placed = false;
  try {
    await io.writeNewFile(temp, data, options.mode, durable);
    await options.hooks?.beforeRename?.(temp, targetAbs);
    if (options.place === 'create') {
      await placeNew(io, temp, targetAbs);
      placed = true;
    } else {
      await io.rename(temp, targetAbs);
      placed = true;
    }
    if (durable) await io.syncDir(path.dirname(targetAbs));
  } finally {
    if (!placed) await removeTemp(io, temp);
  }
}

/**
 * App data outside the vault: creates the folder, then replaces `targetAbs` atomically.
 * `durable: false` skips the fsyncs, for data that is only a copy (snapshot blobs, named by
 * their hash and written by the thousand after an open).
 */
export async function writeFileAtomic(targetAbs: string, data: string | Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  await nodeWriterFs.mkdir(path.dirname(targetAbs));
  await writeAtomic(nodeWriterFs, targetAbs, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { durable: options.durable });
}

async function placeNew(io: WriterFs, temp: string, targetAbs: string): Promise<void> {
  try {
    await io.link(temp, targetAbs);
  } catch (error) {
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (!isErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV')) throw error;
    if (await exists(io, targetAbs)) throw Object.assign(new Error(`EEXIST: file already exists, '${targetAbs}'`), { code: 'EEXIST' });
    await io.rename(temp, targetAbs);
    return;
  }
  await io.unlink(temp);
}

async function removeTemp(io: WriterFs, temp: string): Promise<void> {
  try {
    await io.unlink(temp);
  } catch (error) {
    // ENOENT: the temp file was never created (the first write failed); anything else is real.
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

export async function exists(io: WriterFs, abs: string): Promise<boolean> {
  try {
    await io.stat(abs);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR')) return false;
    throw error;
  }
}

/** Removes stale temp files left by a crash, anywhere under the vault; returns what it removed. */
export async function sweepTempFiles(io: WriterFs, root: string): Promise<string[]> {
  const removed: string[] = [];
  // Folders are walked concurrently: on open this runs while the watcher is listing the vault,
  // and each sequential await would queue behind thousands of its callbacks.
  const walk = async (dir: string): Promise<void> => {
    const pending: Promise<void>[] = [];
    for (const entry of await io.readdir(dir)) {
      const abs = path.join(dir, entry.name);
      if (entry.isFile() && isTempName(entry.name)) {
        pending.push(io.unlink(abs).then(() => void removed.push(abs)));
      } else if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        pending.push(walk(abs));
      }
    }
    await Promise.all(pending);
  };
  await walk(root);
  return removed;
}
