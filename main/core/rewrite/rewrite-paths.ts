/**
 * Small vault-path helpers the rewriter needs (relative paths, segments). Vault paths use '/'
 * and are relative to the vault root; nothing here touches the file system.
 */
import type { VaultPath } from '../types';

export function folderOf(path: VaultPath): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function fileNameOf(path: VaultPath): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function stripMd(path: string): string {
  return /\.md$/i.test(path) ? path.slice(0, -3) : path;
}

/** Resolves '.' and '..' segments; returns null when the path climbs above the vault root. */
export function normalizeSegments(path: string): string | null {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

/** The path of `target` written relative to the folder `fromFolder` ('' = vault root). */
export function relativePath(fromFolder: string, target: VaultPath): string {
  const from = fromFolder === '' ? [] : fromFolder.split('/');
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.slice(common).map(() => '..');
  return [...ups, ...to.slice(common)].join('/');
}

/** Joins a relative link path onto a folder; null when it escapes the vault. */
export function joinRelative(folder: string, rel: string): string | null {
  return normalizeSegments(folder === '' ? rel : `${folder}/${rel}`);
}
