/**
 * Which files belong to a vault, shared by the scanner and the watcher so both agree:
 * dot-folders and dot-files (.obsidian, .git, .trash, .#lock files), node_modules and editor
 * temp files are not part of the vault; `.md` files are notes; everything else is an attachment.
 */
import * as path from 'node:path';

/** Editor and office temp files: `x~`, `*.swp`, `*.swx`, `*.tmp`, `.~lock.x#`, `.#x`, `#x#`. */
const TEMP_FILE = /(~$)|(\.sw[a-p x]$)|(\.tmp$)|(^\.~lock)|(^\.#)|(^#.*#$)/i;

/** True when a single path segment (file or folder name) keeps its subtree out of the vault. */
export function isIgnoredSegment(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/** True when a vault path (any depth) is ignored by one of its segments, or is a temp file. */
export function isIgnoredVaultPath(vaultPath: string): boolean {
  const segments = vaultPath.split('/');
  if (segments.some(isIgnoredSegment)) return true;
  return isTempFileName(segments[segments.length - 1]);
}

/** OS-relative path ('a\\b.md' on Windows) -> the same with '/' ('a/b.md'), not yet checked as a VaultPath. */
export function slashedFromOsRelative(relativeOsPath: string): string {
  return path.sep === '/' ? relativeOsPath : relativeOsPath.split(path.sep).join('/');
}

/** Vault path -> absolute OS path under the (real) vault root. */
export function toAbsolutePath(root: string, vaultPath: string): string {
  return path.join(root, ...vaultPath.split('/'));
}

/** True when `candidate` (absolute, real) is `root` itself or lies below it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '') return true;
  if (relative === '..' || relative.startsWith(`..${path.sep}`)) return false;
  return !path.isAbsolute(relative);
}
