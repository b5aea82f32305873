import type { VaultPath } from '../../../main/core/types';
/**
 * Where "Keep both" (and a closed editor's unsaved text) goes: `Note (conflict 2024-05-01 0930).md`
 * next to the note, in local time (what the user's clock showed when the conflict happened).
 * `n` > 1 numbers further copies made in the same minute: `Note (conflict 2024-05-01 0930 2).md`.
 */
export function conflictCopyPath(path: VaultPath, date: Date, n = 1): string {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const stem = /\.md$/i.test(name) ? name.slice(0, -3) : name;
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}${two(date.getMinutes())}`;
  return `${folder}${stem} (conflict ${stamp}${n > 1 ? ` ${n}` : ''}).md`;
}
