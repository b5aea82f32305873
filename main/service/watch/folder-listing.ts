/**
 * The reconciliation's look for entries the watcher missed (new files, new folders): each
 * folder's mtime is remembered, and a pass re-lists only the folders whose mtime changed, since
 * creating or removing an entry changes its folder's mtime on every supported platform. An
 * unchanged vault costs one stat per folder and no listing. The first pass lists every folder
 * once, for the baseline. What is vault content is the scan's own rule (index/scan-rules.ts).
 *
 * Not covered: folders reached through a symlink (the scan follows them; their contents are
 * still compared by the file stats, but a new file inside one waits for the watcher), and a
 * change that leaves a folder's mtime as it was (a clock set back to the very same value).
 */
import type { VaultPath } from '../../core/types';
import { errorCode } from '../file-reports';
import { classifyScanEntry } from '../index/scan-rules';
import type { VaultFs, VaultFsDirEntry } from '../files/vault-fs';
import { toAbsolutePath } from '../files/vault-files';

export type ListingFs = Pick<VaultFs, 'stat' | 'readdir'>;

export class FolderListing {
  /** Vault path of each folder ('' for the root) -> its mtime when last listed; null before the baseline. */
  private folders: Map<string, number> | null = null;

  constructor(
    private readonly realRoot: string,
    private readonly fs: ListingFs,
  ) {}

  /**
   * Entries on disk the index does not hold (`isKnown` false): new notes and attachments, links,
   * and unopenable names (for the batch path to report). `cancelled` stops the pass early.
   */
  async unknownEntries(isKnown: (path: VaultPath) => boolean, cancelled: () => boolean): Promise<VaultPath[]> {
    const found: VaultPath[] = [];
    const visit = { isKnown, cancelled, found };
    if (this.folders === null || this.folders.size === 0) {
      this.folders = new Map();
      await this.listTree('', visit);
      return found;
    }
    for (const [folder, mtimeMs] of [...this.folders]) {
      if (cancelled()) return [];
      // Dropped meanwhile, with a parent that went away.
      if (!this.folders.has(folder)) continue;
      const now = await this.folderMtime(folder);
      if (now === null) this.forget(folder);
      else if (now !== mtimeMs) await this.list(folder, now, visit);
    }
    return found;
  }

  private async listTree(folder: string, visit: Visit): Promise<void> {
    const mtimeMs = await this.folderMtime(folder);
    if (mtimeMs !== null) await this.list(folder, mtimeMs, visit);
  }

  /** Lists `folder` (whose mtime was read before the listing, so a change meanwhile is seen next pass). */
  private async list(folder: string, mtimeMs: number, visit: Visit): Promise<void> {
    const folders = this.folders!;
    let entries: VaultFsDirEntry[];
    try {
      entries = await this.fs.readdir(this.absolute(folder));
    } catch (error) {
      // Gone or unreadable now: the file stats and the batch path report what matters.
      if (errorCode(error) === undefined) throw error;
      this.forget(folder);
      return;
    }
    folders.set(folder, mtimeMs);
    const listed = new Set<string>();
    const newFolders: string[] = [];
    for (const entry of entries) {
      const classified = classifyScanEntry(folder, entry);
      if (classified.kind === 'skip') continue;
      const vaultPath = classified.kind === 'unopenable' ? classified.report.path : classified.vaultPath;
      if (classified.kind === 'dir') {
        listed.add(vaultPath);
        if (!folders.has(vaultPath)) newFolders.push(vaultPath);
      } else if (!visit.isKnown(vaultPath)) {
        visit.found.push(vaultPath);
      }
    }
    // Subfolders no longer there: their files are gone too, which the file stats see.
    const prefix = folder === '' ? '' : `${folder}/`;
    for (const known of [...folders.keys()]) {
      if (known.startsWith(prefix) && known !== folder && !known.slice(prefix.length).includes('/') && !listed.has(known)) this.forget(known);
    }
    for (const created of newFolders) {
      if (visit.cancelled()) return;
      await this.listTree(created, visit);
    }
  }

  private async folderMtime(folder: string): Promise<number | null> {
    try {
      const stats = await this.fs.stat(this.absolute(folder));
      return stats.isDirectory() ? stats.mtimeMs : null;
    } catch (error) {
      if (errorCode(error) === undefined) throw error;
      return null;
    }
  }

  /** `folder` and every folder below it. */
  private forget(folder: string): void {
    const folders = this.folders!;
    for (const known of [...folders.keys()]) if (known === folder || folder === '' || known.startsWith(`${folder}/`)) folders.delete(known);
  }

  private absolute(folder: string): string {
    return folder === '' ? this.realRoot : toAbsolutePath(this.realRoot, folder);
  }
}

interface Visit {
  isKnown(path: VaultPath): boolean;
  cancelled(): boolean;
  found: VaultPath[];
}
