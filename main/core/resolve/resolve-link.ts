/**
 * The link-resolution rule (Obsidian's), exactly as docs/links.md states it.
 *
 * Wiki links: case-insensitive, '.md' optional. A target containing '/' is a path: from the
 * vault root, else relative to the linking note's folder, else the one file whose path ends
 * with it (several such files leave it unresolved). A bare name matches every file of that
 * name; several matches are broken by (1) the linking note's own folder, (2) the fewest
 * folders, (3) the alphabetically first path, and the link is reported ambiguous. Markdown
 * links are paths relative to the linking note, then from the root, then fall back to the wiki
 * rule; a path that climbs out of the vault is unresolved.
 */
import { basename, dirname, folderDepth, isNotePath, join, normalize, stripMd } from '../paths';
import type { LinkKind, VaultPath } from '../types';
import { lookupKey, type FileIndex } from './file-index';

/** Bump when the rule above changes: resolutions stored with a parse cache are then recomputed. */
export const RESOLUTION_RULE_VERSION = 1;

export interface Resolution {
  resolved: VaultPath | null;
  /** Every match, sorted, when more than one file matched; otherwise empty. */
  candidates: VaultPath[];
}

const UNRESOLVED: Resolution = { resolved: null, candidates: [] };

/**
 * A target must end in a file name: 'x/', 'x/.' and 'x/..' name folders and resolve to nothing.
 * This also keeps the target's lookup key (its last segment) equal to the key of any file it
 * can match, which incremental re-resolution relies on.
 */
function endsInFileName(target: string): boolean {
  const last = target.slice(target.lastIndexOf('/') + 1);
  return last !== '' && last !== '.' && last !== '..';
}

/** Sorts matches by the tie-break rule; the first is the answer. Plain code-unit order keeps it locale-independent. */
function pick(matches: VaultPath[], fromFolder: string): Resolution {
  if (matches.length === 0) return UNRESOLVED;
  if (matches.length === 1) return { resolved: matches[0], candidates: [] };
  const ranked = [...matches].sort((a, b) => {
    const sameA = dirname(a) === fromFolder ? 0 : 1;
    const sameB = dirname(b) === fromFolder ? 0 : 1;
    if (sameA !== sameB) return sameA - sameB;
    const depth = folderDepth(a) - folderDepth(b);
    if (depth !== 0) return depth;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return { resolved: ranked[0], candidates: [...matches].sort() };
}

/** Files at exactly this path, '.md' optional. */
function exactMatches(index: FileIndex, path: string): VaultPath[] {
  const found = [...index.exact(path)];
  if (!isNotePath(path)) found.push(...index.exact(`${path}.md`));
  return found;
}

/** A bare name: notes by title (with or without '.md'), attachments by their full file name. */
function nameMatches(index: FileIndex, name: string): VaultPath[] {
  const lower = name.toLowerCase();
  const wantsNote = isNotePath(name);
  const title = stripMd(lower);
  const out: VaultPath[] = [];
  for (const file of index.withKey(lookupKey(name))) {
    const fileName = basename(file).toLowerCase();
    if (index.isNote(file) ? stripMd(fileName) === title : !wantsNote && fileName === lower) out.push(file);
  }
  return out;
}

/** Notes (or attachments) whose path ends with `suffix` on a folder boundary. */
function suffixMatches(index: FileIndex, suffix: string): VaultPath[] {
  const lower = `/${suffix.toLowerCase()}`;
  const withMd = isNotePath(suffix) ? null : `${lower}.md`;
  const out: VaultPath[] = [];
  for (const file of index.withKey(lookupKey(suffix))) {
    const path = `/${file.toLowerCase()}`;
    if (path.endsWith(lower) || (withMd !== null && path.endsWith(withMd))) out.push(file);
  }
  return out;
}

/**
 * A path suffix must name one file: unlike a bare name there is no tie-break, because the writer
 * spelled out folders and still did not say which file. Several matches leave the link
 * unresolved, with the matches as candidates so the link-health report can say why.
 */
function uniqueSuffix(matches: VaultPath[]): Resolution {
  if (matches.length === 0) return UNRESOLVED;
  if (matches.length === 1) return { resolved: matches[0], candidates: [] };
  return { resolved: null, candidates: [...matches].sort() };
}

export function resolveWikiTarget(index: FileIndex, from: VaultPath, rawTarget: string): Resolution {
  const target = rawTarget.trim();
  if (target === '') return { resolved: from, candidates: [] };
  if (!endsInFileName(target)) return UNRESOLVED;
  const fromFolder = dirname(from);
  if (target.includes('/')) {
    const rootOnly = target.startsWith('/');
    const fromRoot = normalize(target);
    if (fromRoot !== null && fromRoot !== '') {
      const found = exactMatches(index, fromRoot);
      if (found.length) return pick(found, fromFolder);
    }
    if (rootOnly) return UNRESOLVED;
    const relative = normalize(join(fromFolder, target));
    if (relative !== null && relative !== '') {
      const found = exactMatches(index, relative);
      if (found.length) return pick(found, fromFolder);
    }
    const cleaned = normalize(target);
    return cleaned ? uniqueSuffix(suffixMatches(index, cleaned)) : UNRESOLVED;
  }
  return pick(nameMatches(index, target), fromFolder);
}

export function resolveMarkdownTarget(index: FileIndex, from: VaultPath, rawTarget: string): Resolution {
  const target = rawTarget.trim();
  if (target === '') return { resolved: from, candidates: [] };
  if (!endsInFileName(target)) return UNRESOLVED;
  const fromFolder = dirname(from);
  if (target.startsWith('/')) {
    const fromRoot = normalize(target);
    return fromRoot ? pick(exactMatches(index, fromRoot), fromFolder) : UNRESOLVED;
  }
  const relative = normalize(join(fromFolder, target));
  if (relative === null) return UNRESOLVED;
  const nearby = relative === '' ? [] : exactMatches(index, relative);
  if (nearby.length) return pick(nearby, fromFolder);
  const fromRoot = normalize(target);
  if (fromRoot) {
    const found = exactMatches(index, fromRoot);
    if (found.length) return pick(found, fromFolder);
  }
  // Obsidian writes shortest-form markdown links too ('Note.md' for a note elsewhere), so the
  // wiki rule gets the last word.
  return resolveWikiTarget(index, from, target);
}

export function resolveLinkTarget(index: FileIndex, from: VaultPath, kind: LinkKind, target: string): Resolution {
  return kind === 'markdown' ? resolveMarkdownTarget(index, from, target) : resolveWikiTarget(index, from, target);
}
