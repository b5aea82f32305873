/** Decides which vault events concern the open note (re-read it) or link resolution (drop the resolver cache). */
import type { VaultEvent } from '../../../main/contract/api-contract';

export function touchesNote(event: VaultEvent, path: string | null): boolean {
  if (!path) return false;
  switch (event.type) {
    case 'external-change':
      return event.path === path;
    case 'files':
      return event.changed.some((f) => f.path === path) || event.added.some((f) => f.path === path) || event.removed.includes(path);
    case 'graph': {
      const d = event.delta;
      const edgeTouches = (e: { source: string; target: string }) => e.source === path || e.target === path;
      return (
        d.nodesChanged.some((n) => n.id === path) ||
        d.nodesAdded.some((n) => n.id === path) ||
        d.nodesRemoved.includes(path) ||
        d.edgesAdded.some(edgeTouches) ||
        d.edgesChanged.some(edgeTouches) ||
        // Removed edges come as ids only; an id naming the note is enough reason to refresh backlinks.
        d.edgesRemoved.some((id) => id.includes(path))
      );
    }
    default:
      return false;
  }
}

export function changesResolution(event: VaultEvent): boolean {
  if (event.type === 'files') return event.added.length > 0 || event.removed.length > 0;
  if (event.type === 'graph') return event.delta.nodesAdded.length > 0 || event.delta.nodesRemoved.length > 0;
  if (event.type === 'external-rename') return true;
  return false;
}
