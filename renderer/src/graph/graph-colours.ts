/**
 * Node colours: by top-level folder (the default) or by cluster. Colours come from a fixed
 * palette in sorted-key order, so the same vault always gets the same colours.
 */
import type { GraphNode } from '../../../main/core/types';

/** Readable on light and dark backgrounds; distinct enough for a legend of a dozen entries. */
export const PALETTE = [
  '#5b8def', '#e8743b', '#19a979', '#d64d8b', '#9c6ade', '#c9a227',
  '#2bb3c0', '#b4532a', '#6f9a3a', '#7d7fd6', '#e05d5d', '#4f8a8b',
];
export const ROOT_FOLDER = '(root)';
export const GHOST_COLOUR = '#9094a0';
/** Past the palette, further keys share one neutral colour (the legend says "other"). */
export const OTHER_COLOUR = '#8a8f98';

/** The top-level folder of a node, '(root)' for files at the vault root, null for placeholders. */
export function topFolder(node: GraphNode): string | null {
  if (!node.path) return null;
  const slash = node.path.indexOf('/');
  return slash < 0 ? ROOT_FOLDER : node.path.slice(0, slash);
}

export interface ColourScheme {
  colourOf(id: string): string;
  /** Legend entries in display order. */
  legend: { key: string; label: string; colour: string; count: number }[];
}

/** Assigns palette colours to keys, largest groups first so the big ones get distinct colours. */
export function schemeFromKeys(keyOf: Map<string, string | null>, labelOf: (key: string) => string = (k) => k): ColourScheme {
  const counts = new Map<string, number>();
  for (const key of keyOf.values()) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colourByKey = new Map<string, string>();
  ordered.forEach(([key], i) => colourByKey.set(key, PALETTE[i] ?? OTHER_COLOUR));
  const legend = ordered.slice(0, PALETTE.length).map(([key, count]) => ({ key, label: labelOf(key), colour: colourByKey.get(key)!, count }));
  const rest = ordered.slice(PALETTE.length).reduce((sum, [, c]) => sum + c, 0);
  if (rest > 0) legend.push({ key: '__other', label: 'other', colour: OTHER_COLOUR, count: rest });
  return {
    colourOf: (id) => {
      const key = keyOf.get(id);
      return key == null ? GHOST_COLOUR : colourByKey.get(key) ?? OTHER_COLOUR;
    },
    legend,
  };
}

export function folderScheme(nodes: Iterable<GraphNode>): ColourScheme {
  const keyOf = new Map<string, string | null>();
  // Attachments are drawn grey squares whatever their folder, so they stay out of the legend.
  for (const n of nodes) keyOf.set(n.id, n.kind === 'note' ? topFolder(n) : null);
  return schemeFromKeys(keyOf);
}
