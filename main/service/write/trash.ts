/**
 * Deleting notes without destroying them. Electron passes `shell.trashItem` (the OS trash);
 * browser mode and tests use the vault's own `.trash/` folder (ignored by the scanner, like
 * Obsidian's), under a name that never overwrites an earlier deleted file of the same name.
 */
import * as path from 'node:path';
import { exists } from './note-writer-atomic';
import type { WriterFs } from './note-writer-fs';

export type TrashItem = (absPath: string) => Promise<void>;

export const VAULT_TRASH_FOLDER = '.trash';

export function moveToVaultTrash(root: string, io: WriterFs): TrashItem {
  return async (absPath) => {
    const trash = path.join(root, VAULT_TRASH_FOLDER);
    await io.mkdir(trash);
    const target = await uniqueName(io, trash, path.basename(absPath));
    await io.rename(absPath, target);
  };
}

/** `Note.md`, then `Note 1.md`, `Note 2.md`, ... (the first free name). */
export async function uniqueName(io: WriterFs, folder: string, fileName: string): Promise<string> {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 0; ; n++) {
    const candidate = path.join(folder, n === 0 ? fileName : `${stem} ${n}${ext}`);
    if (!(await exists(io, candidate))) return candidate;
  }
}
