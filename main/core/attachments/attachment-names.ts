/**
 * Where a new attachment goes and what it is called, as Obsidian does it: "Default location for
 * new attachments" (the vault root, a named folder, or the note's own folder), pasted images named
 * `Pasted image YYYYMMDDHHmmss.png` in local time, and a taken name numbered ` 1`, ` 2`, ... before
 * its extension. Pure, so the renderer (to choose a name) and the writer (to never overwrite)
 * number files the same way.
 */
import type { VaultPath } from '../types';
import { basename, dirname, join } from '../paths';

export type AttachmentLocation = { kind: 'root' } | { kind: 'folder'; folder: string } | { kind: 'note-folder' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `Pasted image 20240305143009.png` for a paste at 14:30:09 local time on 5 March 2024. */
export function pastedImageName(when: Date, extension = 'png'): string {
  const stamp = `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}${pad(when.getHours())}${pad(when.getMinutes())}${pad(when.getSeconds())}`;
  return `Pasted image ${stamp}.${extension}`;
}

/** The extension a pasted image of this MIME type is saved with ('png' for anything unknown). */
export function imageExtension(mime: string): string {
  const sub = mime
    .toLowerCase()
    .replace(/^image\//, '')
    .split(/[;+]/)[0];
  if (sub === 'jpeg') return 'jpg';
  return /^(png|jpg|gif|webp|bmp|svg|avif|tiff)$/.test(sub) ? sub : 'png';
}

/** `a/b.png` numbered 2 is `a/b 2.png`; 0 is the path itself. A name without extension gets the number at its end. */
export function numberedPath(path: VaultPath, n: number): VaultPath {
  if (n === 0) return path;
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const numbered = dot <= 0 ? `${name} ${n}` : `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
  // A number before a valid file name's extension keeps the path valid.
  return join(dirname(path), numbered) as VaultPath;
}

/** The first of `path`, `path 1`, `path 2`, ... that `taken` says is free (at most `limit` tries, then null). */
export function freePath(path: VaultPath, taken: (candidate: VaultPath) => boolean, limit = 10000): VaultPath | null {
  for (let n = 0; n < limit; n++) {
    const candidate = numberedPath(path, n);
    if (!taken(candidate)) return candidate;
  }
  return null;
}

/** The folder new attachments of `notePath` go to ('' is the vault root). */
export function attachmentFolder(location: AttachmentLocation, notePath: VaultPath): string {
  if (location.kind === 'note-folder') return dirname(notePath);
  if (location.kind === 'folder') return cleanFolder(location.folder);
  return '';
}

/** A folder setting as a vault path: slashes trimmed, empty and '.' segments dropped ('' when nothing is left). */
export function cleanFolder(folder: string): string {
  return folder
    .split(/[\\/]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** A dropped file's name made safe as one path segment (no separators, control characters or leading dots). */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are among what a file name cannot hold
    .replace(/[\\/\u0000-\u001f:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned === '' ? 'Attachment' : cleaned;
}

/**
 * Link targets for a file, shortest first: its name (a note without `.md`), then with one more
 * folder at a time, up to its whole path. The first one that resolves to the file is the link
 * Obsidian writes ("Shortest path when possible").
 */
export function linkCandidates(path: VaultPath): string[] {
  const shaped = /\.md$/i.test(path) ? path.slice(0, -3) : path;
  const segments = shaped.split('/');
  const out: string[] = [];
  for (let k = 1; k <= segments.length; k++) out.push(segments.slice(segments.length - k).join('/'));
  return out;
}
