/**
 * Where "Keep both" puts the editor's version: `Note (conflict 2024-05-01 0930).md` next to the
 * note, in local time (what the user's clock showed when the conflict happened).
 */
export function conflictCopyPath(path: string, date: Date): string {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const stem = /\.md$/i.test(name) ? name.slice(0, -3) : name;
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}${two(date.getMinutes())}`;
  return `${folder}${stem} (conflict ${stamp}).md`;
}
