/**
 * Node colours: by top-level folder (the default) or by cluster. A folder's colour comes from
 * its name (a hash into a fixed palette), so it never changes when notes are added, moved or
 * deleted elsewhere; two folders may share a colour, as in any palette-based legend. Clusters
 * have no stable name, so they take colours by size rank. The legend counts what is shown.
 */
import type { GraphNode } from '../../../main/core/types';

/** Readable on light and dark backgrounds; distinct enough for a legend of a dozen entries. */
export const PALETTE = ['#5b8def', '#e8743b', '#19a979', '#d64d8b', '#9c6ade', '#c9a227', '#2bb3c0', '#b4532a', '#6f9a3a', '#7d7fd6', '#e05d5d', '#4f8a8b'];
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

/** A palette colour from a key's name alone (FNV-1a over its UTF-16 code units). */
export function colourForName(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return PALETTE[h % PALETTE.length];
}

export interface SchemeOptions {
  /** A key's colour; by default keys take palette colours by size rank (largest first). */
  colourOfKey?(key: string): string;
  /** Which ids the legend counts (what is shown); all by default. */
  shown?(id: string): boolean;
}

/** Colours by key, and a legend of the shown ids' keys, largest first (past the palette's length: "other"). */
export function schemeFromKeys(keyOf: Map<string, string | null>, labelOf: (key: string) => string = (k) => k, options: SchemeOptions = {}): ColourScheme {
  const rankOrder = (count: (id: string) => boolean) => {
    const counts = new Map<string, number>();
    for (const [id, key] of keyOf) if (key !== null && count(id)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const colourByKey = new Map<string, string>();
  if (!options.colourOfKey) rankOrder(() => true).forEach(([key], i) => colourByKey.set(key, PALETTE[i] ?? OTHER_COLOUR));
  const colourOfKey = (key: string) => options.colourOfKey?.(key) ?? colourByKey.get(key) ?? OTHER_COLOUR;
  const ordered = rankOrder(options.shown ?? (() => true));
  const legend = ordered.slice(0, PALETTE.length).map(([key, count]) => ({ key, label: labelOf(key), colour: colourOfKey(key), count }));
  const rest = ordered.slice(PALETTE.length).reduce((sum, [, c]) => sum + c, 0);
  if (rest > 0) legend.push({ key: '__other', label: 'other', colour: OTHER_COLOUR, count: rest });
  return {
    colourOf: (id) => {
      const key = keyOf.get(id);
      return key == null ? GHOST_COLOUR : colourOfKey(key);
    },
    legend,
  };
}

/** Colours by top-level folder, each from the folder's name; the legend counts the shown notes (all by default). */
export function folderScheme(nodes: Iterable<GraphNode>, shown?: (id: string) => boolean): ColourScheme {
  const keyOf = new Map<string, string | null>();
  // Attachments are drawn grey squares whatever their folder, so they stay out of the legend.
  for (const n of nodes) keyOf.set(n.id, n.kind === 'note' ? topFolder(n) : null);
  return schemeFromKeys(keyOf, undefined, { colourOfKey: colourForName, shown });
}
