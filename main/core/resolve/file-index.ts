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
  private readonly byLowerPath = new Map<string, VaultPath[]>();
  private readonly byKey = new Map<string, Set<VaultPath>>();
  private readonly notes = new Set<VaultPath>();

  add(path: VaultPath): void {
    const lower = path.toLowerCase();
    const same = this.byLowerPath.get(lower);
    if (same?.includes(path)) return;
    if (same) same.push(path);
    else this.byLowerPath.set(lower, [path]);
    const key = lookupKey(path);
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(path);
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
    const set = this.byKey.get(key);
    set?.delete(path);
    if (set && set.size === 0) this.byKey.delete(key);
    this.notes.delete(path);
  }

  has(path: VaultPath): boolean {
    return this.byLowerPath.get(path.toLowerCase())?.includes(path) ?? false;
  }

  isNote(path: VaultPath): boolean {
    return this.notes.has(path);
  }

  /** Files whose path equals `path` ignoring case (usually one; two only on case-sensitive disks). */
  exact(path: string): VaultPath[] {
    return this.byLowerPath.get(path.toLowerCase()) ?? [];
  }

  withKey(key: string): ReadonlySet<VaultPath> {
    return this.byKey.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<VaultPath> = new Set();
