/** Which note to open when the address names none: Welcome, Index or README (top-level first), else the first note. */
import type { FileEntry } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';
import { compareText } from '../lib/collate';

const PREFERRED = ['welcome', 'index', 'readme'];

export function pickDefaultNote(files: FileEntry[]): VaultPath | null {
  const notes = files.filter((f) => f.kind === 'note');
  for (const name of PREFERRED) {
    const matches = notes.filter((f) => f.title.toLowerCase() === name);
    matches.sort((a, b) => a.path.split('/').length - b.path.split('/').length || compareText(a.path, b.path));
    if (matches[0]) return matches[0].path;
  }
  const sorted = [...notes].sort((a, b) => compareText(a.path, b.path));
  return sorted[0]?.path ?? null;
}
