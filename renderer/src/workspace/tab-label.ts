/** A tab's label: its note's title (from the file list when known), "Graph", or "New tab". */
import type { FileEntry } from '../../../main/contract/api-contract';
import type { View } from './layout-model';

export function tabLabel(files: FileEntry[] | null, view: View | null): string {
  if (!view) return 'New tab';
  if (view.kind === 'graph') return 'Graph';
  const entry = files?.find((f) => f.path === view.route.path);
  return entry?.kind === 'note' ? entry.title : (view.route.path.replace(/\.md$/i, '').split('/').pop() ?? view.route.path);
}
