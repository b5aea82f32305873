/**
 * The reconciliation's look for entries the watcher missed (new files, new folders): each
 * folder's mtime is remembered, and a pass re-lists only the folders whose mtime changed, since
 * creating or removing an entry changes its folder's mtime on every supported platform. An
 * unchanged vault costs one stat per folder and no listing. The first pass lists every folder
 * once, for the baseline. What is vault content is the scan's own rule (index/scan-rules.ts).
 *
 * Folders reached through a symlink are listed as the scan walks them (the watcher does not
 * follow links, so only this finds a new file inside one): a link whose real folder is inside
 * the vault and not listed through another path already is listed under the link's path; a
 * link back to a folder on the way, or a second link to one, is not (the scan reports it).
 * As in the scan, plain folders win over links, and of two links the first in path order.
 *
 * Not covered: a change that leaves a folder's mtime as it was (a clock set back to the very
 * same value).
 */
import * as path from 'node:path';
import { errorCode } from '../file-reports';
import { classifyScanEntry } from '../index/scan-rules';
import type { VaultFs, VaultFsDirEntry } from '../files/vault-fs';
import { isInside, toAbsolutePath } from '../files/vault-files';

export type ListingFs = Pick<VaultFs, 'stat' | 'readdir' | 'realpath'>;

interface Folder {
  /** Its mtime when last listed. */
  mtimeMs: number;
  /** Its real path: the loop guard for links (no folder is listed under two vault paths). */
  real: string;
}

export class FolderListing {
  /** Vault path of each folder ('' for the root); null before the baseline. */
  private folders: Map<string, Folder> | null = null;

  constructor(
    private readonly realRoot: string,
    private readonly fs: ListingFs,
  ) {}

  /**
   * Entries on disk the index does not hold (`isKnown` false): new notes and attachments, links,
   * and unopenable names (for the batch path to report). `cancelled` stops the pass early.
   */
  async unknownEntries(isKnown: (path: string) => boolean, cancelled: () => boolean): Promise<string[]> {
    const found: string[] = [];
    const visit: Visit = { isKnown, cancelled, found, links: [] };
    if (this.folders === null || this.folders.size === 0) {
      this.folders = new Map();
      await this.listTree('', this.realRoot, visit);
    } else {
      for (const [folder, { mtimeMs, real }] of [...this.folders]) {
        if (cancelled()) return [];
        // Dropped meanwhile, with a parent that went away.
        if (!this.folders.has(folder)) continue;
        const now = await this.folderMtime(folder);
        if (now === null) this.forget(folder);
        else if (now !== mtimeMs) await this.list(folder, real, now, visit);
      }
    }
    await this.followLinks(visit);
    return found;
  }

  private async listTree(folder: string, real: string, visit: Visit): Promise<void> {
    const mtimeMs = await this.folderMtime(folder);
    if (mtimeMs !== null) await this.list(folder, real, mtimeMs, visit);
  }

  /** Lists `folder` (whose mtime was read before the listing, so a change meanwhile is seen next pass). */
  private async list(folder: string, real: string, mtimeMs: number, visit: Visit): Promise<void> {
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
    folders.set(folder, { mtimeMs, real });
    const listed = new Set<string>();
    const newFolders: string[] = [];
    for (const entry of entries) {
      const classified = classifyScanEntry(folder, entry);
      if (classified.kind === 'skip') continue;
      const vaultPath = classified.kind === 'unopenable' ? classified.report.path : classified.vaultPath;
      if (classified.kind === 'dir') {
        listed.add(vaultPath);
        if (!folders.has(vaultPath)) newFolders.push(vaultPath);
      } else if (classified.kind === 'link' && folders.has(vaultPath)) {
        // A link already listed as a folder.
        listed.add(vaultPath);
      } else if (classified.kind === 'link') {
        listed.add(vaultPath);
        visit.links.push(vaultPath);
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
      // A plain folder's real path is its parent's plus its name.
      await this.listTree(created, path.join(real, created.slice(prefix.length)), visit);
    }
  }

  /**
   * Links met while listing, after the plain folders and in path order (the scan's order): a link
   * to a folder is listed as one unless its real folder is listed already; any other link (to a
   * file, out of the vault, broken, a loop) is an entry for the batch path, which decides and reports.
   */
  private async followLinks(visit: Visit): Promise<void> {
    while (visit.links.length > 0) {
      visit.links.sort((a, b) => (a < b ? 1 : -1));
      const link = visit.links.pop()!;
      if (visit.cancelled()) return;
      const real = await this.folderBehind(link);
      if (real !== null && !this.isListed(real)) await this.listTree(link, real, visit);
      else if (real === null && !visit.isKnown(link)) visit.found.push(link);
    }
  }

  /** The real path of the folder `link` leads to, when that is inside the vault; null otherwise. */
  private async folderBehind(link: string): Promise<string | null> {
    try {
      const real = await this.fs.realpath(this.absolute(link));
      if (!isInside(this.realRoot, real)) return null;
      return (await this.fs.stat(real)).isDirectory() ? real : null;
    } catch (error) {
      if (errorCode(error) === undefined) throw error;
      return null;
    }
  }

  private isListed(real: string): boolean {
    for (const folder of this.folders!.values()) if (folder.real === real) return true;
    return false;
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
  isKnown(path: string): boolean;
  cancelled(): boolean;
  found: string[];
  /** Links met while listing, followed once the plain folders are listed. */
  links: string[];
}
