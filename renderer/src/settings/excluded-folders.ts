/**
 * "Excluded folders" (Obsidian's "Excluded files"): notes and attachments under one of these
 * folders are left out of the file explorer, search results and the quick switcher. They stay in
 * the vault and their links still resolve; only the lists skip them.
 */

/** Whether `path` is in `folder` or below it ('Archive' excludes 'Archive/x.md', not 'Archived.md'). */
export function isExcluded(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => folder !== '' && (path === folder || path.startsWith(`${folder}/`)));
}

export function withoutExcluded<T extends { path: string }>(items: readonly T[], folders: readonly string[]): T[] {
  return folders.length === 0 ? (items as T[]) : items.filter((item) => !isExcluded(item.path, folders));
}
