/**
 * Turning what the user typed into a vault path for a new or renamed note. The service validates
 * again; checking here lets the dialog explain the problem before anything is sent.
 */
import type { FileEntry } from '../../../../main/contract/api-contract';

export type PathCheck = { ok: true; path: string } | { ok: false; message: string };

/** Characters that are invalid in file names on at least one desktop OS (and `#`, `^`, `[`, `]`, `|` break wiki links). */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const FORBIDDEN = /[\\:*?"<>|#^[\]\u0000-\u001f]/;

export function folderOf(path: string | null): string {
  if (!path) return '';
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * `input` is a vault-relative path, with or without `.md`; `/` separates folders. Refused: empty
 * names, absolute paths, `.`/`..` segments, empty segments and characters that break files or links.
 */
export function checkNotePath(input: string): PathCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a name.' };
  if (trimmed.startsWith('/')) return { ok: false, message: 'The path must be inside the vault (no leading “/”).' };
  const segments = trimmed.split('/').map((s) => s.trim());
  if (segments.some((s) => s === '')) return { ok: false, message: 'Folder and file names cannot be empty.' };
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, message: '“.” and “..” are not allowed in the path.' };
  const bad = segments.find((s) => FORBIDDEN.test(s));
  if (bad !== undefined) return { ok: false, message: `“${bad}” contains a character that is not allowed (\\ : * ? " < > | # ^ [ ]).` };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, message: 'Names starting with “.” are hidden and not indexed.' };
  const joined = segments.join('/');
  const path = /\.md$/i.test(joined) ? joined : `${joined}.md`;
  if (path.replace(/\.md$/i, '').split('/').pop() === '') return { ok: false, message: 'Enter a name.' };
  return { ok: true, path };
}

/** Same as checkNotePath, and also refuses a path that already exists (case-insensitively, as on macOS and Windows). */
export function checkNewNotePath(input: string, folder: string, files: FileEntry[] | null): PathCheck {
  const checked = checkNotePath(folder ? `${folder}/${input.trim()}` : input);
  if (!checked.ok) return input.trim() === '' ? { ok: false, message: 'Enter a name.' } : checked;
  const lower = checked.path.toLowerCase();
  if ((files ?? []).some((f) => f.path.toLowerCase() === lower)) return { ok: false, message: `“${checked.path}” already exists.` };
  return checked;
}
