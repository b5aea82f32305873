/** Small graphs for the graph-view tests. */
import type { GraphEdge, GraphNode, GraphSnapshot, VaultPath } from '../../../main/core/types';
import { PLACEHOLDER_PREFIX } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

export const note = (path: VaultPath, tags: string[] = []): GraphNode => ({
  id: path,
  kind: 'note',
  label: path.split('/').pop()!.replace(/\.md$/, ''),
  path,
  tags,
});
export const attachment = (path: VaultPath): GraphNode => ({ id: path, kind: 'attachment', label: path.split('/').pop()!, path, tags: [] });
export const placeholder = (target: string): GraphNode => ({
  id: PLACEHOLDER_PREFIX + target.toLowerCase(),
  kind: 'placeholder',
  label: target,
  path: null,
  tags: [],
});
export const edge = (source: string, target: string, count = 1): GraphEdge => ({ id: `${source}->${target}`, source, target, count });

/**
 * A chain A - B - C - D - E (A.md at the root, the rest in folders), a hub H linked from
 * A, B and C, a placeholder "Missing" linked from E, an attachment from B and an orphan O.
 */
export function chainSnapshot(): GraphSnapshot {
  const nodes = [
    note(vp('A.md'), ['topic']),
    note(vp('One/B.md'), ['topic/sub']),
    note(vp('One/C.md')),
    note(vp('Two/D.md')),
    note(vp('Two/E.md')),
    note(vp('Hubs/H.md')),
    note(vp('O.md')),
    placeholder('Missing'),
    attachment(vp('assets/pic.png')),
  ];
  const edges = [
    edge('A.md', 'One/B.md'),
    edge('One/B.md', 'One/C.md'),
    edge('One/C.md', 'Two/D.md'),
    edge('Two/D.md', 'Two/E.md'),
    edge('A.md', 'Hubs/H.md'),
    edge('One/B.md', 'Hubs/H.md'),
    edge('One/C.md', 'Hubs/H.md', 3),
    edge('Two/E.md', nodes[7].id),
    edge('One/B.md', 'assets/pic.png'),
  ];
  return { nodes, edges };
}
