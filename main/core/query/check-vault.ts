/**
 * The link-health report behind `plexus check`: unresolved and ambiguous links, links to
 * headings or block ids that do not exist, duplicate block ids, orphans.
 */
import type { VaultGraph } from '../graph/vault-graph';
import type { ResolvedLink, VaultPath } from '../types';

export interface MissingAnchor {
  link: ResolvedLink;
  /** 'heading' or 'block' */
  anchor: 'heading' | 'block';
  /** The heading text or block id that was not found. */
  name: string;
}

export interface DuplicateBlockId {
  path: VaultPath;
  id: string;
  lines: number[];
}

export interface CheckReport {
  unresolved: ResolvedLink[];
  ambiguous: ResolvedLink[];
  missingAnchors: MissingAnchor[];
  duplicateBlockIds: DuplicateBlockId[];
  orphans: VaultPath[];
  /** True when any link is broken: unresolved, or pointing at a missing heading or block. */
  hasBrokenLinks: boolean;
}

/** Obsidian matches headings loosely: case-insensitive, whitespace collapsed. */
function headingKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function findMissingAnchor(graph: VaultGraph, link: ResolvedLink): MissingAnchor | null {
  if (link.resolved === null) return null;
  const note = graph.getNote(link.resolved);
  if (!note) return null; // attachments have no headings or blocks to check
  if (link.block !== null) {
    const wanted = link.block.toLowerCase();
    return note.blockIds.some((b) => b.id.toLowerCase() === wanted) ? null : { link, anchor: 'block', name: link.block };
  }
  if (link.heading !== null && link.heading !== '') {
    // [[Note#H1#H2]] names a heading under a heading; the last part must exist.
    const parts = link.heading.split('#').filter((p) => p.trim() !== '');
    const last = parts[parts.length - 1];
    if (last === undefined) return null;
    const wanted = headingKey(last);
    return note.headings.some((h) => headingKey(h.text) === wanted) ? null : { link, anchor: 'heading', name: link.heading };
  }
  return null;
}

export function checkVault(graph: VaultGraph): CheckReport {
  const links = graph.allLinks();
  const unresolved = links.filter((l) => l.resolved === null);
  const ambiguous = links.filter((l) => l.candidates.length > 1);
  const missingAnchors: MissingAnchor[] = [];
  for (const link of links) {
    const missing = findMissingAnchor(graph, link);
    if (missing) missingAnchors.push(missing);
  }
  const duplicateBlockIds: DuplicateBlockId[] = [];
  for (const path of graph.notePaths()) {
    const byId = new Map<string, number[]>();
    for (const block of graph.getNote(path)!.blockIds) {
      const key = block.id.toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), block.line]);
    }
    for (const [id, lines] of byId) if (lines.length > 1) duplicateBlockIds.push({ path, id, lines });
  }
  return {
    unresolved,
    ambiguous,
    missingAnchors,
    duplicateBlockIds,
    orphans: graph.orphans(),
    hasBrokenLinks: unresolved.length > 0 || missingAnchors.length > 0,
  };
}
