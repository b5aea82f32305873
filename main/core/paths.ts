/**
 * Vault-path helpers. Vault paths are '/'-separated and relative to the vault root
 * ('How LLMs Work/Loss.md'). Pure string work: no `path` module, so the same rules hold on
 * every OS and in the renderer. The readers take any '/'-separated string, since link targets
 * are split the same way; what makes a VaultPath is main/core/vault-path.ts.
 */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** '.md', '.png', or '' (lower-cased). */
export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function isNotePath(path: string): boolean {
  return /\.md$/i.test(path);
}

/** Drops one trailing '.md' (any case). */
export function stripMd(name: string): string {
  return /\.md$/i.test(name) ? name.slice(0, -3) : name;
}

/** 'a/B.md' -> 'B'; an attachment keeps its extension: 'img/x.png' -> 'x.png'. */
export function titleFromPath(path: string): string {
  return stripMd(basename(path));
}

/** The first folder of a path, or '' for files at the vault root. */
export function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function join(folder: string, relative: string): string {
  if (folder === '') return relative;
  if (relative === '') return folder;
  return `${folder}/${relative}`;
}

/**
 * Resolves '.' and '..' segments and collapses repeated or trailing slashes. Returns null when
 * the path climbs above the vault root, so callers cannot be tricked into leaving the vault.
 */
export function normalize(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out.join('/');
}

/** Joins a relative link path onto a folder ('' = vault root); null when it climbs above the vault. */
export function joinRelative(folder: string, relative: string): string | null {
  return normalize(folder === '' ? relative : `${folder}/${relative}`);
}

/** How many folders a path sits in: 'a.md' -> 0, 'x/y/a.md' -> 2. */
export function folderDepth(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) depth++;
  return depth;
}

/** A relative path from one folder to a file: relativePath('a/b', 'a/c/x.md') -> '../c/x.md'. */
export function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder === '' ? [] : fromFolder.split('/');
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const ups = from.slice(common).map(() => '..');
  return [...ups, ...target.slice(common)].join('/');
}
