/**
 * Every file of the vault, indexed the two ways link resolution asks: by exact path
 * (case-insensitive) and by lookup key (the file name, lower-cased, '.md' dropped for notes).
 */
import { basename, isNotePath, stripMd } from '../paths';
import type { VaultPath } from '../types';

/**
 * The lookup key of a link target or a file: the last path segment, lower-cased, without a
 * trailing '.md'. Links and files with the same key are exactly the ones that can match, so the
 * graph re-resolves only links whose key a changed file has.
 */
export function lookupKey(targetOrPath: string): string {
  return stripMd(basename(targetOrPath)).toLowerCase();
}

export class FileIndex {
  // Plain arrays, not Sets: almost every path and key has exactly one file, and building 10k
  // one-element Sets was a visible part of opening a big vault.
  private readonly byLowerPath = new Map<string, VaultPath[]>();
  private readonly byKey = new Map<string, VaultPath[]>();
  private readonly notes = new Set<VaultPath>();

  add(path: VaultPath): void {
    const lower = path.toLowerCase();
    const same = this.byLowerPath.get(lower);
    if (same?.includes(path)) return;
    if (same) same.push(path);
    else this.byLowerPath.set(lower, [path]);
    const key = lookupKey(path);
    const files = this.byKey.get(key);
    if (files) files.push(path);
    else this.byKey.set(key, [path]);
    if (isNotePath(path)) this.notes.add(path);
  }

  remove(path: VaultPath): void {
    const lower = path.toLowerCase();
    const same = this.byLowerPath.get(lower);
    if (!same || !same.includes(path)) return;
    const rest = same.filter((p) => p !== path);
    if (rest.length) this.byLowerPath.set(lower, rest);
    else this.byLowerPath.delete(lower);
    const key = lookupKey(path);
    const files = this.byKey.get(key)?.filter((p) => p !== path) ?? [];
    if (files.length) this.byKey.set(key, files);
    else this.byKey.delete(key);
    this.notes.delete(path);
  }

  has(path: VaultPath): boolean {
    return this.byLowerPath.get(path.toLowerCase())?.includes(path) ?? false;
  }

  isNote(path: VaultPath): boolean {
    return this.notes.has(path);
  }

  /** Files whose path equals `path` ignoring case (usually one; two only on case-sensitive disks). */
  exact(path: string): readonly VaultPath[] {
    return this.byLowerPath.get(path.toLowerCase()) ?? EMPTY;
  }

  /** Files with this lookup key, in the order they were added. */
  withKey(key: string): readonly VaultPath[] {
    return this.byKey.get(key) ?? EMPTY;
  }
}

const EMPTY: readonly VaultPath[] = [];
