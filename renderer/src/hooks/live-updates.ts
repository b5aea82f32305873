/**
 * Decides what of a shown note a vault event makes stale (everything, some parts, or nothing),
 * and which events change link resolution (drop the resolver cache).
 */
import type { DerivedChanges, VaultEvent } from '../../../main/contract/api-contract';
import type { GraphDelta, VaultPath } from '../../../main/core/types';
import { edgeEnds } from '../../../main/core/graph/graph-diff';

/** What is shown about a note besides its text, each read by its own request (use-note-data.ts). */
export type NotePart = 'meta' | 'backlinks' | 'outgoing' | 'unlinked';

/** 'all': re-read the note as for any change (its text too, unless this window saved it). */
export type Stale = 'all' | readonly NotePart[];

/**
 * `savedHash`: the hash of the note's text as this window saved it, while the disk still holds
 * it (api/own-saves.ts), else null. Only the echo of that save is re-read in parts: any other
 * change to the note's file may have changed anything.
 */
export function staleParts(event: VaultEvent, path: VaultPath | null, savedHash: string | null): Stale {
  if (!path) return [];
  switch (event.type) {
    case 'external-change':
      return event.path === path ? 'all' : [];
    case 'files': {
      if (event.removed.includes(path) || event.added.some((f) => f.path === path)) return 'all';
      const change = event.changed.find((f) => f.path === path);
      if (!change) return [];
      if (savedHash === null || change.hash !== savedHash || !change.derived) return 'all';
      return fromDerived(change.derived);
    }
    case 'graph':
      return fromDelta(event.delta, path);
    default:
      return [];
  }
}

function fromDerived(changes: DerivedChanges): Stale {
  // The vault's tag counts are read again on the app's version, with everything shown: a full re-read.
  if (changes.tags) return 'all';
  const parts: NotePart[] = [];
  if (changes.meta) parts.push('meta');
  if (changes.links) parts.push('outgoing');
  // Other notes' links and mentions may now name it, or no longer.
  if (changes.names) parts.push('backlinks', 'unlinked');
  return parts;
}

/** The graph holds links and the nodes' names and tags: an edge says which side of the note changed. */
function fromDelta(delta: GraphDelta, path: VaultPath): Stale {
  if (delta.nodesAdded.some((n) => n.id === path) || delta.nodesRemoved.includes(path) || delta.nodesChanged.some((n) => n.id === path)) return 'all';
  const parts = new Set<NotePart>();
  const edge = (source: string, target: string) => {
    if (source === path) parts.add('outgoing');
    if (target === path) {
      parts.add('backlinks');
      // A note that links to it now, or no longer, leaves or joins its unlinked mentions.
      parts.add('unlinked');
    }
  };
  for (const e of [...delta.edgesAdded, ...delta.edgesChanged]) edge(e.source, e.target);
  // An id is JSON of [source, target]: one that does not hold the path's JSON is not parsed (a big delete removes many).
  const quoted = JSON.stringify(path);
  for (const id of delta.edgesRemoved) if (id.includes(quoted)) edge(...edgeEnds(id));
  return [...parts];
}

export function changesResolution(event: VaultEvent): boolean {
  if (event.type === 'files') return event.added.length > 0 || event.removed.length > 0;
  if (event.type === 'graph') return event.delta.nodesAdded.length > 0 || event.delta.nodesRemoved.length > 0;
  if (event.type === 'external-rename') return true;
  return false;
}
