/**
 * The layout tree's types (layout-model.ts says what they mean), apart so that the model and
 * the tree surgery in layout-tree.ts both import them without importing each other.
 */
import type { NoteRoute } from '../routing/hash-route';
import type { VaultPath } from '../../../main/core/types';

export type View = { kind: 'note'; route: NoteRoute } | { kind: 'graph'; local: VaultPath | null };

/** How a tab shows its note, as Obsidian: Reading view, or editing in Live Preview or source mode. */
export type NoteMode = 'reading' | 'live' | 'source';

export interface Tab {
  id: string;
  /** Absent: reading. Kept while the tab moves between notes, as Obsidian keeps a pane's mode. */
  mode?: NoteMode;
  /** Views visited in this tab; empty for a new, empty tab (then index is -1). */
  entries: View[];
  index: number;
  /**
   * A linked local graph (as Obsidian's linked view): the id of the pane whose shown note it
   * centres on, following it as that pane moves between notes. Unlinked when that pane closes.
   */
  linkedPane?: string;
}

export interface Pane {
  kind: 'pane';
  id: string;
  tabs: Tab[];
  /** The shown tab's id; null only when the pane has no tabs (the empty state). */
  active: string | null;
}

export interface Split {
  kind: 'split';
  id: string;
  /** row: children side by side (split right); column: stacked (split down). */
  direction: 'row' | 'column';
  children: LayoutNode[];
  /**
   * Each child's share of the split, in the children's order (weights, any positive numbers;
   * drawn as flex-grow). Absent: equal shares, as in layouts stored before panes could be resized.
   */
  sizes?: number[];
}

export type LayoutNode = Pane | Split;
