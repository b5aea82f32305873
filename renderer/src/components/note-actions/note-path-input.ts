/**
 * Turning what the user typed into a vault path for a new or renamed note. The service validates
 * again; checking here lets the dialog explain the problem before anything is sent.
 */
import type { FileEntry } from '../../../../main/contract/api-contract';
import { dirname } from '../../../../main/core/paths';
import { err, type Result } from '../../../../main/core/result';
import type { VaultPath } from '../../../../main/core/types';
import { toVaultPath } from '../../../../main/core/vault-path';

/** The vault path, or the message that explains what is wrong with the input. */
export type PathCheck = Result<VaultPath, string>;

/** Characters that are invalid in file names on at least one desktop OS (and `#`, `^`, `[`, `]`, `|` break wiki links). */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const FORBIDDEN = /[\\:*?"<>|#^[\]\u0000-\u001f]/;

export function folderOf(path: VaultPath | null): string {
  return path ? dirname(path) : '';
}

/**
 * `input` is a vault-relative path, with or without `.md`; `/` separates folders. Refused: empty
 * names, absolute paths, `.`/`..` segments, empty segments and characters that break files or links.
 */
export function checkNotePath(input: string): PathCheck {
  const trimmed = input.trim();
  if (trimmed === '') return err('Enter a name.');
  if (trimmed.startsWith('/')) return err('The path must be inside the vault (no leading “/”).');
  const segments = trimmed.split('/').map((s) => s.trim());
  if (segments.some((s) => s === '')) return err('Folder and file names cannot be empty.');
  if (segments.some((s) => s === '.' || s === '..')) return err('“.” and “..” are not allowed in the path.');
  const bad = segments.find((s) => FORBIDDEN.test(s));
  if (bad !== undefined) return err(`“${bad}” contains a character that is not allowed (\\ : * ? " < > | # ^ [ ]).`);
  if (segments.some((s) => s.startsWith('.'))) return err('Names starting with “.” are hidden and not indexed.');
  const joined = segments.join('/');
  const path = /\.md$/i.test(joined) ? joined : `${joined}.md`;
  if (path.replace(/\.md$/i, '').split('/').pop() === '') return err('Enter a name.');
  // The rules above are stricter than the guard's, which still has the last word.
  const checked = toVaultPath(path);
  return checked.ok ? checked : err(checked.error.message);
}

/** Same as checkNotePath, and also refuses a path that already exists (case-insensitively, as on macOS and Windows). */
export function checkNewNotePath(input: string, folder: string, files: FileEntry[] | null): PathCheck {
  const checked = checkNotePath(folder ? `${folder}/${input.trim()}` : input);
  if (!checked.ok) return input.trim() === '' ? err('Enter a name.') : checked;
  const lower = checked.value.toLowerCase();
  if ((files ?? []).some((f) => f.path.toLowerCase() === lower)) return err(`“${checked.value}” already exists.`);
  return checked;
}
