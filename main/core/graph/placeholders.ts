/**
 * Placeholders: the nodes that stand for unresolved link targets (Obsidian's ghost nodes).
 * All unresolved links whose targets agree ignoring case and a trailing '.md' share one.
 */
import { lookupKey } from '../resolve/file-index';
import type { LinkRef, ResolvedLink } from '../types';
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

/** The node a resolved link points at: its file, or the placeholder for its target. */
export function targetNodeId(link: ResolvedLink): string {
  return link.resolved ?? placeholderId(link.target);
}

/**
 * The spelling a placeholder shows: the target as written by the earliest such link (by
 * offset) of the given source. The graph passes the alphabetically first linking note, so an
 * incremental graph and a fresh build always agree.
 */
export function placeholderLabel(id: string, sourceLinks: readonly ResolvedLink[]): string {
  let best: ResolvedLink | null = null;
  for (const link of sourceLinks) {
    if (link.resolved !== null || placeholderId(link.target) !== id) continue;
    if (best === null || link.start < best.start) best = link;
  }
  if (best === null) throw new Error(`no unresolved link of the source points at ${id}`);
  return best.target.trim();
}
