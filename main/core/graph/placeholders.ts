/**
 * Placeholders: the nodes that stand for unresolved link targets (Obsidian's ghost nodes).
 * All unresolved links whose targets agree ignoring case and a trailing '.md' share one.
 */
import { lookupKey } from '../resolve/file-index';
import type { Resolution } from '../resolve/resolve-link';
import type { LinkRef } from '../types';
import { PLACEHOLDER_PREFIX } from '../types';

/** PLACEHOLDER_PREFIX + the target lower-cased with '.md' dropped; folders are kept ('x/Dup' and 'Dup' differ). */
export function placeholderId(target: string): string {
  return PLACEHOLDER_PREFIX + target.trim().replace(/\.md$/i, '').toLowerCase();
}

export function isPlaceholderId(id: string): boolean {
  return id.startsWith(PLACEHOLDER_PREFIX);
}

/** The lookup key of a link: every file that can match it has the same key (see FileIndex). */
export function linkKey(link: Pick<LinkRef, 'target'>): string {
  return lookupKey(link.target.trim());
}

/** The node a link with this resolution points at: its file, or the placeholder for its target. */
export function nodeIdOf(link: Pick<LinkRef, 'target'>, resolution: Pick<Resolution, 'resolved'>): string {
  return resolution.resolved ?? placeholderId(link.target);
}

/**
 * The spelling a placeholder shows: the target as written by the earliest such link (by
 * offset) of the given source. The graph passes the alphabetically first linking note, so an
 * incremental graph and a fresh build always agree.
 */
export function placeholderLabel(id: string, links: readonly LinkRef[], resolutions: readonly Resolution[]): string {
  let best: LinkRef | null = null;
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (resolutions[i].resolved !== null || placeholderId(link.target) !== id) continue;
    if (best === null || link.start < best.start) best = link;
  }
  if (best === null) throw new Error(`no unresolved link of the source points at ${id}`);
  return best.target.trim();
}
